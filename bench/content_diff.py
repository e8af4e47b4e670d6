"""Which dbo rows really differ between two moments, by primary key and content hash: what a
write-minimal sync would have had to write."""

from collections.abc import Mapping

import asyncpg

PRIMARY_KEYS = """
SELECT c.relname AS table_name,
       array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum)) AS columns
FROM pg_index AS i
JOIN pg_class AS c ON c.oid = i.indrelid
JOIN pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
WHERE i.indisprimary AND n.nspname = 'dbo'
GROUP BY c.relname
"""

Fingerprints = dict[str, dict[str, str]]


def quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


async def dbo_fingerprints(database_url: str) -> Fingerprints:
    """Per dbo table, each row's primary key (as text) and the md5 of the whole row."""
    connection = await asyncpg.connect(database_url)
    try:
        fingerprints: Fingerprints = {}
        for table, columns in await connection.fetch(PRIMARY_KEYS):
            key = " || '|' || ".join(f"row.{quoted(column)}::text" for column in columns)
            rows = await connection.fetch(
                f"SELECT {key} AS key, md5(row::text) AS hash FROM dbo.{quoted(table)} AS row"  # noqa: S608
            )
            fingerprints[f"dbo.{table}"] = {row["key"]: row["hash"] for row in rows}
        return fingerprints
    finally:
        await connection.close()


def differing_rows(before: Fingerprints, after: Fingerprints) -> dict[str, int]:
    """Per table, rows added, removed or changed; tables without any are left out."""
    counts = {}
    for table in sorted(set(before) | set(after)):
        old: Mapping[str, str] = before.get(table, {})
        new: Mapping[str, str] = after.get(table, {})
        differing = sum(1 for key, value in new.items() if old.get(key) != value)
        differing += sum(1 for key in old if key not in new)
        if differing:
            counts[table] = differing
    return counts
