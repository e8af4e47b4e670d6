-- The values each filter accepts, for pickers in a UI and to tell an unknown value from one
-- that merely matches nothing: (filter, value, label) rows in display order. Statuses are the
-- four the upstream documents plus any other it has sent. A fiscal year also has its
-- start_date, end_date and is_current (as the records flag it); other rows have NULL there.
WITH statuses AS (
    SELECT status, position
    FROM unnest('{APPROVED,REQUESTED,REJECTED,CANCELLED}'::text[]) WITH ORDINALITY
        AS documented (status, position)
    UNION
    SELECT DISTINCT status, 5 AS position
    FROM dbo.employee_leaves
),
choices AS (
    SELECT 1 AS filter_position, 'fiscal_year' AS filter, id::text AS value,
           to_char(start_date, 'YYYY') || '/' || to_char(end_date, 'YY') AS label,
           row_number() OVER (ORDER BY start_date DESC) AS position,
           start_date, end_date, is_current
    FROM dbo.fiscal_years
    UNION ALL
    SELECT 2, 'department', name, name, row_number() OVER (ORDER BY name),
           NULL, NULL, NULL
    FROM dbo.departments
    UNION ALL
    SELECT 3, 'designation', id::text, name, row_number() OVER (ORDER BY name, id),
           NULL, NULL, NULL
    FROM dbo.designations
    UNION ALL
    SELECT 4, 'leave_type', id::text, name, row_number() OVER (ORDER BY name, id),
           NULL, NULL, NULL
    FROM dbo.leave_types
    UNION ALL
    SELECT 5, 'status', status, status, row_number() OVER (ORDER BY min(position), status),
           NULL, NULL, NULL
    FROM statuses
    GROUP BY status
    UNION ALL
    SELECT 6, 'employee', employee_id::text, employee_name,
           row_number() OVER (ORDER BY employee_name, employee_id),
           NULL, NULL, NULL
    FROM reporting.employee_facts
)
SELECT filter, value, label, start_date, end_date, is_current
FROM choices
ORDER BY filter_position, position
