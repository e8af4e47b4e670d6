SELECT extract(epoch FROM clock_timestamp() - max(finished_at))::float8
FROM ops.sync_runs
WHERE status IN ('succeeded', 'skipped') AND kind = 'full'
