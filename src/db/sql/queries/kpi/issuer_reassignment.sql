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
WITH counts AS (
    SELECT
        leave.department,
        grouping(leave.department) = 1 AS is_total,
        count(*) AS leaves,
        count(*) FILTER (WHERE leave.issuer_reassigned) AS reassigned_leaves
    FROM reporting.leave_facts AS leave
    WHERE ($1::bigint[] IS NULL OR leave.fiscal_year_id = ANY ($1))
      AND ($2::text[]   IS NULL OR leave.department     = ANY ($2))
      AND ($3::bigint[] IS NULL OR leave.designation_id = ANY ($3))
      AND ($4::bigint[] IS NULL OR leave.leave_type_id  = ANY ($4))
      AND ($5::text[]   IS NULL OR leave.status         = ANY ($5))
      AND ($6::date     IS NULL OR leave.end_date      >= $6)
      AND ($7::date     IS NULL OR leave.start_date    <= $7)
      AND ($8::bigint[] IS NULL OR leave.employee_id    = ANY ($8))
    GROUP BY GROUPING SETS ((leave.department), ())
)
SELECT
    department,
    is_total,
    leaves,
    reassigned_leaves,
    -- NULL, not an error, when no leave matches (the total row exists even then).
    (reassigned_leaves::numeric / nullif(leaves, 0))::double precision AS reassigned_share
FROM counts
ORDER BY is_total, department
