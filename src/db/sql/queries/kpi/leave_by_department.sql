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
    FROM reporting.employee_facts AS employee
    WHERE ($2::text[]   IS NULL OR employee.department     = ANY ($2))
      AND ($3::bigint[] IS NULL OR employee.designation_id = ANY ($3))
      AND ($7::bigint[] IS NULL OR employee.employee_id    = ANY ($7))
    GROUP BY employee.department
),
usage AS (
    SELECT
        leave.department,
        count(*)                          AS leaves,
        count(DISTINCT leave.employee_id) AS employees_with_leave,
        sum(leave.leave_days)             AS leave_days
    FROM reporting.leave_facts AS leave
    WHERE leave.status = 'APPROVED'
      AND ($1::bigint[] IS NULL OR leave.fiscal_year_id = ANY ($1))
      AND ($2::text[]   IS NULL OR leave.department     = ANY ($2))
      AND ($3::bigint[] IS NULL OR leave.designation_id = ANY ($3))
      AND ($4::bigint[] IS NULL OR leave.leave_type_id  = ANY ($4))
      AND ($5::date     IS NULL OR leave.end_date      >= $5)
      AND ($6::date     IS NULL OR leave.start_date    <= $6)
      AND ($7::bigint[] IS NULL OR leave.employee_id    = ANY ($7))
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
