-- The newest sync runs, newest first; kind says what a run fetched (full range, hot window)
-- or loaded (upload, restore).
-- Parameters: $1 limit bigint
SELECT
    id,
    trigger,
    kind,
    status,
    started_at,
    finished_at,
    extract(epoch FROM duration)::double precision AS duration_seconds,
    window_start,
    window_end,
    fetched,
    inserted,
    updated,
    unchanged,
    deleted,
    rejected,
    error
FROM reporting.sync_runs
ORDER BY started_at DESC, id DESC
LIMIT $1::bigint
