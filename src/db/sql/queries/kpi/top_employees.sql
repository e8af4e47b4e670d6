-- Employees ranked by APPROVED leave days, with their department; a page of them, each row
-- carrying the number of ranked employees (total) for pagination. Ties share a rank and are
-- listed by employee id, so pages never overlap.
-- Parameters (NULL = no filter):
--   $1 fiscal_year  bigint[]
--   $2 department   text[]
--   $3 designation  bigint[]
--   $4 leave_type   bigint[]
--   $5 date_from    date
--   $6 date_to      date
--   $7 employee     bigint[]
--   $8 limit        bigint    (NULL = all)
--   $9 offset       bigint
WITH usage AS (
    SELECT
        leave.employee_id,
        sum(leave.leaves)::bigint AS leaves,
        sum(leave.leave_days)     AS leave_days
    FROM reporting.filtered_leave_totals(
        $1::bigint[], $2::text[], $3::bigint[], $4::bigint[], '{APPROVED}',
        $5::date, $6::date, $7::bigint[]
    ) AS leave
    GROUP BY leave.employee_id
)
SELECT
    rank() OVER (ORDER BY usage.leave_days DESC)  AS rank,
    usage.employee_id,
    employee.employee_name,
    employee.email,
    employee.department,
    employee.designation,
    usage.leaves,
    usage.leave_days::double precision            AS leave_days,
    count(*) OVER ()                              AS total
FROM usage
JOIN reporting.employee_facts AS employee USING (employee_id)
ORDER BY usage.leave_days DESC, usage.employee_id
LIMIT $8::bigint OFFSET $9::bigint
