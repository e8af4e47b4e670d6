-- {table} is a name from backend.backup.tables.TABLES and {column} an identity column of it read
-- from the catalog, both quoted. The next generated value follows the restored ones, so new rows
-- never collide with them (1 for an empty table).
SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max({column}), 0) + 1, false)
FROM {table}
