-- Types and de-duplicates the raw snapshot once, for every MERGE that follows. Raw holds only
-- the records that changed (and the latest record of each employee, issuer, leave type, fiscal
-- year and designation, for the dimension merges). raw.fetched_leaves lists every valid record
-- fetched, in order: of an id fetched twice the later wins, even when that later copy is
-- unchanged and so not in raw. (An anti-join on it, not a sort of the whole snapshot by id.)
-- Ids, flags, dates and timestamps arrive typed (migration 0013); the numbers of days are read
-- from the text the upstream sent.
CREATE OR REPLACE PROCEDURE dbo.stage_snapshot()
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE raw.leave_snapshot, raw.latest_employee_records, raw.latest_entity_records;

    INSERT INTO raw.leave_snapshot (
        id, employee_id, emp_id, team_manager_id, designation_id, designation_name, first_name,
        middle_name, last_name, email, is_hr, is_supervisor, allocations, leave_issuer_id,
        current_leave_issuer_id, leave_issuer_first_name, leave_issuer_middle_name,
        leave_issuer_last_name, current_leave_issuer_email, department_description, start_date,
        end_date, leave_days, reason, status, remarks, leave_type_id, leave_type_name,
        default_days, transferable_days, is_consecutive, fiscal_year_id, fiscal_start_date,
        fiscal_end_date, fiscal_is_current, created_at, updated_at, is_converted, ordinal,
        fingerprint
    )
    SELECT
        id,
        user_id,
        emp_id,
        team_manager_id,
        designation_id,
        designation_name,
        first_name,
        middle_name,
        last_name,
        email,
        is_hr,
        is_supervisor,
        allocations,
        leave_issuer_id,
        current_leave_issuer_id,
        leave_issuer_first_name,
        leave_issuer_middle_name,
        leave_issuer_last_name,
        current_leave_issuer_email,
        department_description,
        start_date,
        end_date,
        leave_days::numeric,
        reason,
        status,
        remarks,
        leave_type_id,
        leave_type_name,
        default_days::numeric,
        transferable_days::numeric,
        is_consecutive,
        fiscal_id,
        fiscal_start_date,
        fiscal_end_date,
        fiscal_is_current,
        created_at,
        updated_at,
        is_converted,
        ordinal,
        fingerprint
    FROM raw.imported_leave_information AS imported
    WHERE NOT EXISTS (
        SELECT 1
        FROM raw.fetched_leaves AS fetched
        WHERE fetched.id = imported.id AND fetched.ordinal > imported.ordinal
    );

    -- The latest record of each entity, for all of them in one pass (a grouping set each; the
    -- one key it groups by is the only one not null in its rows).
    INSERT INTO raw.latest_entity_records (entity, ordinal)
    SELECT CASE
               WHEN employee_id IS NOT NULL THEN 'employee'
               WHEN designation_id IS NOT NULL THEN 'designation'
               WHEN leave_issuer_id IS NOT NULL THEN 'leave issuer'
               WHEN current_leave_issuer_id IS NOT NULL THEN 'current leave issuer'
               WHEN leave_type_id IS NOT NULL THEN 'leave type'
               ELSE 'fiscal year'
           END,
           latest
    FROM (
        SELECT employee_id, designation_id, leave_issuer_id, current_leave_issuer_id,
               leave_type_id, fiscal_year_id, max(ordinal) AS latest
        FROM raw.leave_snapshot
        GROUP BY GROUPING SETS (
            (employee_id), (designation_id), (leave_issuer_id), (current_leave_issuer_id),
            (leave_type_id), (fiscal_year_id)
        )
    ) AS latest_of_each
    WHERE num_nonnulls(
        employee_id, designation_id, leave_issuer_id, current_leave_issuer_id, leave_type_id,
        fiscal_year_id
    ) = 1;

    INSERT INTO raw.latest_employee_records
    SELECT *
    FROM raw.leave_snapshot
    WHERE ordinal IN (
        SELECT ordinal FROM raw.latest_entity_records WHERE entity = 'employee'
    );

    -- Fresh statistics, or the planner guesses at the joins of the MERGEs that follow.
    -- The columns the MERGEs join or group on; the others would only cost time.
    ANALYZE raw.leave_snapshot (
        id, employee_id, leave_type_id, fiscal_year_id, leave_issuer_id, current_leave_issuer_id,
        designation_id, department_description
    );
    ANALYZE raw.latest_employee_records (employee_id, department_description);
END
$$;
