"""Tables with a CSV download of exactly what they show."""

from typing import Any

import pandas as pd
import streamlit as st


def show_table(
    frame: pd.DataFrame,
    *,
    file_name: str,
    empty_message: str,
    columns: dict[str, Any] | None = None,
) -> None:
    """`columns` maps the frame's columns to show onto their headers or st.column_config."""
    if frame.empty:
        st.info(empty_message, icon=":material/info:")
        return
    shown = frame[list(columns)] if columns else frame
    st.dataframe(shown, hide_index=True, column_config=columns)
    st.download_button(
        "Download CSV",
        shown.to_csv(index=False).encode(),
        file_name=f"{file_name}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        key=f"download_{file_name}",
    )
