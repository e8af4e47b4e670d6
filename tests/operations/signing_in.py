"""Talking to API processes over real HTTP."""

import httpx

from tests.operations.credentials import ADMIN_PASSWORD


async def admin_headers(http: httpx.AsyncClient, base_url: str) -> dict[str, str]:
    form = {"username": "admin", "password": ADMIN_PASSWORD}
    answer = await http.post(f"{base_url}/token", data=form)
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}
