"""A screenshot of every page of a running dashboard, and any error box it shows.

    python -m visualization.screenshots [--url http://127.0.0.1:8501] [--out docs/screenshots]

Waits for each page's charts to draw; exits 1 when a page shows a Streamlit error or exception.
"""

import argparse
import asyncio
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from visualization.browser.chromium import NoBrowser, Tab, headless_tab

PAGES = ("", "trends", "heatmaps", "employees", "availability", "approvals", "data_quality")
WIDTH = 1500
RENDER_SECONDS = 60
# True once Streamlit is idle and every chart on the page has drawn its SVG.
RENDERED = """(() => {
  const app = document.querySelector('[data-testid="stAppViewContainer"]');
  const status = document.querySelector('[data-testid="stStatusWidget"]');
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  return !!app && !(status && status.innerText.includes('Running'))
    && !document.querySelector('[data-testid="stSkeleton"]')
    && charts.every(chart => chart.querySelector('.main-svg'));
})()"""
ERRORS = """[...document.querySelectorAll(
  '[data-testid="stException"], [data-testid="stAlertContentError"]'
)].map(box => box.innerText)"""
PAGE_HEIGHT = "document.querySelector('[data-testid=\"stMain\"]').scrollHeight"


async def wait_until_rendered(tab: Tab) -> None:
    deadline = time.monotonic() + RENDER_SECONDS
    # A page that has just loaded looks idle before its script starts: wait for a second look.
    settled = 0
    while settled < 2 and time.monotonic() < deadline:
        await asyncio.sleep(1)
        settled = settled + 1 if await tab.evaluate(RENDERED) else 0


@dataclass(frozen=True)
class PageShot:
    png: bytes
    errors: list[str]


async def screenshot_pages(url: str) -> dict[str, PageShot]:
    """Per page (named as its file), the whole page as a PNG and the errors it shows."""
    shots = {}
    async with headless_tab() as tab:
        for page in PAGES:
            name = page or "overview"
            await tab.resize(WIDTH, 1000)
            await tab.call("Page.navigate", url=f"{url.rstrip('/')}/{page}")
            await wait_until_rendered(tab)
            await tab.resize(WIDTH, await tab.evaluate(PAGE_HEIGHT) + 100)
            await asyncio.sleep(1)
            shots[name] = PageShot(await tab.screenshot(), await tab.evaluate(ERRORS))
    return shots


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8501")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    arguments = parser.parse_args()
    try:
        shots = asyncio.run(screenshot_pages(arguments.url))
    except NoBrowser as error:
        print(f"screenshots: {error}", file=sys.stderr)
        return 2
    arguments.out.mkdir(parents=True, exist_ok=True)
    for page, shot in shots.items():
        (arguments.out / f"{page}.png").write_bytes(shot.png)
        print(f"{page:<14} {'; '.join(shot.errors) if shot.errors else 'ok'}")
    return 1 if any(shot.errors for shot in shots.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
