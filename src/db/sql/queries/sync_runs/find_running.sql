SELECT id FROM ops.sync_runs WHERE status = 'running' ORDER BY id DESC LIMIT 1
