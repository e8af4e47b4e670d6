"""The optional DASHBOARD_PASSWORD gate, for deployments without single sign-on.

Where an OpenID Connect provider exists, prefer Streamlit's own `st.login` (configured under
`[auth]` in `.streamlit/secrets.toml`) and leave DASHBOARD_PASSWORD unset.
"""

import hmac

import streamlit as st
from pydantic import SecretStr

UNLOCKED_KEY = "dashboard_unlocked"


def password_matches(given: str, expected: str) -> bool:
    """Constant-time, so the time taken tells nothing about how much of it was right."""
    return hmac.compare_digest(given.encode(), expected.encode())


def require_password(expected: SecretStr | None) -> None:
    """Stops the script with a sign-in form until this session gave the password."""
    if expected is None or not expected.get_secret_value() or st.session_state.get(UNLOCKED_KEY):
        return
    st.title("Leave Analytics")
    with st.form("sign_in"):
        given = st.text_input("Dashboard password", type="password")
        submitted = st.form_submit_button("Sign in")
    if submitted and password_matches(given, expected.get_secret_value()):
        st.session_state[UNLOCKED_KEY] = True
        st.rerun()
    if submitted:
        st.error("That password is not right.")
    st.stop()
