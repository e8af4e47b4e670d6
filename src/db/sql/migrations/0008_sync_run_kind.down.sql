DROP VIEW reporting.sync_runs;
CREATE VIEW reporting.sync_runs AS
SELECT
    id,
    trigger,
    status,
    started_at,
    finished_at,
    finished_at - started_at AS duration,
    window_start,
    window_end,
    fetched,
    inserted,
    updated,
    unchanged,
    deleted,
    rejected,
    error
FROM ops.sync_runs;
GRANT SELECT ON reporting.sync_runs TO leave_reader;

DROP INDEX ops.sync_runs_full_succeeded_idx;
DELETE FROM ops.sync_runs WHERE trigger = 'restore';
ALTER TABLE ops.sync_runs
    DROP COLUMN kind,
    DROP CONSTRAINT sync_runs_trigger_check,
    ADD CONSTRAINT sync_runs_trigger_check CHECK (trigger IN ('poller', 'manual', 'upload'));
