-- Which data the database holds now: the latest run that changed it (or could have).
SELECT coalesce(
    (SELECT id FROM ops.sync_runs WHERE status = 'succeeded' ORDER BY finished_at DESC LIMIT 1),
    0
)
