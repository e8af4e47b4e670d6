"""Build, tear down or inspect the database schema.

    python migrate.py --up                 apply pending migrations, then (re)create procedures
    python migrate.py --down [--steps N]   revert the last N migrations (default: all)
    python migrate.py --status             list every migration and whether it is applied

The database is DATABASE_URL, or the embedded server under EMBEDDED_POSTGRES_DIR when unset.
"""

import argparse
import asyncio
import os
import sys

import asyncpg

from backend.settings import get_settings
from db.dsn import database_url, describe
from db.migration_files import MigrationFilesError, read_migrations
from db.migrator import MigrationError, Migrator


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Apply, revert or list the database migrations.",
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--up", action="store_true", help="apply every pending migration")
    action.add_argument("--down", action="store_true", help="revert applied migrations")
    action.add_argument("--status", action="store_true", help="list migrations and their state")
    parser.add_argument(
        "--steps", type=int, metavar="N", help="with --down: how many to revert (default: all)"
    )
    arguments = parser.parse_args(argv)
    if arguments.steps is not None and (not arguments.down or arguments.steps < 1):
        parser.error("--steps takes a positive number and goes with --down")
    return arguments


def say(line: str) -> None:
    print(line, flush=True)


async def run(arguments: argparse.Namespace, url: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        migrator = Migrator(connection, read_migrations(), report=say)
        if arguments.up:
            applied = await migrator.up()
            say(f"up to date: {len(applied)} migration(s) applied" if applied else "up to date")
        elif arguments.down:
            reverted = await migrator.down(arguments.steps)
            say(f"{len(reverted)} migration(s) reverted")
        else:
            for state in await migrator.status():
                when = state.applied_at.isoformat(timespec="seconds") if state.applied_at else ""
                say(f"{state.version:04d}  {state.name:<32} {state.state:<12} {when}")
    finally:
        await connection.close()


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    settings = get_settings()
    try:
        with database_url(settings.database_url, settings.embedded_postgres_dir) as url:
            say(f"database: {describe(url)}")
            asyncio.run(run(arguments, url))
    except (MigrationError, MigrationFilesError) as error:
        print(f"migrate: refused: {error}", file=sys.stderr)
        return 2
    except (OSError, asyncpg.PostgresError) as error:
        print(f"migrate: failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main(sys.argv[1:]))
