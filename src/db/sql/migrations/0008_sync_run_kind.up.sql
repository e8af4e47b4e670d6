-- A poll fetches only the hot window (recent and upcoming leaves); a full run fetches the whole
-- configured range. The kind says which, so the window a run could vouch for is on record.
-- A restore from a backup is a run too: what the database holds then came from it.
ALTER TABLE ops.sync_runs
    ADD COLUMN kind text NOT NULL DEFAULT 'full'
        CHECK (kind IN ('full', 'hot', 'upload', 'restore')),
    DROP CONSTRAINT sync_runs_trigger_check,
    ADD CONSTRAINT sync_runs_trigger_check
        CHECK (trigger IN ('poller', 'manual', 'upload', 'restore'));

CREATE INDEX sync_runs_full_succeeded_idx ON ops.sync_runs (finished_at DESC)
    WHERE status IN ('succeeded', 'skipped') AND kind = 'full';

CREATE OR REPLACE VIEW reporting.sync_runs AS
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
    error,
    kind
FROM ops.sync_runs;
