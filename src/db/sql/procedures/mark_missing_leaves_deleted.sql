-- Only the window that was actually fetched can say a leave is gone; a NULL bound is open.
CREATE OR REPLACE PROCEDURE dbo.mark_missing_leaves_deleted(
    window_start date, window_end date, OUT deleted bigint
)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE dbo.employee_leaves AS leave
    SET deleted_at = now()
    WHERE leave.deleted_at IS NULL
      AND leave.source = 'upstream'
      AND (window_end IS NULL OR leave.start_date <= window_end)
      AND (window_start IS NULL OR leave.end_date >= window_start)
      AND NOT EXISTS (SELECT 1 FROM raw.leave_snapshot AS fetched WHERE fetched.id = leave.id);
    GET DIAGNOSTICS deleted = ROW_COUNT;
END
$$;
