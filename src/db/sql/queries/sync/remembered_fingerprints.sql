-- The remembered fingerprint of each id asked for, in the order asked (NULL: none), as one
-- array: ten thousand ids answer in one value rather than ten thousand rows.
SELECT array_agg(remembered.fingerprint ORDER BY asked.position)
FROM unnest($1::bigint[]) WITH ORDINALITY AS asked (id, position)
LEFT JOIN raw.leave_fingerprints AS remembered ON remembered.id = asked.id
