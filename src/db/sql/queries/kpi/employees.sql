-- Employees whose name or email contains the search text (any case), with department and
-- designation; a page of them by name, each row carrying the number of matches (total).
-- Parameters (NULL = no filter):
--   $1 department   text[]
--   $2 designation  bigint[]
--   $3 employee     bigint[]
--   $4 search       text
--   $5 limit        bigint    (NULL = all)
--   $6 offset       bigint
SELECT
    employee.employee_id,
    employee.emp_id,
    employee.employee_name,
    employee.email,
    employee.department,
    employee.designation_id,
    employee.designation,
    count(*) OVER () AS total
FROM reporting.filtered_employee_facts($1::text[], $2::bigint[], $3::bigint[]) AS employee
-- strpos, not LIKE: the search text is matched literally, % and _ included.
WHERE $4::text IS NULL
   OR strpos(lower(employee.employee_name), lower($4)) > 0
   OR strpos(lower(employee.email), lower($4)) > 0
ORDER BY employee.employee_name, employee.employee_id
LIMIT $5::bigint OFFSET $6::bigint
