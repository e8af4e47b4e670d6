-- Only called while holding the sync lock: any run still marked running has lost its process.
UPDATE ops.sync_runs
SET status = 'failed',
    finished_at = clock_timestamp(),
    error = 'interrupted: the process running it stopped before it finished'
WHERE status = 'running'
RETURNING id
