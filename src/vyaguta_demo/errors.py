"""Error answers: JSON with a readable message, or the HTML pages proxies send instead."""

from starlette.responses import HTMLResponse, JSONResponse

HTML_PAGES = {
    200: ("Scheduled maintenance", "Vyaguta is down for maintenance. Please try again later."),
    502: ("502 Bad Gateway", "The upstream server did not answer."),
}


def json_error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)


def html_error_page(status: int) -> HTMLResponse:
    title, text = HTML_PAGES.get(status, (f"Error {status}", "Something went wrong."))
    page = (
        f"<!DOCTYPE html><html><head><title>{title}</title></head>"
        f"<body><center><h1>{title}</h1><p>{text}</p></center><hr><center>nginx</center>"
        "</body></html>"
    )
    return HTMLResponse(page, status_code=status)
