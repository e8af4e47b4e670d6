-- The newest records a sync set aside, with the reason a person can read and the upstream id
-- of the leave when the record had one.
-- Parameters: $1 limit bigint
SELECT
    rejected.id,
    rejected.sync_run_id,
    rejected.rejected_at,
    rejected.payload ->> 'id'  AS leave_id,
    rejected.reason,
    rejected.payload::text     AS payload
FROM reporting.rejected_leaves AS rejected
ORDER BY rejected.id DESC
LIMIT $1::bigint
