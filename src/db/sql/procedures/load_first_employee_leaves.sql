-- The first load into an empty dbo.employee_leaves of a snapshot staged whole (an upload): the
-- rows in one INSERT between dropping the secondary indexes and foreign keys and making them
-- again. A sync does the same page by page, as its pages arrive (backend.ingest.page_loader).
CREATE OR REPLACE PROCEDURE dbo.load_first_employee_leaves(leave_source text, OUT inserted bigint)
LANGUAGE plpgsql AS $$
DECLARE
    past_the_last bigint;
BEGIN
    SELECT coalesce(max(ordinal), 0) + 1 INTO past_the_last FROM raw.imported_leave_information;
    CALL dbo.defer_leave_definitions();
    CALL dbo.insert_first_leaves(leave_source, 0, past_the_last);
    CALL dbo.restore_leave_definitions();
    SELECT count(*) INTO inserted FROM dbo.employee_leaves;
END
$$;
