SELECT id, fingerprint
FROM raw.leave_fingerprints
WHERE id = ANY ($1::bigint[])
