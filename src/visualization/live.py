"""Pages that follow the data by themselves, without a manual reload."""

import functools
from collections.abc import Callable

import streamlit as st

from backend.settings import get_settings
from visualization.config import refresh_seconds
from visualization.database.reader import DATABASE_ERRORS


def live(render: Callable[[], None]) -> Callable[[], None]:
    """The page's body as a fragment rerun every refresh interval. A fragment, because
    `st.navigation` runs a page once per full run; the sidebar is left as it is."""
    interval = refresh_seconds(get_settings())

    @functools.wraps(render)
    def render_or_explain() -> None:
        try:
            render()
        except DATABASE_ERRORS as error:
            st.error(
                f"The database did not answer ({type(error).__name__}: {error}). "
                f"This page tries again every {interval:g} s.",
                icon=":material/cloud_off:",
            )

    return st.fragment(run_every=interval)(render_or_explain)
