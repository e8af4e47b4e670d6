-- APPROVED leave days per leave type, absolute and per head of everyone the people filters
-- keep. Every leave type the leave-type filter allows shows, with 0 days when unused.
-- Parameters (NULL = no filter):
--   $1 fiscal_year  bigint[]
--   $2 department   text[]
--   $3 designation  bigint[]
--   $4 leave_type   bigint[]
--   $5 date_from    date
--   $6 date_to      date
--   $7 employee     bigint[]
WITH headcount AS (
    SELECT count(*) AS employees
    FROM reporting.filtered_employee_facts($2::text[], $3::bigint[], $7::bigint[]) AS employee
),
usage AS (
    SELECT
        leave.leave_type_id,
        sum(leave.leaves)::bigint         AS leaves,
        count(DISTINCT leave.employee_id) AS employees_with_leave,
        sum(leave.leave_days)             AS leave_days
    FROM reporting.filtered_leave_totals(
        $1::bigint[], $2::text[], $3::bigint[], $4::bigint[], '{APPROVED}',
        $5::date, $6::date, $7::bigint[]
    ) AS leave
    GROUP BY leave.leave_type_id
)
SELECT
    leave_type.id                                         AS leave_type_id,
    leave_type.name                                       AS leave_type,
    headcount.employees                                   AS headcount,
    coalesce(usage.leaves, 0)                             AS leaves,
    coalesce(usage.employees_with_leave, 0)               AS employees_with_leave,
    coalesce(usage.leave_days, 0)::double precision       AS leave_days,
    (coalesce(usage.leave_days, 0) / nullif(headcount.employees, 0))::double precision
                                                          AS leave_days_per_head
FROM dbo.leave_types AS leave_type
CROSS JOIN headcount
LEFT JOIN usage ON usage.leave_type_id = leave_type.id
WHERE ($4::bigint[] IS NULL OR leave_type.id = ANY ($4))
ORDER BY leave_days DESC, leave_type.id
