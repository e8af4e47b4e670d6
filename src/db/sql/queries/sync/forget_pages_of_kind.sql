DELETE FROM raw.remembered_pages WHERE run_kind = $1
