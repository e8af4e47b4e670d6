"""A running `make run` stack, and every page of its dashboard as a headless Chromium saw it."""

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from db.dsn import with_database
from db.pool import connect
from tests.conftest import create_database, drop_database
from tests.visualization.browser.stack import make_run_stack
from visualization.browser.chromium import NoBrowser, browser_path
from visualization.screenshots import PageShot, save_screenshots, screenshot_pages


def running_in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true")


@pytest.fixture(scope="module")
def chromium() -> str:
    """Its path; without one the tests skip, except in CI, where .ci/run installs it."""
    try:
        return browser_path()
    except NoBrowser as error:
        if running_in_ci():
            pytest.fail(f"{error}: CI must have a browser (.ci/run installs chromium)")
        pytest.skip(f"{error}; the real-browser tests need it (CI fails without one)")


@pytest_asyncio.fixture(scope="module")
async def stack_database_url(postgres_url: str, template_database: str) -> AsyncIterator[str]:
    name = f"browser_{uuid.uuid4().hex[:12]}"
    await create_database(postgres_url, name, template=template_database)
    yield with_database(postgres_url, name)
    await drop_database(postgres_url, name)


@pytest.fixture(scope="module")
def dashboard_url(chromium: str, stack_database_url: str) -> Iterator[str]:
    with make_run_stack(stack_database_url) as settings:
        yield f"http://127.0.0.1:{settings.dashboard_port}"


async def busiest_employee_label(database_url: str) -> str:
    """As the Employees page labels its choices, the employee with the most leave."""
    connection = await connect(database_url)
    try:
        return await connection.fetchval(
            "SELECT employee.employee_name || ' · ' || coalesce(employee.email, '') "
            "FROM reporting.employee_facts AS employee "
            "JOIN reporting.leave_facts AS leave USING (employee_id) "
            "GROUP BY employee.employee_id, employee.employee_name, employee.email "
            "ORDER BY count(*) DESC, employee.employee_id LIMIT 1"
        )
    finally:
        await connection.close()


@pytest_asyncio.fixture(scope="module")
async def shots(dashboard_url: str, stack_database_url: str) -> dict[str, PageShot]:
    employee = await busiest_employee_label(stack_database_url)
    return await screenshot_pages(dashboard_url, {"employees": f"employee={employee}"})


@pytest.fixture(scope="module")
def saved_screenshots(
    shots: dict[str, PageShot], tmp_path_factory: pytest.TempPathFactory
) -> list[Path]:
    """Into a temporary folder: docs/screenshots is taken at full size, by hand (README)."""
    return save_screenshots(shots, tmp_path_factory.mktemp("screenshots"))
