DELETE FROM raw.rejected_leaves WHERE sync_run_id = $1
