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
    SELECT leave.employee_id, count(*) AS leaves, sum(leave.leave_days) AS leave_days
    FROM reporting.leave_facts AS leave
    WHERE leave.status = 'APPROVED'
      AND ($1::bigint[] IS NULL OR leave.fiscal_year_id = ANY ($1))
      AND ($2::text[]   IS NULL OR leave.department     = ANY ($2))
      AND ($3::bigint[] IS NULL OR leave.designation_id = ANY ($3))
      AND ($4::bigint[] IS NULL OR leave.leave_type_id  = ANY ($4))
      AND ($5::date     IS NULL OR leave.end_date      >= $5)
      AND ($6::date     IS NULL OR leave.start_date    <= $6)
      AND ($7::bigint[] IS NULL OR leave.employee_id    = ANY ($7))
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
