-- Every column of every dbo table, tables by name and columns in their stored order: what a
-- backup holds, and the definition its fingerprint is taken of.
SELECT
    table_class.relname                              AS table_name,
    attribute.attname                                AS column_name,
    format_type(attribute.atttypid, attribute.atttypmod) AS column_type,
    attribute.attnotnull                             AS not_null,
    attribute.attidentity <> ''                      AS is_identity
FROM pg_catalog.pg_attribute AS attribute
JOIN pg_catalog.pg_class AS table_class ON table_class.oid = attribute.attrelid
JOIN pg_catalog.pg_namespace AS namespace ON namespace.oid = table_class.relnamespace
WHERE namespace.nspname = 'dbo'
  AND table_class.relkind = 'r'
  AND attribute.attnum > 0
  AND NOT attribute.attisdropped
ORDER BY table_class.relname, attribute.attnum
