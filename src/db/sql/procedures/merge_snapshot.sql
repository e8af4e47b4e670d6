-- The whole snapshot in raw.imported_leave_information, merged into dbo in foreign-key order.
CREATE OR REPLACE PROCEDURE dbo.merge_snapshot(
    window_start date,
    window_end date,
    OUT inserted bigint,
    OUT updated bigint,
    OUT unchanged bigint,
    OUT deleted bigint
)
LANGUAGE plpgsql AS $$
DECLARE
    snapshot_size bigint;
BEGIN
    CALL dbo.merge_departments();
    CALL dbo.merge_designations();
    CALL dbo.merge_team_managers();
    CALL dbo.merge_leave_issuers();
    CALL dbo.merge_leave_types();
    CALL dbo.merge_fiscal_years();
    CALL dbo.merge_allocations();
    CALL dbo.merge_employees();
    CALL dbo.merge_employee_allocations();
    CALL dbo.merge_employee_leave_issuer();
    CALL dbo.merge_employee_leaves(inserted, updated);
    CALL dbo.mark_missing_leaves_deleted(window_start, window_end, deleted);

    SELECT count(*) INTO snapshot_size FROM raw.leave_snapshot;
    unchanged := snapshot_size - inserted - updated;
END
$$;
