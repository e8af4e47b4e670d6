-- Only rows that really differ are written, so an unchanged snapshot writes nothing;
-- a leave that comes back after being marked deleted is revived. `leave_source` says whether
-- the snapshot came from the upstream or from an uploaded file.
CREATE OR REPLACE PROCEDURE dbo.merge_employee_leaves(
    leave_source text, OUT inserted bigint, OUT updated bigint
)
LANGUAGE plpgsql AS $$
DECLARE
    written bigint;
BEGIN
    -- A first load, whose leaves a sync inserted page by page already (deferred definitions
    -- pending). Every balance is computed afresh after it (see refresh_reporting).
    IF EXISTS (SELECT 1 FROM raw.deferred_leave_definitions)
        OR NOT EXISTS (SELECT 1 FROM dbo.employee_leaves)
    THEN
        CALL dbo.load_first_employee_leaves(leave_source, inserted);
        updated := 0;
        RETURN;
    END IF;

    -- A balance counts a leave's employee, type, fiscal year, days and status, while it lives.
    WITH changed AS (
        SELECT source.employee_id AS employee_now, known.employee_id AS employee_before
        FROM raw.leave_snapshot AS source
        LEFT JOIN dbo.employee_leaves AS known ON known.id = source.id
        WHERE (
            known.employee_id, known.leave_type_id, known.fiscal_year_id, known.leave_days,
            known.status, known.deleted_at IS NULL
        ) IS DISTINCT FROM (
            source.employee_id, source.leave_type_id, source.fiscal_year_id, source.leave_days,
            source.status, true
        )
    )
    INSERT INTO raw.balances_to_refresh (employee_id)
    SELECT employee_now FROM changed
    UNION
    SELECT employee_before FROM changed WHERE employee_before IS NOT NULL;

    SELECT count(*) INTO inserted
    FROM raw.leave_snapshot AS source
    WHERE NOT EXISTS (SELECT 1 FROM dbo.employee_leaves AS known WHERE known.id = source.id);

    MERGE INTO dbo.employee_leaves AS target
    USING raw.leave_snapshot AS source
    ON target.id = source.id
    WHEN MATCHED AND (
        target.employee_id, target.leave_type_id, target.fiscal_year_id, target.leave_issuer_id,
        target.current_leave_issuer_id, target.start_date, target.end_date, target.leave_days,
        target.reason, target.status, target.remarks, target.is_consecutive, target.is_converted,
        target.created_at, target.updated_at, target.deleted_at IS NULL, target.source
    ) IS DISTINCT FROM (
        source.employee_id, source.leave_type_id, source.fiscal_year_id, source.leave_issuer_id,
        source.current_leave_issuer_id, source.start_date, source.end_date, source.leave_days,
        source.reason, source.status, source.remarks, source.is_consecutive, source.is_converted,
        source.created_at, source.updated_at, true, leave_source
    ) THEN
        UPDATE SET
            employee_id = source.employee_id,
            leave_type_id = source.leave_type_id,
            fiscal_year_id = source.fiscal_year_id,
            leave_issuer_id = source.leave_issuer_id,
            current_leave_issuer_id = source.current_leave_issuer_id,
            start_date = source.start_date,
            end_date = source.end_date,
            leave_days = source.leave_days,
            reason = source.reason,
            status = source.status,
            remarks = source.remarks,
            is_consecutive = source.is_consecutive,
            is_converted = source.is_converted,
            created_at = source.created_at,
            updated_at = source.updated_at,
            deleted_at = NULL,
            source = leave_source
    WHEN NOT MATCHED THEN
        INSERT (id, employee_id, leave_type_id, fiscal_year_id, leave_issuer_id,
                current_leave_issuer_id, start_date, end_date, leave_days, reason, status, remarks,
                is_consecutive, is_converted, created_at, updated_at, source)
        VALUES (source.id, source.employee_id, source.leave_type_id, source.fiscal_year_id,
                source.leave_issuer_id, source.current_leave_issuer_id, source.start_date,
                source.end_date, source.leave_days, source.reason, source.status, source.remarks,
                source.is_consecutive, source.is_converted, source.created_at, source.updated_at,
                leave_source);

    GET DIAGNOSTICS written = ROW_COUNT;
    updated := written - inserted;
END
$$;
