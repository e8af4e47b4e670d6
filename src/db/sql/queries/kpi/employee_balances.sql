-- Balances per employee, leave type and fiscal year (the gauges' data), as the materialized
-- reporting.leave_balances defines them; a page of them, each row carrying the number of
-- matching balances (total) for pagination.
-- Parameters (NULL = no filter):
--   $1 fiscal_year  bigint[]
--   $2 department   text[]
--   $3 designation  bigint[]
--   $4 leave_type   bigint[]
--   $5 employee     bigint[]
--   $6 limit        bigint    (NULL = all)
--   $7 offset       bigint
SELECT
    balance.employee_id,
    employee.employee_name,
    employee.department,
    balance.fiscal_year_id,
    fiscal_year.start_date                         AS fiscal_year_start,
    fiscal_year.end_date                           AS fiscal_year_end,
    balance.leave_type_id,
    leave_type.name                                AS leave_type,
    balance.default_days::double precision         AS default_days,
    balance.carried_over::double precision         AS carried_over,
    balance.allotted::double precision             AS allotted,
    balance.used::double precision                 AS used,
    balance.pending::double precision              AS pending,
    balance.remaining::double precision            AS remaining,
    count(*) OVER ()                               AS total
FROM reporting.leave_balances AS balance
JOIN reporting.employee_facts AS employee USING (employee_id)
JOIN dbo.fiscal_years AS fiscal_year ON fiscal_year.id = balance.fiscal_year_id
JOIN dbo.leave_types AS leave_type ON leave_type.id = balance.leave_type_id
WHERE ($1::bigint[] IS NULL OR balance.fiscal_year_id = ANY ($1))
  AND ($2::text[]   IS NULL OR employee.department     = ANY ($2))
  AND ($3::bigint[] IS NULL OR employee.designation_id = ANY ($3))
  AND ($4::bigint[] IS NULL OR balance.leave_type_id  = ANY ($4))
  AND ($5::bigint[] IS NULL OR balance.employee_id    = ANY ($5))
ORDER BY balance.employee_id, fiscal_year.start_date, balance.leave_type_id
LIMIT $6::bigint OFFSET $7::bigint
