-- Performance (issue 7): small precomputed totals behind the KPIs, kept by
-- reporting.refresh_reporting() inside each run's transaction. Asked without an employee or a
-- date range (the dashboards' usual question, and the one that reads every leave), a KPI sums
-- a few thousand precomputed rows instead of every leave and its working days; asked with one,
-- it reads the leaves themselves as before, which those filters keep few. Either way the
-- answer is the same: the totals are sums of the very rows the KPI would otherwise sum, and
-- numeric sums are exact.

-- The weekend the precomputed working days assume: WEEKEND_DAYS' default. A caller with
-- another weekend is answered from the leaves themselves.
CREATE FUNCTION reporting.precomputed_weekend_days()
RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT '{6,7}'::integer[] $$;

-- Per employee, fiscal year, leave type and status (one row each): how many leaves, their days,
-- and how many were applied for late or reassigned (see reporting.leave_facts). The employee's
-- department and designation are joined when read.
CREATE TABLE reporting.leave_totals (
    fiscal_year_id    bigint  NOT NULL,
    employee_id       bigint  NOT NULL,
    leave_type_id     bigint  NOT NULL,
    status            text    NOT NULL,
    leaves            bigint  NOT NULL,
    leave_days        numeric NOT NULL,
    late_leaves       bigint  NOT NULL,
    reassigned_leaves bigint  NOT NULL
);
CREATE INDEX leave_totals_fiscal_year_idx ON reporting.leave_totals (fiscal_year_id);

-- The leaves' working days (reporting.working_days_of, precomputed weekend) summed per fiscal
-- year, department, designation, leave type, status and calendar month...
CREATE TABLE reporting.leave_days_by_month (
    fiscal_year_id bigint  NOT NULL,
    department     text,
    designation_id bigint,
    leave_type_id  bigint  NOT NULL,
    status         text    NOT NULL,
    month          date    NOT NULL,
    leave_days     numeric NOT NULL
);
CREATE INDEX leave_days_by_month_fiscal_year_idx ON reporting.leave_days_by_month (fiscal_year_id);

-- ... and per calendar year and ISO weekday.
CREATE TABLE reporting.leave_days_by_weekday (
    fiscal_year_id bigint  NOT NULL,
    department     text,
    designation_id bigint,
    leave_type_id  bigint  NOT NULL,
    status         text    NOT NULL,
    year           integer NOT NULL,
    weekday        integer NOT NULL,
    leave_days     numeric NOT NULL
);
CREATE INDEX leave_days_by_weekday_fiscal_year_idx
    ON reporting.leave_days_by_weekday (fiscal_year_id);

-- What each fiscal year's totals were computed from: the number of its leaves and the sum of a
-- 64-bit hash of each leave as the totals see it, plus one of every employee's department and
-- designation. A refresh recomputes the fiscal years whose figures differ from that (a leave
-- changed, added, deleted or moved to another fiscal year; anyone moved to another department
-- or designation: every year), whichever procedure made the change.
CREATE TABLE reporting.precomputed_fiscal_years (
    fiscal_year_id bigint  PRIMARY KEY,
    leaves         bigint  NOT NULL,
    signature      numeric NOT NULL
);

-- Those figures as they are now; read from the tables themselves, not through the views' joins.
CREATE FUNCTION reporting.fiscal_year_signatures()
RETURNS TABLE (fiscal_year_id bigint, leaves bigint, signature numeric)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    WITH people AS (
        SELECT coalesce(sum(hash_record_extended((
            employee.employee_id, employee.department, employee.designation_id
        ), 0)::numeric), 0) AS signature
        FROM reporting.employee_facts AS employee
    )
    SELECT
        leave.fiscal_year_id,
        count(*),
        sum(hash_record_extended((
            leave.id, leave.employee_id, leave.leave_type_id, leave.status, leave.start_date,
            leave.end_date, leave.leave_days, leave.created_at, leave.leave_issuer_id,
            leave.current_leave_issuer_id
        ), 0)::numeric) + min(people.signature)
    FROM dbo.employee_leaves AS leave
    CROSS JOIN people
    WHERE leave.deleted_at IS NULL
    GROUP BY leave.fiscal_year_id
$$;

-- The matching leaves summed per employee, fiscal year, leave type and status, with the
-- employee's department and designation: from reporting.leave_totals when neither a date range
-- nor an employee filters, else from the leaves (see reporting.filtered_leave_facts). The
-- branch the arguments rule out is planned away (KPIs are planned per call).
CREATE FUNCTION reporting.filtered_leave_totals(
    fiscal_year bigint[], department text[], designation bigint[], leave_type bigint[],
    status text[], date_from date, date_to date, employee bigint[]
)
RETURNS TABLE (
    employee_id bigint, department text, designation_id bigint, fiscal_year_id bigint,
    leave_type_id bigint, status text, leaves bigint, leave_days numeric, late_leaves bigint,
    reassigned_leaves bigint
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT totals.employee_id, employee.department, employee.designation_id,
           totals.fiscal_year_id, totals.leave_type_id, totals.status, totals.leaves,
           totals.leave_days, totals.late_leaves, totals.reassigned_leaves
    FROM reporting.leave_totals AS totals
    JOIN reporting.employee_facts AS employee USING (employee_id)
    WHERE $6 IS NULL AND $7 IS NULL AND $8 IS NULL
      AND ($1 IS NULL OR totals.fiscal_year_id = ANY ($1))
      AND ($2 IS NULL OR employee.department     = ANY ($2))
      AND ($3 IS NULL OR employee.designation_id = ANY ($3))
      AND ($4 IS NULL OR totals.leave_type_id    = ANY ($4))
      AND ($5 IS NULL OR totals.status           = ANY ($5))
    UNION ALL
    SELECT leave.employee_id, leave.department, leave.designation_id, leave.fiscal_year_id,
           leave.leave_type_id, leave.status, count(*), sum(leave.leave_days),
           count(*) FILTER (WHERE leave.applied_late),
           count(*) FILTER (WHERE leave.issuer_reassigned)
    FROM reporting.filtered_leave_facts($1, $2, $3, $4, $5, $6, $7, $8) AS leave
    WHERE NOT ($6 IS NULL AND $7 IS NULL AND $8 IS NULL)
    GROUP BY leave.employee_id, leave.department, leave.designation_id, leave.fiscal_year_id,
             leave.leave_type_id, leave.status
$$;

-- The matching leaves' working days summed per calendar month, leave type and status: from
-- reporting.leave_days_by_month when neither a date range nor an employee filters and the
-- weekend is the precomputed one, else from the leaves (reporting.filtered_leave_working_days).
CREATE FUNCTION reporting.filtered_leave_days_by_month(
    fiscal_year bigint[], department text[], designation bigint[], leave_type bigint[],
    status text[], date_from date, date_to date, employee bigint[], weekend_days integer[]
)
RETURNS TABLE (month date, leave_type_id bigint, status text, leave_days numeric)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT totals.month, totals.leave_type_id, totals.status, totals.leave_days
    FROM reporting.leave_days_by_month AS totals
    WHERE $6 IS NULL AND $7 IS NULL AND $8 IS NULL
      AND $9 = reporting.precomputed_weekend_days()
      AND ($1 IS NULL OR totals.fiscal_year_id = ANY ($1))
      AND ($2 IS NULL OR totals.department     = ANY ($2))
      AND ($3 IS NULL OR totals.designation_id = ANY ($3))
      AND ($4 IS NULL OR totals.leave_type_id  = ANY ($4))
      AND ($5 IS NULL OR totals.status         = ANY ($5))
    UNION ALL
    SELECT date_trunc('month', leave_day.day::timestamp)::date, leave_day.leave_type_id,
           leave_day.status, leave_day.leave_days
    FROM reporting.filtered_leave_working_days($1, $2, $3, $4, $5, $6, $7, $8, $9) AS leave_day
    WHERE NOT (
        $6 IS NULL AND $7 IS NULL AND $8 IS NULL AND $9 = reporting.precomputed_weekend_days()
    )
$$;

-- The same per calendar year and ISO weekday (from reporting.leave_days_by_weekday).
CREATE FUNCTION reporting.filtered_leave_days_by_weekday(
    fiscal_year bigint[], department text[], designation bigint[], leave_type bigint[],
    status text[], date_from date, date_to date, employee bigint[], weekend_days integer[]
)
RETURNS TABLE (year integer, weekday integer, leave_days numeric)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT totals.year, totals.weekday, totals.leave_days
    FROM reporting.leave_days_by_weekday AS totals
    WHERE $6 IS NULL AND $7 IS NULL AND $8 IS NULL
      AND $9 = reporting.precomputed_weekend_days()
      AND ($1 IS NULL OR totals.fiscal_year_id = ANY ($1))
      AND ($2 IS NULL OR totals.department     = ANY ($2))
      AND ($3 IS NULL OR totals.designation_id = ANY ($3))
      AND ($4 IS NULL OR totals.leave_type_id  = ANY ($4))
      AND ($5 IS NULL OR totals.status         = ANY ($5))
    UNION ALL
    SELECT extract(year FROM leave_day.day)::integer, extract(isodow FROM leave_day.day)::integer,
           leave_day.leave_days
    FROM reporting.filtered_leave_working_days($1, $2, $3, $4, $5, $6, $7, $8, $9) AS leave_day
    WHERE NOT (
        $6 IS NULL AND $7 IS NULL AND $8 IS NULL AND $9 = reporting.precomputed_weekend_days()
    )
$$;

GRANT SELECT ON reporting.leave_totals, reporting.leave_days_by_month,
    reporting.leave_days_by_weekday, reporting.precomputed_fiscal_years TO leave_reader;
GRANT EXECUTE ON FUNCTION
    reporting.precomputed_weekend_days(),
    reporting.filtered_leave_totals(
        bigint[], text[], bigint[], bigint[], text[], date, date, bigint[]
    ),
    reporting.filtered_leave_days_by_month(
        bigint[], text[], bigint[], bigint[], text[], date, date, bigint[], integer[]
    ),
    reporting.filtered_leave_days_by_weekday(
        bigint[], text[], bigint[], bigint[], text[], date, date, bigint[], integer[]
    )
    TO leave_reader;

-- Late applications and reassignments per department, from the totals above (same answers).
CREATE OR REPLACE FUNCTION reporting.leave_flags_by_department(
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
        totals.department,
        grouping(totals.department) = 1,
        coalesce(sum(totals.leaves), 0)::bigint,
        coalesce(sum(totals.late_leaves), 0)::bigint,
        coalesce(sum(totals.reassigned_leaves), 0)::bigint
    FROM reporting.filtered_leave_totals($1, $2, $3, $4, $5, $6, $7, $8) AS totals
    GROUP BY GROUPING SETS ((totals.department), ())
$$;
