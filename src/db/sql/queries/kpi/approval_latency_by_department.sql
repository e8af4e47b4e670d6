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
    FROM reporting.filtered_leave_facts(
        $1::bigint[], $2::text[], $3::bigint[], $4::bigint[], '{APPROVED,REJECTED}',
        $5::date, $6::date, $7::bigint[]
    ) AS leave
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
