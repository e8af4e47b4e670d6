-- The newest run that left the data current: succeeded, or skipped because the upstream had
-- not changed since the run before. No row while no run ever did. Walks the runs newest first
-- by start (runs never overlap), so it stops at the first good one.
-- Output: id, status, finished_at, age_seconds (by the database's clock)
SELECT
    id,
    status,
    finished_at,
    extract(epoch FROM clock_timestamp() - finished_at)::double precision AS age_seconds
FROM reporting.sync_runs
WHERE status IN ('succeeded', 'skipped')
ORDER BY started_at DESC, id DESC
LIMIT 1
