-- Only called while holding the sync lock: any run still marked running ended before it could
-- record how: its process stopped, or it lost the database (a restart, a failover).
UPDATE ops.sync_runs
SET status = 'failed',
    finished_at = clock_timestamp(),
    error = 'interrupted: the run ended before it could record its outcome (its process stopped or it lost the database)'
WHERE status = 'running'
RETURNING id
