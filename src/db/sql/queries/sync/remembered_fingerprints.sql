-- The ids asked for that have a remembered fingerprint, and those fingerprints, as two arrays:
-- ten thousand ids answer in one row rather than ten thousand.
SELECT coalesce(array_agg(id), '{}') AS ids, coalesce(array_agg(fingerprint), '{}') AS fingerprints
FROM raw.leave_fingerprints
WHERE id = ANY ($1::bigint[])
