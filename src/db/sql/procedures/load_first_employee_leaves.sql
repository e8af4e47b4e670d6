-- The first load into an empty dbo.employee_leaves. A sync inserted its pages' leaves as they
-- arrived, after dbo.defer_leave_definitions() (backend.ingest.page_loader); a snapshot staged
-- whole (an upload) goes in here, in one call. Then every index and key is made again.
CREATE OR REPLACE PROCEDURE dbo.load_first_employee_leaves(leave_source text, OUT inserted bigint)
LANGUAGE plpgsql AS $$
DECLARE
    past_the_last bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM raw.deferred_leave_definitions) THEN
        SELECT coalesce(max(ordinal), 0) + 1 INTO past_the_last
        FROM raw.imported_leave_information;
        CALL dbo.defer_leave_definitions();
        CALL dbo.insert_first_leaves(leave_source, 0, past_the_last);
    END IF;
    CALL dbo.restore_leave_definitions();
    SELECT count(*) INTO inserted FROM dbo.employee_leaves;
END
$$;
