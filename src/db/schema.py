"""Bring a database's schema up to date from code (what `migrate.py --up` does)."""

import asyncpg

from db.migration_files import Migration, read_migrations
from db.migrator import Migrator, Report, ignore


async def migrate_to_latest(url: str, report: Report = ignore) -> list[Migration]:
    connection = await asyncpg.connect(url)
    try:
        return await Migrator(connection, read_migrations(), report=report).up()
    finally:
        await connection.close()
