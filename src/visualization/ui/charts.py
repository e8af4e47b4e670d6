"""How every figure goes on a page: full width, with Plotly's zoom, pan and PNG download."""

import plotly.graph_objects as go
import streamlit as st

PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def show_chart(figure: go.Figure) -> None:
    st.plotly_chart(figure, config=PLOTLY_CONFIG)
