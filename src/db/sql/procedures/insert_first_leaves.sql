-- The leaves of raw's records with ordinals from first_ordinal (included) to past_the_last
-- (excluded), into dbo.employee_leaves during a first load (after dbo.defer_leave_definitions),
-- and, of upstream records, their fingerprints (what dbo.remember_fingerprints does for every
-- other merge). Of an id fetched twice the later copy wins, within these records and over what
-- an earlier call inserted.
CREATE OR REPLACE PROCEDURE dbo.insert_first_leaves(
    leave_source text, first_ordinal bigint, past_the_last bigint
)
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO dbo.employee_leaves (
        id, employee_id, leave_type_id, fiscal_year_id, leave_issuer_id, current_leave_issuer_id,
        start_date, end_date, leave_days, reason, status, remarks, is_consecutive, is_converted,
        created_at, updated_at, source
    )
    SELECT DISTINCT ON (id)
           id, employee_id, leave_type_id, fiscal_year_id, leave_issuer_id,
           current_leave_issuer_id, start_date, end_date, leave_days, reason, status, remarks,
           is_consecutive, is_converted, created_at, updated_at, leave_source
    FROM raw.leave_snapshot
    WHERE ordinal >= first_ordinal AND ordinal < past_the_last
    ORDER BY id, ordinal DESC
    ON CONFLICT (id) DO UPDATE SET
        employee_id = excluded.employee_id,
        leave_type_id = excluded.leave_type_id,
        fiscal_year_id = excluded.fiscal_year_id,
        leave_issuer_id = excluded.leave_issuer_id,
        current_leave_issuer_id = excluded.current_leave_issuer_id,
        start_date = excluded.start_date,
        end_date = excluded.end_date,
        leave_days = excluded.leave_days,
        reason = excluded.reason,
        status = excluded.status,
        remarks = excluded.remarks,
        is_consecutive = excluded.is_consecutive,
        is_converted = excluded.is_converted,
        created_at = excluded.created_at,
        updated_at = excluded.updated_at,
        source = excluded.source;
    IF leave_source = 'upstream' THEN
        INSERT INTO raw.leave_fingerprints (id, fingerprint)
        SELECT DISTINCT ON (id) id, fingerprint
        FROM raw.leave_snapshot
        WHERE ordinal >= first_ordinal AND ordinal < past_the_last AND fingerprint IS NOT NULL
        ORDER BY id, ordinal DESC
        ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint;
    END IF;
END
$$;
