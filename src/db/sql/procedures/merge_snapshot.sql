-- The snapshot in raw.imported_leave_information, merged into dbo in foreign-key order.
-- An upstream snapshot is complete for its window, so what it lacks there is marked deleted;
-- an uploaded file (leave_source 'upload') vouches only for what it holds. Of an upstream
-- snapshot, raw holds the changed records only; raw.fetched_leaves lists every valid id fetched.
CREATE OR REPLACE PROCEDURE dbo.merge_snapshot(
    leave_source text,
    window_start date,
    window_end date,
    OUT inserted bigint,
    OUT updated bigint,
    OUT unchanged bigint,
    OUT deleted bigint
)
LANGUAGE plpgsql
-- The default 4 MB makes the hash joins and aggregates over a whole snapshot spill to disk in
-- batches (de-duplicating 161,450 records: 1.18 s, against 0.87 s in memory). For the MERGE's
-- duration only, in the one session that runs it.
SET work_mem = '64MB'
AS $$
DECLARE
    snapshot_size bigint;
    statistics_target text := current_setting('default_statistics_target');
    -- A sync's first load: its pages' leaves went in as they arrived (dbo.insert_first_leaves).
    first_load_by_pages boolean := EXISTS (SELECT 1 FROM raw.deferred_leave_definitions);
BEGIN
    CALL dbo.stage_snapshot();
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
    CALL dbo.merge_employee_leaves(leave_source, inserted, updated);
    deleted := 0;
    IF leave_source = 'upstream' THEN
        IF first_load_by_pages THEN
            -- Nothing is missing from a table that held nothing, and every valid record
            -- fetched went in, each id once (counting them again: ~50 ms).
            snapshot_size := inserted;
        ELSE
            CALL dbo.mark_missing_leaves_deleted(window_start, window_end, deleted);
            SELECT count(*) INTO snapshot_size
            FROM (SELECT id FROM raw.fetched_leaves GROUP BY id) AS distinct_ids;
        END IF;
    ELSE
        SELECT count(*) INTO snapshot_size FROM raw.leave_snapshot;
    END IF;
    CALL dbo.remember_fingerprints(leave_source, first_load_by_pages);
    unchanged := snapshot_size - inserted - updated;

    -- After a large change the planner's statistics are stale until autovacuum comes by, and
    -- the reporting refresh that follows runs ~15x slower on plans made for an empty table.
    -- A change of a few per cent moves no statistic that matters, and analyzing costs ~0.2 s.
    -- Not the leaves' free text, which no query filters, joins or groups on (0.14 -> 0.11 s at
    -- 161,450 leaves); an ANALYZE of some columns leaves the table's count of changes as it
    -- was, so autovacuum analyzes all of them later, outside the run. From a sample of 3,000
    -- leaves, as stage_snapshot analyzes raw: the refresh's plans need sizes and numbers of
    -- distinct keys (0.11 -> 0.02 s at 161,450 leaves), and autovacuum's ANALYZE, from the
    -- usual 30,000, follows within minutes. The other tables are small enough to read whole.
    IF inserted + updated + deleted >= greatest(1000, snapshot_size / 10) THEN
        PERFORM set_config('default_statistics_target', '10', true);
        ANALYZE dbo.employee_leaves (
            id, employee_id, leave_type_id, fiscal_year_id, leave_issuer_id,
            current_leave_issuer_id, start_date, end_date, leave_days, status, is_consecutive,
            is_converted, created_at, updated_at, deleted_at, source
        );
        PERFORM set_config('default_statistics_target', statistics_target, true);
        ANALYZE dbo.employees, dbo.leave_types, dbo.fiscal_years, dbo.departments,
            dbo.designations, dbo.leave_issuers;
    END IF;
END
$$;
