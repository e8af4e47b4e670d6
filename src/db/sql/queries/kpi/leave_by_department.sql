-- APPROVED leave days per department, absolute and per head. The headcount is everyone in the
-- department (after the people filters), so a department without leave shows with 0 days.
-- Parameters (NULL = no filter):
--   $1 fiscal_year  bigint[]
--   $2 department   text[]
--   $3 designation  bigint[]
--   $4 leave_type   bigint[]
--   $5 date_from    date
--   $6 date_to      date
--   $7 employee     bigint[]
WITH headcount AS (
    SELECT employee.department, count(*) AS employees
    FROM reporting.filtered_employee_facts($2::text[], $3::bigint[], $7::bigint[]) AS employee
    GROUP BY employee.department
),
usage AS (
    SELECT
        leave.department,
        sum(leave.leaves)::bigint         AS leaves,
        count(DISTINCT leave.employee_id) AS employees_with_leave,
        sum(leave.leave_days)             AS leave_days
    FROM reporting.filtered_leave_totals(
        $1::bigint[], $2::text[], $3::bigint[], $4::bigint[], '{APPROVED}',
        $5::date, $6::date, $7::bigint[]
    ) AS leave
    GROUP BY leave.department
)
SELECT
    headcount.department,
    headcount.employees                                   AS headcount,
    coalesce(usage.leaves, 0)                             AS leaves,
    coalesce(usage.employees_with_leave, 0)               AS employees_with_leave,
    coalesce(usage.leave_days, 0)::double precision       AS leave_days,
    (coalesce(usage.leave_days, 0) / headcount.employees)::double precision
                                                          AS leave_days_per_head
FROM headcount
-- Employees without a department form a group of their own.
LEFT JOIN usage ON usage.department IS NOT DISTINCT FROM headcount.department
ORDER BY leave_days DESC, headcount.department
