-- Everything known about employees: their attributes, allocations (a JSON array of
-- {id, name, type}) and who approves their leave now; a page of them by id, each row carrying
-- the number of matching employees (total). Filtered to one employee: that employee's details.
-- Parameters (NULL = no filter):
--   $1 department   text[]
--   $2 designation  bigint[]
--   $3 employee     bigint[]
--   $4 limit        bigint    (NULL = all)
--   $5 offset       bigint
SELECT
    employee.employee_id,
    employee.emp_id,
    employee.first_name,
    employee.middle_name,
    employee.last_name,
    employee.employee_name,
    employee.email,
    employee.is_hr,
    employee.is_supervisor,
    employee.department,
    employee.designation_id,
    employee.designation,
    employee.team_manager_id,
    issuer.id                                                             AS leave_issuer_id,
    -- An issuer known only by e-mail has no name yet.
    nullif(concat_ws(' ', issuer.first_name, issuer.middle_name, issuer.last_name), '')
                                                                          AS leave_issuer_name,
    issuer.email                                                          AS leave_issuer_email,
    coalesce(allocations.items, '[]'::jsonb)                              AS allocations,
    count(*) OVER ()                                                      AS total
FROM reporting.filtered_employee_facts($1::text[], $2::bigint[], $3::bigint[]) AS employee
LEFT JOIN dbo.employee_leave_issuer AS current_issuer USING (employee_id)
LEFT JOIN dbo.leave_issuers AS issuer ON issuer.id = current_issuer.leave_issuer_id
LEFT JOIN LATERAL (
    SELECT jsonb_agg(
        jsonb_build_object('id', allocation.id, 'name', allocation.name, 'type', allocation.type)
        ORDER BY allocation.id
    ) AS items
    FROM dbo.employee_allocations AS held
    JOIN dbo.allocations AS allocation ON allocation.id = held.allocation_id
    WHERE held.employee_id = employee.employee_id
) AS allocations ON true
ORDER BY employee.employee_id
LIMIT $4::bigint OFFSET $5::bigint
