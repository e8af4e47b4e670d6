-- The first load into an empty dbo.employee_leaves: the rows in one INSERT, then each secondary
-- index built once and each foreign key checked once by a join, instead of an index insertion
-- per row and index and a trigger call per row and key (~3 s of a 160,000-record first load).
-- The definitions come from the catalog, so the table ends exactly as its migrations made it.
-- Until the sync commits the table stays locked; readers wait for it, as it held nothing yet.
CREATE OR REPLACE PROCEDURE dbo.load_first_employee_leaves(leave_source text, OUT inserted bigint)
LANGUAGE plpgsql AS $$
DECLARE
    deferred record;
    rebuilds text[] := '{}';
    rebuild text;
BEGIN
    FOR deferred IN
        SELECT format('ALTER TABLE dbo.employee_leaves DROP CONSTRAINT %I', conname) AS drop,
               format('ALTER TABLE dbo.employee_leaves ADD CONSTRAINT %I %s',
                      conname, pg_get_constraintdef(oid)) AS rebuild
        FROM pg_constraint
        WHERE conrelid = 'dbo.employee_leaves'::regclass AND contype = 'f'
        UNION ALL
        SELECT format('DROP INDEX %s', indexrelid::regclass), pg_get_indexdef(indexrelid)
        FROM pg_index
        WHERE indrelid = 'dbo.employee_leaves'::regclass AND NOT indisunique
    LOOP
        EXECUTE deferred.drop;
        rebuilds := rebuilds || deferred.rebuild;
    END LOOP;

    INSERT INTO dbo.employee_leaves (
        id, employee_id, leave_type_id, fiscal_year_id, leave_issuer_id, current_leave_issuer_id,
        start_date, end_date, leave_days, reason, status, remarks, is_consecutive, is_converted,
        created_at, updated_at, source
    )
    SELECT id, employee_id, leave_type_id, fiscal_year_id, leave_issuer_id,
           current_leave_issuer_id, start_date, end_date, leave_days, reason, status, remarks,
           is_consecutive, is_converted, created_at, updated_at, leave_source
    FROM raw.leave_snapshot;
    GET DIAGNOSTICS inserted = ROW_COUNT;

    FOREACH rebuild IN ARRAY rebuilds LOOP
        EXECUTE rebuild;
    END LOOP;
END
$$;
