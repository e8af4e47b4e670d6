"""Streamlit pieces every page uses: header, charts, tables, numbers."""
