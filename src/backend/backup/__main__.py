"""Back up or restore every dbo table: `python -m backend.backup create DIR | restore DIR`.

`create` writes one Avro file per table and a manifest (row counts, checksums, schema version)
into DIR, which must be missing or empty. `restore` checks all of that, then replaces every dbo
table with the backup's rows in one transaction and refreshes the reporting objects.
"""

import argparse
import asyncio
import sys
import time
from pathlib import Path

import asyncpg

from backend.backup.create import create_backup
from backend.backup.errors import BackupError
from backend.backup.progress import TableDone
from backend.backup.restore import restore_backup
from backend.settings import get_settings
from db.dsn import database_url, describe
from db.pool import connect


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m backend.backup",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create", help="back up every dbo table into DIR")
    create.add_argument("folder", metavar="DIR", type=Path)
    restore = commands.add_parser("restore", help="replace every dbo table with DIR's backup")
    restore.add_argument("folder", metavar="DIR", type=Path)
    return parser.parse_args(argv)


def print_table_done(done: TableDone) -> None:
    print(f"  {done.table:<24} {done.rows:>10,} rows {done.seconds:>8.2f} s", flush=True)


async def run(arguments: argparse.Namespace, url: str) -> str:
    started = time.perf_counter()
    connection = await connect(url)
    try:
        if arguments.command == "create":
            print(f"backing up {describe(url)} into {arguments.folder}", flush=True)
            manifest = await create_backup(connection, arguments.folder, print_table_done)
            done = "backed up"
        else:
            print(f"restoring {arguments.folder} into {describe(url)}", flush=True)
            manifest = await restore_backup(connection, arguments.folder, print_table_done)
            done = "restored"
    finally:
        await connection.close()
    return (
        f"{done} {len(manifest.tables)} tables, {manifest.rows:,} rows "
        f"(schema version {manifest.schema_version}) in {time.perf_counter() - started:.2f} s"
    )


def one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    settings = get_settings()
    try:
        with database_url(settings.database_url, settings.embedded_postgres_dir) as url:
            print(asyncio.run(run(arguments, url)))
    except BackupError as error:
        print(f"backup: {one_line(error)}", file=sys.stderr)
        return 2
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
        print(f"backup: failed: {type(error).__name__}: {one_line(error)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
