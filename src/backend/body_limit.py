"""Refuses request bodies over UPLOAD_MAX_BYTES with 413, in the API's one error shape.

Starlette's own limit answers in plain text; this one answers like every other error.
"""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.errors import error_response


class BodyTooLarge(HTTPException):
    """An HTTPException so that FastAPI, reading a form when the limit is passed, hands it on
    instead of answering 400 "There was an error parsing the body"."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, too_large(max_bytes))


def too_large(max_bytes: int) -> str:
    return f"the request body is larger than {max_bytes} bytes (UPLOAD_MAX_BYTES)"


async def answer_body_too_large(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, BodyTooLarge)
    return error_response(413, "body_too_large", error.detail)


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        announced = Headers(scope=scope).get("content-length", "")
        if announced.isdigit() and int(announced) > self.max_bytes:
            await self.refuse(scope, receive, send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise BodyTooLarge(self.max_bytes)
            return message

        async def noting_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, noting_send)
        except BodyTooLarge:
            if started:
                raise
            await self.refuse(scope, receive, send)

    async def refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        await error_response(413, "body_too_large", too_large(self.max_bytes))(scope, receive, send)


def install_body_limit(app: FastAPI, max_bytes: int) -> None:
    app.add_middleware(BodySizeLimit, max_bytes=max_bytes)
    app.add_exception_handler(BodyTooLarge, answer_body_too_large)
