"""A comparable picture of the schema objects the migrations own."""

import asyncpg

OUR_SCHEMAS = ("raw", "dbo", "ops", "reporting")

CATALOG_QUERIES = {
    "schemas": """
        SELECT nspname, nspacl::text FROM pg_namespace WHERE nspname = ANY($1::text[])
    """,
    "columns": """
        SELECT table_schema, table_name, column_name, data_type, is_nullable, column_default,
               is_identity, ordinal_position
        FROM information_schema.columns WHERE table_schema = ANY($1::text[])
    """,
    "relations": """
        SELECT n.nspname, c.relname, c.relkind, c.relpersistence, c.relacl::text
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1::text[])
    """,
    "constraints": """
        SELECT n.nspname, c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = ANY($1::text[])
    """,
    "indexes": """
        SELECT schemaname, indexname, indexdef FROM pg_indexes WHERE schemaname = ANY($1::text[])
    """,
    "views": """
        SELECT schemaname, viewname, definition FROM pg_views WHERE schemaname = ANY($1::text[])
    """,
    "routines": """
        SELECT n.nspname, p.proname, pg_get_functiondef(p.oid), p.proacl::text
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = ANY($1::text[])
    """,
    "default_privileges": """
        SELECT coalesce(n.nspname, '(all)'), d.defaclobjtype, d.defaclacl::text
        FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
        WHERE $1::text[] IS NOT NULL
    """,
}


async def catalog_snapshot(connection: asyncpg.Connection) -> dict[str, set[tuple]]:
    snapshot = {}
    for name, sql in CATALOG_QUERIES.items():
        rows = await connection.fetch(sql, list(OUR_SCHEMAS))
        snapshot[name] = {tuple(row) for row in rows}
    return snapshot
