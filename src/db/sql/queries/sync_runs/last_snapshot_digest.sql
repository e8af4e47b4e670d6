-- What the database holds now came from the latest run that could have changed it; only when
-- that run saw this very snapshot may a new run skip its MERGE. An upload has no digest, so
-- the first sync after one always merges.
SELECT snapshot_sha256
FROM ops.sync_runs
WHERE status IN ('succeeded', 'skipped')
ORDER BY finished_at DESC
LIMIT 1
