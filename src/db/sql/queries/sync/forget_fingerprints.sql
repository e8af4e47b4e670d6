TRUNCATE raw.leave_fingerprints, raw.remembered_pages
