-- Before a first load into an empty dbo.employee_leaves: its secondary indexes and foreign keys
-- are dropped, and their definitions kept in raw.deferred_leave_definitions, so that the rows
-- go in without an index insertion per row and index or a trigger call per row and key (~3 s
-- of a 160,000-record first load). dbo.restore_leave_definitions() makes them again.
-- Until the sync commits the table stays locked; readers wait for it, as it held nothing yet.
CREATE OR REPLACE PROCEDURE dbo.defer_leave_definitions()
LANGUAGE plpgsql AS $$
DECLARE
    deferred record;
BEGIN
    FOR deferred IN
        SELECT format('ALTER TABLE dbo.employee_leaves DROP CONSTRAINT %I', conname) AS drop,
               format('ALTER TABLE dbo.employee_leaves ADD CONSTRAINT %I %s',
                      conname, pg_get_constraintdef(oid)) AS definition
        FROM pg_constraint
        WHERE conrelid = 'dbo.employee_leaves'::regclass AND contype = 'f'
        UNION ALL
        SELECT format('DROP INDEX %s', indexrelid::regclass), pg_get_indexdef(indexrelid)
        FROM pg_index
        WHERE indrelid = 'dbo.employee_leaves'::regclass AND NOT indisunique
    LOOP
        EXECUTE deferred.drop;
        INSERT INTO raw.deferred_leave_definitions (position, definition)
        SELECT coalesce(max(position), 0) + 1, deferred.definition
        FROM raw.deferred_leave_definitions;
    END LOOP;
END
$$;
