-- Per department of the requester: how long decisions took (updatedAt - createdAt of APPROVED
-- or REJECTED requests, in hours; median and 90th percentile).
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
)
SELECT
    department,
    count(*)                                                   AS decided,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_hours) AS median_latency_hours,
    percentile_cont(0.9) WITHIN GROUP (ORDER BY latency_hours) AS p90_latency_hours
FROM decided
GROUP BY department
ORDER BY department
