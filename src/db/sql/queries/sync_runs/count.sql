SELECT count(*) FROM ops.sync_runs WHERE ($1::text IS NULL OR status = $1)
