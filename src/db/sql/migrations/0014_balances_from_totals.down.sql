-- The balances sum the leaves themselves again (0010).
CREATE OR REPLACE FUNCTION reporting.leave_balances_of(employee_ids bigint[])
RETURNS TABLE (
    employee_id    bigint,
    leave_type_id  bigint,
    fiscal_year_id bigint,
    default_days   numeric,
    carried_over   numeric,
    allotted       numeric,
    used           numeric,
    pending        numeric,
    remaining      numeric
)
LANGUAGE sql STABLE
AS $$
WITH RECURSIVE fiscal_year_sequence AS (
    SELECT id AS fiscal_year_id, row_number() OVER (ORDER BY start_date) AS position
    FROM dbo.fiscal_years
),
usage AS (
    SELECT
        employee_id,
        leave_type_id,
        fiscal_year_id,
        coalesce(sum(leave_days) FILTER (WHERE status = 'APPROVED'), 0)  AS used,
        coalesce(sum(leave_days) FILTER (WHERE status = 'REQUESTED'), 0) AS pending
    FROM reporting.leave_facts
    WHERE employee_ids IS NULL OR employee_id = ANY (employee_ids)
    GROUP BY employee_id, leave_type_id, fiscal_year_id
),
first_year AS (
    SELECT usage.employee_id, min(sequence.position) AS position
    FROM usage
    JOIN fiscal_year_sequence AS sequence USING (fiscal_year_id)
    GROUP BY usage.employee_id
),
grid AS (
    SELECT
        first_year.employee_id,
        leave_type.id                              AS leave_type_id,
        sequence.fiscal_year_id,
        sequence.position,
        sequence.position = first_year.position    AS is_first_year,
        leave_type.default_days,
        leave_type.transferable_days,
        coalesce(usage.used, 0)                    AS used,
        coalesce(usage.pending, 0)                 AS pending
    FROM first_year
    JOIN fiscal_year_sequence AS sequence ON sequence.position >= first_year.position
    CROSS JOIN dbo.leave_types AS leave_type
    LEFT JOIN usage
        ON usage.employee_id = first_year.employee_id
       AND usage.leave_type_id = leave_type.id
       AND usage.fiscal_year_id = sequence.fiscal_year_id
),
chain AS (
    SELECT grid.*, 0::numeric AS carried_over
    FROM grid
    WHERE grid.is_first_year
    UNION ALL
    SELECT
        this_year.*,
        greatest(0, least(
            this_year.transferable_days,
            last_year.default_days + last_year.carried_over - last_year.used
        ))
    FROM chain AS last_year
    JOIN grid AS this_year
        ON this_year.employee_id = last_year.employee_id
       AND this_year.leave_type_id = last_year.leave_type_id
       AND this_year.position = last_year.position + 1
)
SELECT
    employee_id,
    leave_type_id,
    fiscal_year_id,
    default_days,
    carried_over,
    default_days + carried_over        AS allotted,
    used,
    pending,
    default_days + carried_over - used AS remaining
FROM chain
$$;
