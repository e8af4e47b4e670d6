-- Per working day and department: the headcount, how many are on APPROVED leave and how many
-- are available. Days run from date_from to date_to; without them, as_of alone. Someone on a
-- half day counts as on leave that day. Every working day and department has a row.
-- Parameters (NULL = no filter):
--   $1 department   text[]
--   $2 designation  bigint[]
--   $3 leave_type   bigint[]
--   $4 date_from    date      (NULL = as_of)
--   $5 date_to      date      (NULL = date_from)
--   $6 employee     bigint[]
--   $7 as_of        date
--   $8 weekend_days integer[]
-- Not materialized, so each use sees the bounds as values the planner can match to indexes.
WITH period AS NOT MATERIALIZED (
    SELECT
        coalesce($4::date, $7::date)               AS first_day,
        coalesce($5::date, $4::date, $7::date)     AS last_day
),
working_days AS (
    SELECT (period.first_day + day_number) AS day
    FROM period
    CROSS JOIN generate_series(0, period.last_day - period.first_day) AS day_number
    WHERE extract(isodow FROM period.first_day + day_number)::integer <> ALL ($8::integer[])
),
headcount AS (
    SELECT employee.department, count(*) AS employees
    FROM reporting.filtered_employee_facts($1::text[], $2::bigint[], $6::bigint[]) AS employee
    GROUP BY employee.department
),
-- Materialized: the period's approved leaves are few and found by date first; left to itself
-- the planner may instead walk every leave of every employee the people filters keep.
leaves_in_period AS MATERIALIZED (
    SELECT leave.employee_id, leave.department, leave.designation_id, leave.start_date,
           leave.end_date, leave.leave_days
    FROM period
    JOIN reporting.leave_facts AS leave
        ON leave.end_date >= period.first_day AND leave.start_date <= period.last_day
    WHERE leave.status = 'APPROVED'
      AND ($3::bigint[] IS NULL OR leave.leave_type_id = ANY ($3))
),
absences AS (
    SELECT working_day.day, leave.department, count(DISTINCT leave.employee_id) AS employees
    FROM period
    CROSS JOIN leaves_in_period AS leave
    CROSS JOIN LATERAL reporting.working_days_of(
        leave.start_date, leave.end_date, leave.leave_days, $8::integer[]
    ) AS working_day
    WHERE working_day.day BETWEEN period.first_day AND period.last_day
      AND ($1::text[]   IS NULL OR leave.department     = ANY ($1))
      AND ($2::bigint[] IS NULL OR leave.designation_id = ANY ($2))
      AND ($6::bigint[] IS NULL OR leave.employee_id    = ANY ($6))
    GROUP BY working_day.day, leave.department
)
SELECT
    working_days.day,
    headcount.department,
    headcount.employees                                      AS headcount,
    coalesce(absences.employees, 0)                          AS on_leave,
    headcount.employees - coalesce(absences.employees, 0)    AS available
FROM working_days
CROSS JOIN headcount
LEFT JOIN absences
    ON absences.day = working_days.day
   AND absences.department IS NOT DISTINCT FROM headcount.department
ORDER BY working_days.day, headcount.department
