from pathlib import Path

from pydantic import SecretStr

from backend.settings import Settings
from visualization.database.reader_url import reader_url


def test_a_dashboard_database_url_is_used_as_given():
    settings = Settings(
        dashboard_database_url=SecretStr("postgresql://viewer:pw@replica:5432/leave"),
        database_url=SecretStr("postgresql://owner:pw@primary:5432/leave"),
    )
    with reader_url(settings) as url:
        assert url == "postgresql://viewer:pw@replica:5432/leave"


def test_otherwise_the_system_database_is_read_as_the_read_only_role():
    settings = Settings(database_url=SecretStr("postgresql://owner:pw@primary:5432/leave"))
    with reader_url(settings) as url:
        assert url == "postgresql://leave_reader@primary:5432/leave"


def test_without_any_url_the_embedded_server_is_read_as_the_read_only_role(tmp_path: Path):
    settings = Settings(database_url=None, embedded_postgres_dir=tmp_path / "postgres")
    with reader_url(settings) as url:
        assert url.startswith("postgresql://leave_reader@")
