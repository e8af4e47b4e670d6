-- Leaves one by one, newest first (an employee's leave history when filtered to them), every
-- status unless a status filter says otherwise; a page of them, each row carrying the number of
-- matching leaves (total) for pagination.
-- Parameters (NULL = no filter):
--   $1  fiscal_year  bigint[]
--   $2  department   text[]
--   $3  designation  bigint[]
--   $4  leave_type   bigint[]
--   $5  status       text[]
--   $6  date_from    date
--   $7  date_to      date
--   $8  employee     bigint[]
--   $9  limit        bigint    (NULL = all)
--   $10 offset       bigint
WITH matching AS MATERIALIZED (
    -- Planned on its own: the fastest way to these rows, not a walk in page order that the
    -- count would then have to finish over the whole table.
    SELECT leave.leave_id, leave.start_date
    FROM reporting.filtered_leave_facts(
        $1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[],
        $6::date, $7::date, $8::bigint[]
    ) AS leave
),
page AS (
    -- Counted and cut on narrow rows; only the page's rows are then dressed with names.
    SELECT leave_id, start_date, (SELECT count(*) FROM matching) AS total
    FROM matching
    ORDER BY start_date DESC, leave_id DESC
    LIMIT $9::bigint OFFSET $10::bigint
)
SELECT
    leave.leave_id,
    leave.employee_id,
    employee.employee_name,
    leave.department,
    leave.fiscal_year_id,
    leave.leave_type_id,
    leave.leave_type,
    leave.start_date,
    leave.end_date,
    leave.leave_days::double precision  AS leave_days,
    leave.status,
    leave.reason,
    leave.remarks,
    leave.created_at,
    leave.updated_at,
    leave.applied_late,
    leave.leave_issuer_id,
    -- An issuer known only by e-mail has no name yet.
    nullif(concat_ws(' ', issuer.first_name, issuer.middle_name, issuer.last_name), '')
                                        AS leave_issuer_name,
    leave.current_leave_issuer_id,
    nullif(concat_ws(
        ' ', current_issuer.first_name, current_issuer.middle_name, current_issuer.last_name
    ), '')                              AS current_leave_issuer_name,
    page.total
FROM page
JOIN reporting.leave_facts AS leave USING (leave_id)
JOIN reporting.employee_facts AS employee USING (employee_id)
LEFT JOIN dbo.leave_issuers AS issuer ON issuer.id = leave.leave_issuer_id
LEFT JOIN dbo.leave_issuers AS current_issuer ON current_issuer.id = leave.current_leave_issuer_id
ORDER BY page.start_date DESC, page.leave_id DESC
