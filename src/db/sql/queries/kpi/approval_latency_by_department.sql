-- Per department of the requester: the requests decided (APPROVED or REJECTED), the approval
-- and rejection rates, and how long decisions took (updatedAt - createdAt, in hours; median
-- and 90th percentile).
-- Parameters (NULL = no filter):
--   $1 fiscal_year  bigint[]
--   $2 department   text[]
--   $3 designation  bigint[]
--   $4 leave_type   bigint[]
--   $5 date_from    date
--   $6 date_to      date
--   $7 employee     bigint[]
WITH decided AS (
    SELECT
        leave.department,
        leave.status,
        (extract(epoch FROM leave.updated_at - leave.created_at) / 3600)::double precision
            AS latency_hours
    FROM reporting.leave_facts AS leave
    WHERE leave.status IN ('APPROVED', 'REJECTED')
      AND ($1::bigint[] IS NULL OR leave.fiscal_year_id = ANY ($1))
      AND ($2::text[]   IS NULL OR leave.department     = ANY ($2))
      AND ($3::bigint[] IS NULL OR leave.designation_id = ANY ($3))
      AND ($4::bigint[] IS NULL OR leave.leave_type_id  = ANY ($4))
      AND ($5::date     IS NULL OR leave.end_date      >= $5)
      AND ($6::date     IS NULL OR leave.start_date    <= $6)
      AND ($7::bigint[] IS NULL OR leave.employee_id    = ANY ($7))
),
per_department AS (
    SELECT
        department,
        count(*)                                                   AS decided,
        count(*) FILTER (WHERE status = 'APPROVED')                AS approved,
        count(*) FILTER (WHERE status = 'REJECTED')                AS rejected,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_hours) AS median_latency_hours,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY latency_hours) AS p90_latency_hours
    FROM decided
    GROUP BY department
)
SELECT
    department,
    decided,
    approved,
    rejected,
    (approved::numeric / decided)::double precision AS approval_rate,
    (rejected::numeric / decided)::double precision AS rejection_rate,
    median_latency_hours,
    p90_latency_hours
FROM per_department
ORDER BY department
