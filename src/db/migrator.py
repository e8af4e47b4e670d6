"""Applies and reverts migrations, one transaction per file, serialized by an advisory lock."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import asyncpg

from db.migration_files import Migration
from db.procedures import apply_procedures, read_procedure_files
from db.sql_files import query

# Any fixed 64-bit key: only migrate.py takes it, so two runs queue instead of colliding.
MIGRATION_LOCK_KEY = 7_531_002_001


class MigrationError(Exception):
    """The database and the migration files disagree; nothing was applied."""


@dataclass(frozen=True)
class MigrationState:
    version: int
    name: str
    state: str  # applied | pending | changed | missing-file
    applied_at: datetime | None


Report = Callable[[str], None]


def ignore(_: str) -> None:
    return None


class Migrator:
    def __init__(
        self, connection: asyncpg.Connection, migrations: list[Migration], report: Report = ignore
    ) -> None:
        self.connection = connection
        self.migrations = migrations
        self.report = report

    async def status(self) -> list[MigrationState]:
        await self.connection.execute(query("migrations/create_history_table"))
        applied = {row["version"]: row for row in await self._applied_rows()}
        states = []
        for migration in self.migrations:
            row = applied.pop(migration.version, None)
            if row is None:
                states.append(MigrationState(migration.version, migration.name, "pending", None))
            else:
                same = row["checksum"] == migration.checksum
                state = "applied" if same else "changed"
                states.append(
                    MigrationState(migration.version, migration.name, state, row["applied_at"])
                )
        states.extend(
            MigrationState(row["version"], row["name"], "missing-file", row["applied_at"])
            for row in applied.values()
        )
        return sorted(states, key=lambda state: state.version)

    async def up(self) -> list[Migration]:
        async with self._locked():
            states = await self.status()
            if problems := [
                state for state in states if state.state in ("changed", "missing-file")
            ]:
                listing = ", ".join(
                    f"{state.version:04d}_{state.name} ({state.state})" for state in problems
                )
                raise MigrationError(
                    f"applied migrations differ from the files: {listing}. "
                    "Applied files must never be edited; add a new migration instead."
                )
            pending_versions = {state.version for state in states if state.state == "pending"}
            pending = [m for m in self.migrations if m.version in pending_versions]
            for migration in pending:
                await self._apply(migration)
            files = read_procedure_files()
            await apply_procedures(self.connection, files)
            self.report(f"procedures: {len(files)} (re)created")
            return pending

    async def down(self, steps: int | None = None) -> list[Migration]:
        async with self._locked():
            await self.connection.execute(query("migrations/create_history_table"))
            applied_versions = [row["version"] for row in await self._applied_rows()]
            by_version = {migration.version: migration for migration in self.migrations}
            to_revert = list(reversed(applied_versions))[: steps if steps is not None else None]
            if missing := [version for version in to_revert if version not in by_version]:
                raise MigrationError(f"no down file for applied migration(s) {missing}")
            reverted = [by_version[version] for version in to_revert]
            for migration in reverted:
                await self._revert(migration)
            return reverted

    async def _applied_rows(self) -> list[asyncpg.Record]:
        return await self.connection.fetch(query("migrations/list_applied"))

    async def _apply(self, migration: Migration) -> None:
        self.report(f"applying {migration.label} ...")
        started = time.perf_counter()
        async with self.connection.transaction():
            await self.connection.execute(migration.up_sql)
            elapsed_ms = round((time.perf_counter() - started) * 1000)
            await self.connection.execute(
                query("migrations/record_applied"),
                migration.version,
                migration.name,
                migration.checksum,
                elapsed_ms,
            )
        self.report(f"applied  {migration.label} in {elapsed_ms} ms")

    async def _revert(self, migration: Migration) -> None:
        self.report(f"reverting {migration.label} ...")
        started = time.perf_counter()
        async with self.connection.transaction():
            await self.connection.execute(migration.down_sql)
            await self.connection.execute(query("migrations/forget_applied"), migration.version)
        self.report(
            f"reverted  {migration.label} in {round((time.perf_counter() - started) * 1000)} ms"
        )

    def _locked(self) -> "_AdvisoryLock":
        return _AdvisoryLock(self.connection, self.report)


class _AdvisoryLock:
    def __init__(self, connection: asyncpg.Connection, report: Report) -> None:
        self.connection = connection
        self.report = report

    async def __aenter__(self) -> None:
        if not await self.connection.fetchval(query("migrations/try_lock"), MIGRATION_LOCK_KEY):
            self.report("another migration is running; waiting for it to finish ...")
            await self.connection.execute(query("migrations/lock"), MIGRATION_LOCK_KEY)

    async def __aexit__(self, *_: object) -> None:
        await self.connection.execute(query("migrations/unlock"), MIGRATION_LOCK_KEY)
