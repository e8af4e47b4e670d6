"""The one Reader a dashboard process shares between all its sessions."""

from contextlib import ExitStack

import streamlit as st

from backend.settings import get_settings
from visualization.database.reader import Reader
from visualization.database.reader_url import reader_url


@st.cache_resource(show_spinner="Connecting to the database ...", on_release=Reader.close)
def shared_reader() -> Reader:
    """Opened on first use; a failure is not cached, so the next rerun tries again."""
    resources = ExitStack()
    try:
        url = resources.enter_context(reader_url(get_settings()))
        return Reader.open(url, on_close=resources.close)
    except BaseException:
        resources.close()
        raise
