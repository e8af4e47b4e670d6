INSERT INTO ops.sync_runs (trigger, kind, window_start, window_end)
VALUES ($1, $2, $3, $4)
RETURNING id
