from contextlib import contextmanager

import asyncpg
import pytest

from backend.settings import Settings
from db.sql_files import query
from visualization.database.reader import Reader
from visualization.database.reader_url import reader_url

WRITES = [
    "INSERT INTO dbo.departments (name) VALUES ('Intruders')",
    "DELETE FROM dbo.employee_leaves",
    "UPDATE ops.sync_runs SET status = 'failed'",
    "CREATE TABLE reporting.mine (id int)",
    query("sync/refresh_reporting"),
]


@contextmanager
def dashboard_reader(database_url: str):
    """The reader the dashboard opens when DATABASE_URL is `database_url`."""
    with reader_url(Settings(database_url=database_url)) as url:
        reader = Reader.open(url)
        try:
            yield reader
        finally:
            reader.close()


def test_the_dashboard_reads_as_the_read_only_role(demo_database_url):
    with dashboard_reader(demo_database_url) as reader:
        assert reader.fetch("SELECT current_user AS role")[0]["role"] == "leave_reader"


@pytest.mark.parametrize("statement", WRITES)
def test_the_dashboard_role_cannot_write(demo_database_url, statement):
    with (
        dashboard_reader(demo_database_url) as reader,
        pytest.raises(asyncpg.InsufficientPrivilegeError),
    ):
        reader.fetch(statement)


def test_an_unreachable_database_is_explained_not_raised(open_dashboard, demo_database_url):
    app = open_dashboard(demo_database_url.replace("/dashboard_", "/missing_"))
    assert not app.exception
    assert app.error[0].value.startswith("Cannot read the database: InvalidCatalogNameError")
