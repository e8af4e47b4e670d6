SELECT EXISTS (SELECT 1 FROM raw.leave_fingerprints)
