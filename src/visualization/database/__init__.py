"""The dashboard's read-only way into PostgreSQL, usable from Streamlit's synchronous scripts."""
