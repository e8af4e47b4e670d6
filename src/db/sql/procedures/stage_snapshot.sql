-- Types and de-duplicates the raw snapshot once, for every MERGE that follows.
CREATE OR REPLACE PROCEDURE dbo.stage_snapshot()
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE raw.leave_snapshot, raw.latest_employee_records;

    INSERT INTO raw.leave_snapshot
    SELECT DISTINCT ON (id::bigint)
        id::bigint,
        user_id::bigint,
        emp_id,
        team_manager_id::bigint,
        designation_id::bigint,
        designation_name,
        first_name,
        middle_name,
        last_name,
        email,
        is_hr::boolean,
        is_supervisor::boolean,
        allocations,
        leave_issuer_id::bigint,
        current_leave_issuer_id::bigint,
        leave_issuer_first_name,
        leave_issuer_middle_name,
        leave_issuer_last_name,
        current_leave_issuer_email,
        department_description,
        start_date::date,
        end_date::date,
        leave_days::numeric,
        reason,
        status,
        remarks,
        leave_type_id::bigint,
        leave_type_name,
        default_days::numeric,
        transferable_days::numeric,
        is_consecutive::boolean,
        fiscal_id::bigint,
        fiscal_start_date::date,
        fiscal_end_date::date,
        fiscal_is_current::boolean,
        created_at::timestamptz,
        updated_at::timestamptz,
        is_converted::boolean,
        ordinal
    FROM raw.imported_leave_information
    ORDER BY id::bigint, ordinal DESC;

    INSERT INTO raw.latest_employee_records
    SELECT DISTINCT ON (employee_id) *
    FROM raw.leave_snapshot
    ORDER BY employee_id, ordinal DESC;

    -- Fresh statistics, or the planner guesses at the joins of the MERGEs that follow.
    ANALYZE raw.leave_snapshot;
    ANALYZE raw.latest_employee_records;
END
$$;
