-- Only the window that was actually fetched can say a leave is gone; a NULL bound is open.
-- A deleted leave's fingerprint goes too, so the record is merged (and the leave revived) if
-- the upstream ever sends it again.
CREATE OR REPLACE PROCEDURE dbo.mark_missing_leaves_deleted(
    window_start date, window_end date, OUT deleted bigint
)
LANGUAGE plpgsql AS $$
BEGIN
    WITH gone AS (
        UPDATE dbo.employee_leaves AS leave
        SET deleted_at = now()
        WHERE leave.deleted_at IS NULL
          AND leave.source = 'upstream'
          AND (window_end IS NULL OR leave.start_date <= window_end)
          AND (window_start IS NULL OR leave.end_date >= window_start)
          AND NOT EXISTS (SELECT 1 FROM raw.fetched_leaves AS fetched WHERE fetched.id = leave.id)
        RETURNING leave.id, leave.employee_id
    ),
    refreshed AS (
        INSERT INTO raw.balances_to_refresh (employee_id)
        SELECT DISTINCT employee_id FROM gone
    ),
    forgotten AS (
        DELETE FROM raw.leave_fingerprints AS remembered
        USING gone
        WHERE remembered.id = gone.id
    )
    SELECT count(*) INTO deleted FROM gone;
END
$$;
