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
    FROM reporting.filtered_employee_facts($2::text[], $3::bigint[], $7::bigint[]) AS employee
),
leaves AS (
    SELECT leave.employee_id, leave.status, leave.leaves, leave.leave_days
    FROM reporting.filtered_leave_totals(
        $1::bigint[], $2::text[], $3::bigint[], $4::bigint[], NULL,
        $5::date, $6::date, $7::bigint[]
    ) AS leave
),
totals AS (
    SELECT
        coalesce(sum(leave_days) FILTER (WHERE status = 'APPROVED'), 0)         AS leave_days,
        count(DISTINCT employee_id) FILTER (WHERE status = 'APPROVED')          AS employees,
        coalesce(sum(leaves) FILTER (WHERE status = 'REQUESTED'), 0)::bigint    AS pending,
        coalesce(sum(leaves) FILTER (WHERE status = 'APPROVED'), 0)::bigint     AS approved,
        coalesce(sum(leaves) FILTER (WHERE status = 'REJECTED'), 0)::bigint     AS rejected
    FROM leaves
),
on_leave_today AS (
    SELECT count(DISTINCT leave.employee_id) AS employees
    FROM reporting.filtered_leave_facts(
        NULL, $2::text[], $3::bigint[], $4::bigint[], '{APPROVED}', NULL, NULL, $7::bigint[]
    ) AS leave
    WHERE leave.start_date <= $8::date
      AND leave.end_date >= $8
      AND extract(isodow FROM $8)::integer <> ALL ($9::integer[])
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
