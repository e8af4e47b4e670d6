-- What the API and the dashboard read (the dashboard's role may read dbo and reporting only).
-- Every KPI query (src/db/sql/queries/kpi/) starts from these objects, so the rules they carry
-- are written once: deleted leaves never count, a leave belongs to its employee's current
-- department and designation, and a leave's days spread evenly over its working days.

-- One row per leave that still exists upstream, with the names a report shows.
CREATE VIEW reporting.leave_facts AS
SELECT
    leave.id                      AS leave_id,
    leave.employee_id,
    employee.department_id,
    department.name               AS department,
    employee.designation_id,
    designation.name              AS designation,
    leave.leave_type_id,
    leave_type.name               AS leave_type,
    leave.fiscal_year_id,
    leave.leave_issuer_id,
    leave.current_leave_issuer_id,
    leave.start_date,
    leave.end_date,
    leave.leave_days,
    leave.status,
    leave.reason,
    leave.remarks,
    leave.created_at,
    leave.updated_at,
    -- Applied for on a later day than the leave began. The upstream's timestamps are UTC, and
    -- so is the day they fall on here: the answer must not depend on a session's time zone.
    (leave.created_at AT TIME ZONE 'UTC')::date > leave.start_date AS applied_late,
    -- An issuer unknown on either side is not a reassignment anyone can show.
    coalesce(leave.current_leave_issuer_id <> leave.leave_issuer_id, false) AS issuer_reassigned
FROM dbo.employee_leaves AS leave
JOIN dbo.employees AS employee ON employee.id = leave.employee_id
JOIN dbo.leave_types AS leave_type ON leave_type.id = leave.leave_type_id
LEFT JOIN dbo.departments AS department ON department.id = employee.department_id
LEFT JOIN dbo.designations AS designation ON designation.id = employee.designation_id
WHERE leave.deleted_at IS NULL;

-- Everyone the records ever named: the headcount behind per-head figures and availability.
CREATE VIEW reporting.employee_facts AS
SELECT
    employee.id                   AS employee_id,
    employee.emp_id,
    concat_ws(' ', employee.first_name, employee.middle_name, employee.last_name) AS employee_name,
    employee.first_name,
    employee.middle_name,
    employee.last_name,
    employee.email,
    employee.is_hr,
    employee.is_supervisor,
    employee.department_id,
    department.name               AS department,
    employee.designation_id,
    designation.name              AS designation,
    employee.team_manager_id
FROM dbo.employees AS employee
LEFT JOIN dbo.departments AS department ON department.id = employee.department_id
LEFT JOIN dbo.designations AS designation ON designation.id = employee.designation_id;

-- A leave's working days (weekend days given as ISO weekdays, 1 = Monday), each carrying an
-- even part of the leave's days: per-day totals then add up to the leave's own days, half days
-- and leaves counted in calendar days included. A leave wholly on weekend days has no row.
-- Plain SQL in one SELECT, so the planner inlines it into the calling query.
CREATE FUNCTION reporting.working_days_of(
    first_day date, last_day date, days numeric, weekend_days integer[]
)
RETURNS TABLE (day date, leave_days numeric)
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 3
AS $$
    SELECT first_day + day_number, days / count(*) OVER ()
    FROM generate_series(0, last_day - first_day) AS day_number
    WHERE extract(isodow FROM first_day + day_number)::integer <> ALL (weekend_days)
$$;

-- Balance per employee, leave type and fiscal year:
--   allotted  = default days + carried over
--   carried   = min(transferable days, allotted - used of the previous fiscal year), never < 0
--   used      = APPROVED days, pending = REQUESTED days, remaining = allotted - used (may be < 0)
-- The records tell no hire dates, so an employee's chain starts at their first fiscal year with
-- any leave (an earlier year's unused allotment would be invented carry-over) and runs through
-- the newest fiscal year, every leave type in every year. Materialized: the chain is recursive
-- and every balance page would otherwise recompute it for all employees.
CREATE MATERIALIZED VIEW reporting.leave_balances AS
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
FROM chain;

-- Unique, as REFRESH ... CONCURRENTLY needs; led by the employee, as the gauges ask.
CREATE UNIQUE INDEX leave_balances_key
    ON reporting.leave_balances (employee_id, fiscal_year_id, leave_type_id);

-- For the filters dashboards use most: one department's or employee's leave in a fiscal year
-- (the employee index alone reads all their years), and a recent period (an overlap test
-- `end_date >= first day AND start_date <= last day` read by start date scans all history).
CREATE INDEX employee_leaves_employee_fiscal_year_idx
    ON dbo.employee_leaves (employee_id, fiscal_year_id);
CREATE INDEX employee_leaves_end_date_idx ON dbo.employee_leaves (end_date, start_date);

-- The sync history and the records it turned away, for the dashboard's data-quality page.
CREATE VIEW reporting.sync_runs AS
SELECT
    id,
    trigger,
    status,
    started_at,
    finished_at,
    finished_at - started_at AS duration,
    window_start,
    window_end,
    fetched,
    inserted,
    updated,
    unchanged,
    deleted,
    rejected,
    error
FROM ops.sync_runs;

CREATE VIEW reporting.rejected_leaves AS
SELECT id, sync_run_id, reason, payload, rejected_at
FROM raw.rejected_leaves;

-- Said outright rather than left to 0004's default privileges, which only cover objects
-- created by the role that ran 0004.
GRANT SELECT ON reporting.leave_facts, reporting.employee_facts, reporting.leave_balances,
    reporting.sync_runs, reporting.rejected_leaves TO leave_reader;
GRANT EXECUTE ON FUNCTION reporting.working_days_of(date, date, numeric, integer[])
    TO leave_reader;
