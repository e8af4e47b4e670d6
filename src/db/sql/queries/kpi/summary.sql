-- The summary cards, as one row. Usage counts APPROVED leave only. "On leave today" asks about
-- as_of alone: the fiscal-year and date filters describe a period, not today, so only the
-- people and leave-type filters narrow it. A weekend day has nobody on leave.
-- Parameters (NULL = no filter):
--   $1 fiscal_year  bigint[]
--   $2 department   text[]
--   $3 designation  bigint[]
--   $4 leave_type   bigint[]
--   $5 date_from    date
--   $6 date_to      date
--   $7 employee     bigint[]
--   $8 as_of        date
--   $9 weekend_days integer[]
WITH people AS (
    SELECT employee.employee_id
    FROM reporting.employee_facts AS employee
    WHERE ($2::text[]   IS NULL OR employee.department     = ANY ($2))
      AND ($3::bigint[] IS NULL OR employee.designation_id = ANY ($3))
      AND ($7::bigint[] IS NULL OR employee.employee_id    = ANY ($7))
),
leaves AS (
    SELECT leave.employee_id, leave.status, leave.leave_days
    FROM reporting.leave_facts AS leave
    WHERE ($1::bigint[] IS NULL OR leave.fiscal_year_id = ANY ($1))
      AND ($2::text[]   IS NULL OR leave.department     = ANY ($2))
      AND ($3::bigint[] IS NULL OR leave.designation_id = ANY ($3))
      AND ($4::bigint[] IS NULL OR leave.leave_type_id  = ANY ($4))
      AND ($5::date     IS NULL OR leave.end_date      >= $5)
      AND ($6::date     IS NULL OR leave.start_date    <= $6)
      AND ($7::bigint[] IS NULL OR leave.employee_id    = ANY ($7))
),
totals AS (
    SELECT
        coalesce(sum(leave_days) FILTER (WHERE status = 'APPROVED'), 0) AS leave_days,
        count(DISTINCT employee_id) FILTER (WHERE status = 'APPROVED')  AS employees,
        count(*) FILTER (WHERE status = 'REQUESTED')                    AS pending,
        count(*) FILTER (WHERE status = 'APPROVED')                     AS approved,
        count(*) FILTER (WHERE status = 'REJECTED')                     AS rejected
    FROM leaves
),
on_leave_today AS (
    SELECT count(DISTINCT leave.employee_id) AS employees
    FROM reporting.leave_facts AS leave
    WHERE leave.status = 'APPROVED'
      AND leave.start_date <= $8::date
      AND leave.end_date >= $8
      AND extract(isodow FROM $8)::integer <> ALL ($9::integer[])
      AND ($2::text[]   IS NULL OR leave.department     = ANY ($2))
      AND ($3::bigint[] IS NULL OR leave.designation_id = ANY ($3))
      AND ($4::bigint[] IS NULL OR leave.leave_type_id  = ANY ($4))
      AND ($7::bigint[] IS NULL OR leave.employee_id    = ANY ($7))
)
SELECT
    totals.leave_days::double precision                             AS total_leave_days,
    totals.employees                                                AS employees_who_took_leave,
    headcount.employees                                             AS headcount,
    (totals.leave_days / nullif(headcount.employees, 0))::double precision
                                                                    AS leave_days_per_head,
    on_leave_today.employees                                        AS employees_on_leave_today,
    totals.pending                                                  AS pending_requests,
    -- Of the requests an issuer decided; NULL while nothing was decided.
    (totals.approved::numeric / nullif(totals.approved + totals.rejected, 0))::double precision
                                                                    AS approval_rate
FROM totals
CROSS JOIN on_leave_today
CROSS JOIN (SELECT count(*) AS employees FROM people) AS headcount
