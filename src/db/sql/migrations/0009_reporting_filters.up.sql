-- The KPI filters, written once: every KPI query (src/db/sql/queries/kpi/) narrows the reporting
-- views by the same optional filters, a NULL argument meaning "no filter". Each function is
-- plain SQL in one SELECT, neither STRICT nor SECURITY DEFINER, so the planner inlines it into
-- the calling query: the filters the call leaves NULL fold away, and the rest reach the
-- indexes as if written in the query itself. The bodies use $n rather than the parameter names,
-- which in SQL functions lose to a column of the same name (department is one).

-- The leaves that match the filters. A leave matches the date range when it overlaps it.
CREATE FUNCTION reporting.filtered_leave_facts(
    fiscal_year bigint[], department text[], designation bigint[], leave_type bigint[],
    status text[], date_from date, date_to date, employee bigint[]
)
RETURNS SETOF reporting.leave_facts
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT leave.*
    FROM reporting.leave_facts AS leave
    WHERE ($1 IS NULL OR leave.fiscal_year_id = ANY ($1))
      AND ($2 IS NULL OR leave.department     = ANY ($2))
      AND ($3 IS NULL OR leave.designation_id = ANY ($3))
      AND ($4 IS NULL OR leave.leave_type_id  = ANY ($4))
      AND ($5 IS NULL OR leave.status         = ANY ($5))
      AND ($6 IS NULL OR leave.end_date      >= $6)
      AND ($7 IS NULL OR leave.start_date    <= $7)
      AND ($8 IS NULL OR leave.employee_id    = ANY ($8))
$$;

-- The employees that match the people filters: the headcount behind per-head figures.
CREATE FUNCTION reporting.filtered_employee_facts(
    department text[], designation bigint[], employee bigint[]
)
RETURNS SETOF reporting.employee_facts
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT employee.*
    FROM reporting.employee_facts AS employee
    WHERE ($1 IS NULL OR employee.department     = ANY ($1))
      AND ($2 IS NULL OR employee.designation_id = ANY ($2))
      AND ($3 IS NULL OR employee.employee_id    = ANY ($3))
$$;

-- The matching leaves spread over their working days (reporting.working_days_of), one row per
-- leave and working day; a date range keeps the days inside it, so a leave across its edge
-- counts only its days within.
CREATE FUNCTION reporting.filtered_leave_working_days(
    fiscal_year bigint[], department text[], designation bigint[], leave_type bigint[],
    status text[], date_from date, date_to date, employee bigint[], weekend_days integer[]
)
RETURNS TABLE (
    leave_id bigint, status text, leave_type_id bigint, leave_type text, day date,
    leave_days numeric
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT leave.leave_id, leave.status, leave.leave_type_id, leave.leave_type,
           working_day.day, working_day.leave_days
    FROM reporting.filtered_leave_facts($1, $2, $3, $4, $5, $6, $7, $8) AS leave
    CROSS JOIN LATERAL reporting.working_days_of(
        leave.start_date, leave.end_date, leave.leave_days, $9
    ) AS working_day
    WHERE ($6 IS NULL OR working_day.day >= $6)
      AND ($7 IS NULL OR working_day.day <= $7)
$$;

-- Per department of the matching leaves and over all departments (the row with is_total): how
-- many there are, how many were applied for late and how many were reassigned to another
-- issuer (see reporting.leave_facts).
CREATE FUNCTION reporting.leave_flags_by_department(
    fiscal_year bigint[], department text[], designation bigint[], leave_type bigint[],
    status text[], date_from date, date_to date, employee bigint[]
)
RETURNS TABLE (
    department text, is_total boolean, leaves bigint, late_leaves bigint,
    reassigned_leaves bigint
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT
        leave.department,
        grouping(leave.department) = 1,
        count(*),
        count(*) FILTER (WHERE leave.applied_late),
        count(*) FILTER (WHERE leave.issuer_reassigned)
    FROM reporting.filtered_leave_facts($1, $2, $3, $4, $5, $6, $7, $8) AS leave
    GROUP BY GROUPING SETS ((leave.department), ())
$$;

GRANT EXECUTE ON FUNCTION
    reporting.filtered_leave_facts(
        bigint[], text[], bigint[], bigint[], text[], date, date, bigint[]
    ),
    reporting.filtered_employee_facts(text[], bigint[], bigint[]),
    reporting.filtered_leave_working_days(
        bigint[], text[], bigint[], bigint[], text[], date, date, bigint[], integer[]
    ),
    reporting.leave_flags_by_department(
        bigint[], text[], bigint[], bigint[], text[], date, date, bigint[]
    )
    TO leave_reader;
