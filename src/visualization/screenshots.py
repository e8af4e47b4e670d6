"""A screenshot of every page of a running dashboard, and any error box it shows.

    python -m visualization.screenshots [--url http://127.0.0.1:8501] [--out docs/screenshots]
                                        [--query 'employees:employee=NAME · E-MAIL']

Waits for each page's charts to draw; exits 1 when a page shows a Streamlit error or exception,
or has not finished drawing in time. `--query PAGE:QUERY` opens that page with that query
string (the sidebar's filters, or the employee the Employees page shows, by its label).
"""

import argparse
import asyncio
import io
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode

from PIL import Image

from visualization.browser.chromium import BrowserFailed, NoBrowser, Tab, headless_tab

PAGES = ("overview", "trends", "heatmaps", "employees", "availability", "approvals", "data_quality")
WIDTH = 1500
RENDER_SECONDS = 60
# True once the script has run (the app's own test attribute says so), the lazily loaded chart
# code is in (no skeletons) and every chart has drawn its SVG.
RENDERED = """(() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  return !!app && app.dataset.testScriptState === 'notRunning'
    && !document.querySelector('[data-testid="stSkeleton"]')
    && charts.every(chart => chart.querySelector('.main-svg'));
})()"""
CHARTS_DRAWN = """[...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
  .filter(chart => chart.querySelector('.main-svg')).length"""
ERRORS = """[...document.querySelectorAll(
  '[data-testid="stException"], [data-testid="stAlertContentError"]'
)].map(box => box.innerText)"""
# Down to the page's last element (Streamlit pads the bottom), or the sidebar's when longer.
PAGE_HEIGHT = """(() => {
  const block = document.querySelector('[data-testid="stMainBlockContainer"]');
  const content = block.getBoundingClientRect().bottom
    - parseFloat(getComputedStyle(block).paddingBottom);
  const sidebar = document.querySelector('[data-testid="stSidebarContent"]');
  return Math.ceil(Math.max(content, sidebar ? sidebar.scrollHeight : 0));
})()"""
MARGIN = 48


@dataclass(frozen=True)
class PageShot:
    png: bytes
    errors: list[str]
    charts: int
    # False when the page was still drawing after RENDER_SECONDS.
    rendered: bool


async def wait_until_rendered(tab: Tab) -> bool:
    deadline = time.monotonic() + RENDER_SECONDS
    # A page that has just loaded looks idle before its script starts: wait for a second look.
    settled = 0
    while settled < 2 and time.monotonic() < deadline:
        await asyncio.sleep(1)
        settled = settled + 1 if await tab.evaluate(RENDERED) else 0
    return settled >= 2


def page_address(url: str, page: str, query: str | None) -> str:
    """The overview is the app's root; a query's values are encoded as the URL needs."""
    path = "" if page == PAGES[0] else page
    address = f"{url.rstrip('/')}/{path}"
    return f"{address}?{urlencode(parse_qsl(query), quote_via=quote)}" if query else address


async def screenshot_pages(url: str, queries: dict[str, str] | None = None) -> dict[str, PageShot]:
    """Per page (named as its file), the whole page as a PNG and what it showed."""
    shots = {}
    async with headless_tab() as tab:
        for page in PAGES:
            await tab.resize(WIDTH, 1000)
            await tab.call("Page.navigate", url=page_address(url, page, (queries or {}).get(page)))
            rendered = await wait_until_rendered(tab)
            await tab.resize(WIDTH, await tab.evaluate(PAGE_HEIGHT) + MARGIN)
            await asyncio.sleep(1)
            shots[page] = PageShot(
                await tab.screenshot(),
                await tab.evaluate(ERRORS),
                await tab.evaluate(CHARTS_DRAWN),
                rendered,
            )
    return shots


def problems_of(shot: PageShot) -> list[str]:
    late = [] if shot.rendered else [f"still drawing after {RENDER_SECONDS} s"]
    return late + shot.errors


def compact_png(png: bytes) -> bytes:
    """In 256 colours: a page is flat colours and a few gradients, and a third of the size is
    what keeps the screenshots fit to commit."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    palette = image.quantize(colors=256, dither=Image.Dither.NONE)
    compact = io.BytesIO()
    palette.save(compact, format="PNG", optimize=True)
    return compact.getvalue()


def save_screenshots(shots: dict[str, PageShot], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for page, shot in shots.items():
        path = folder / f"{page}.png"
        path.write_bytes(compact_png(shot.png))
        paths.append(path)
    return paths


def page_query(text: str) -> tuple[str, str]:
    page, separator, query = text.partition(":")
    if not separator or page not in PAGES:
        raise argparse.ArgumentTypeError(f"expected PAGE:QUERY with PAGE one of {PAGES}")
    return page, query


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8501")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--query", type=page_query, action="append", default=[])
    arguments = parser.parse_args()
    try:
        shots = asyncio.run(screenshot_pages(arguments.url, dict(arguments.query)))
    except (NoBrowser, BrowserFailed) as error:
        print(f"screenshots: {error}", file=sys.stderr)
        return 2
    save_screenshots(shots, arguments.out)
    for page, shot in shots.items():
        said = "; ".join(problems_of(shot)) or f"ok, charts drawn: {shot.charts}"
        print(f"{page:<14} {said}")
    return 1 if any(problems_of(shot) for shot in shots.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
