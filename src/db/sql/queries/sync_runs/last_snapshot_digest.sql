-- The snapshot the database holds now: the one the last succeeded (or skipped) sync saw.
SELECT snapshot_sha256
FROM ops.sync_runs
WHERE status IN ('succeeded', 'skipped') AND trigger <> 'upload'
ORDER BY finished_at DESC
LIMIT 1
