INSERT INTO ops.sync_runs (trigger, window_start, window_end)
VALUES ($1, $2, $3)
RETURNING id
