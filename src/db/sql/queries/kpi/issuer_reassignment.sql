-- Leaves whose current issuer differs from the one they were first sent to, per department and
-- over all departments (the row with is_total). Every status counts unless a status filter
-- says otherwise.
-- Parameters (NULL = no filter):
--   $1 fiscal_year  bigint[]
--   $2 department   text[]
--   $3 designation  bigint[]
--   $4 leave_type   bigint[]
--   $5 status       text[]
--   $6 date_from    date
--   $7 date_to      date
--   $8 employee     bigint[]
SELECT
    department,
    is_total,
    leaves,
    reassigned_leaves,
    -- NULL, not an error, when no leave matches (the total row exists even then).
    (reassigned_leaves::numeric / nullif(leaves, 0))::double precision AS reassigned_share
FROM reporting.leave_flags_by_department(
    $1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[],
    $6::date, $7::date, $8::bigint[]
)
ORDER BY is_total, department
