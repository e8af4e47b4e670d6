-- A run's outcome is written once. A failure recorded after the run's own transaction already
-- committed its outcome (the service stopped just as the COMMIT went through) changes nothing.
UPDATE ops.sync_runs
SET status = $2,
    finished_at = clock_timestamp(),
    fetched = $3,
    inserted = $4,
    updated = $5,
    unchanged = $6,
    deleted = $7,
    rejected = $8,
    error = $9
WHERE id = $1 AND status = 'running'
