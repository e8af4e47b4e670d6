SELECT id, trigger, kind, status, started_at, finished_at, window_start, window_end, fetched, inserted,
       updated, unchanged, deleted, rejected, error,
       extract(epoch FROM finished_at - started_at)::float8 AS duration_seconds
FROM ops.sync_runs
WHERE id = $1
