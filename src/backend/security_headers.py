"""Standard security headers on every answer, error pages included.

The API answers JSON and CSV only, so its pages may load nothing and be framed by no one. The
interactive docs (/docs, /redoc) load Swagger UI and ReDoc from their CDN and start them with
an inline script; their policy allows exactly those: the CDN, and each inline script of the page
by its hash (the page embeds the request's root path, so the hashes are taken from the page
served, not computed once). Styles stay 'unsafe-inline': both UIs set styles from script.
"""

import base64
import hashlib
import re
from collections.abc import Iterable

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CDN = "https://cdn.jsdelivr.net"
API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
INLINE_SCRIPT = re.compile(
    rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE
)
DOCS_POLICY = "; ".join(
    (
        "default-src 'none'",
        f"script-src 'self' {CDN}{{script_hashes}}",
        f"style-src 'self' 'unsafe-inline' {CDN} https://fonts.googleapis.com",
        "font-src https://fonts.gstatic.com",
        "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly",
        "connect-src 'self'",
        "worker-src blob:",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    )
)
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def docs_policy(page: bytes) -> str:
    hashes = (
        base64.b64encode(hashlib.sha256(script).digest()).decode()
        for script in INLINE_SCRIPT.findall(page)
    )
    return DOCS_POLICY.format(script_hashes="".join(f" 'sha256-{value}'" for value in hashes))


def with_security_headers(message: Message, policy: str) -> Message:
    headers = MutableHeaders(scope=message)
    for name, value in COMMON_HEADERS.items():
        headers.setdefault(name, value)
    headers.setdefault("Content-Security-Policy", policy)
    return message


class SecurityHeaders:
    def __init__(self, app: ASGIApp, docs_paths: Iterable[str]) -> None:
        self.app = app
        self.docs_paths = frozenset(docs_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
        elif scope["path"] in self.docs_paths:
            await self.app(scope, receive, DocsPage(send).send)
        else:

            async def send_with_headers(message: Message) -> None:
                if message["type"] == "http.response.start":
                    message = with_security_headers(message, API_POLICY)
                await send(message)

            await self.app(scope, receive, send_with_headers)


class DocsPage:
    """Holds a docs page back until its whole body is there (a few kB), to hash its scripts."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self.start: Message | None = None
        self.body = bytearray()

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.start = message
            return
        if message["type"] != "http.response.body" or self.start is None:
            await self._send(message)
            return
        self.body += message.get("body", b"")
        if message.get("more_body", False):
            return
        await self._send(with_security_headers(self.start, docs_policy(bytes(self.body))))
        await self._send({"type": "http.response.body", "body": bytes(self.body)})


def install_security_headers(app: FastAPI) -> None:
    """Outside Starlette's own outermost layer, which answers unhandled errors with 500: a
    middleware added the usual way would never see those answers."""
    docs_paths = [app.docs_url, app.redoc_url, app.swagger_ui_oauth2_redirect_url]
    build_stack = app.build_middleware_stack

    def build_stack_with_headers() -> ASGIApp:
        return SecurityHeaders(build_stack(), [path for path in docs_paths if path])

    app.build_middleware_stack = build_stack_with_headers  # type: ignore[method-assign]
