"""A headless Chromium and the DevTools protocol session that drives its one tab."""

import asyncio
import base64
import itertools
import json
import shutil
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
START_SECONDS = 30


class NoBrowser(RuntimeError):
    """No Chromium on this machine; the message says how to get one."""


class BrowserFailed(RuntimeError):
    """A Chromium was found but did not come up."""


class Tab:
    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket
        self.ids = itertools.count(1)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        call_id = next(self.ids)
        await self.socket.send(json.dumps({"id": call_id, "method": method, "params": params}))
        async for message in self.socket:
            answer = json.loads(message)
            if answer.get("id") == call_id:
                return answer.get("result", {})
        raise ConnectionError("the browser closed the session")

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def resize(self, width: int, height: int) -> None:
        await self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    async def screenshot(self) -> bytes:
        return base64.b64decode((await self.call("Page.captureScreenshot", format="png"))["data"])


def browser_path() -> str:
    for name in BROWSERS:
        if path := shutil.which(name):
            return path
    raise NoBrowser("no Chromium found; on Debian: apt-get install chromium")


@asynccontextmanager
async def headless_tab() -> AsyncIterator[Tab]:
    """A tab of a Chromium started here, with its own throw-away profile; stopped on exit."""
    # The profile is removed here, once Chromium is quiet; the context only has to not mind.
    with tempfile.TemporaryDirectory(
        prefix="dashboard-chromium-", ignore_cleanup_errors=True
    ) as profile:
        process = await asyncio.create_subprocess_exec(
            browser_path(),
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            # Any free port: several browsers (tests, screenshots) may run side by side.
            "--remote-debugging-port=0",
            "--remote-allow-origins=*",
            f"--user-data-dir={profile}",
            "about:blank",
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        try:
            port = await debugging_port(Path(profile), process)
            address = await page_socket_address(port)
            async with connect(address, max_size=None) as socket:
                yield Tab(socket)
        finally:
            process.terminate()
            await process.wait()
            await remove_profile(Path(profile))


async def remove_profile(profile: Path, attempts: int = 20) -> None:
    """Chromium's helper processes may still write to the profile for a moment after the
    browser itself has exited (CI once failed on "Directory not empty: 'Default'")."""
    for _ in range(attempts - 1):
        try:
            shutil.rmtree(profile)
            return
        except FileNotFoundError:
            return
        except OSError:
            await asyncio.sleep(0.1)
    shutil.rmtree(profile, ignore_errors=True)


async def debugging_port(profile: Path, process: asyncio.subprocess.Process) -> int:
    """The port Chromium chose, which it writes to its profile once it listens."""
    announced = profile / "DevToolsActivePort"
    async with asyncio.timeout(START_SECONDS):
        while not announced.exists() or not announced.read_text().strip():
            if process.returncode is not None:
                raise BrowserFailed(f"Chromium exited at start with code {process.returncode}")
            await asyncio.sleep(0.1)
    return int(announced.read_text().splitlines()[0])


async def page_socket_address(port: int) -> str:
    async with httpx.AsyncClient() as client, asyncio.timeout(START_SECONDS):
        while True:
            try:
                targets = (await client.get(f"http://127.0.0.1:{port}/json")).json()
                return next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
            except (httpx.HTTPError, StopIteration):
                await asyncio.sleep(0.2)
