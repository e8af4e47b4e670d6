-- {table} is a name from backend.backup.tables.TABLES, quoted. Fresh statistics for the rows
-- just loaded: the foreign-key checks of the next tables and the reporting refresh are planned
-- for them instead of for the empty table the TRUNCATE left.
ANALYZE {table}
