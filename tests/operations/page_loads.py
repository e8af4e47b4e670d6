"""What an HTML page makes a browser load, by the CSP directive that must allow each."""

from html.parser import HTMLParser

ICON_RELS = {"icon", "shortcut icon"}


class PageLoads(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.loads: list[tuple[str, str]] = []
        self.inline_scripts: list[str] = []
        self.in_inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "script":
            if "src" in attributes:
                self.loads.append(("script-src", attributes["src"]))
            else:
                self.inline_scripts.append("")
                self.in_inline_script = True
        elif tag == "link" and attributes.get("rel") == "stylesheet":
            self.loads.append(("style-src", attributes["href"]))
        elif tag == "link" and attributes.get("rel") in ICON_RELS:
            self.loads.append(("img-src", attributes["href"]))

    def handle_data(self, data: str) -> None:
        if self.in_inline_script:
            self.inline_scripts[-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_inline_script = False


def page_loads(html: str) -> PageLoads:
    page = PageLoads()
    page.feed(html)
    return page
