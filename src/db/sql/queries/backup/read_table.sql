-- {table} is a name from backend.backup.tables.TABLES, quoted; never a caller's input.
-- Columns in their stored order, the order of the fields of the table's Avro schema.
SELECT * FROM {table}
