-- {tables}: every name of backend.backup.tables.TABLES, quoted. One statement, so foreign keys
-- between them are no obstacle.
TRUNCATE {tables}
