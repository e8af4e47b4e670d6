SELECT id, sync_run_id, reason, payload, rejected_at
FROM raw.rejected_leaves
WHERE sync_run_id = $1
ORDER BY id
LIMIT $2 OFFSET $3
