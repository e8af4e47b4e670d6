-- Leave days per calendar month and leave type. A leave's days are spread over its working
-- days, so a leave across a month's end counts in both months. Status defaults to APPROVED;
-- other statuses count only when asked for. A date range keeps the days inside it. Months
-- without leave days have no row.
-- Parameters (NULL = no filter):
--   $1 fiscal_year  bigint[]
--   $2 department   text[]
--   $3 designation  bigint[]
--   $4 leave_type   bigint[]
--   $5 status       text[]    (NULL = APPROVED)
--   $6 date_from    date
--   $7 date_to      date
--   $8 employee     bigint[]
--   $9 weekend_days integer[]
WITH leaves AS (
    SELECT leave.leave_type_id, leave.leave_type, leave.start_date, leave.end_date, leave.leave_days
    FROM reporting.leave_facts AS leave
    WHERE leave.status = ANY (coalesce($5::text[], '{APPROVED}'))
      AND ($1::bigint[] IS NULL OR leave.fiscal_year_id = ANY ($1))
      AND ($2::text[]   IS NULL OR leave.department     = ANY ($2))
      AND ($3::bigint[] IS NULL OR leave.designation_id = ANY ($3))
      AND ($4::bigint[] IS NULL OR leave.leave_type_id  = ANY ($4))
      AND ($6::date     IS NULL OR leave.end_date      >= $6)
      AND ($7::date     IS NULL OR leave.start_date    <= $7)
      AND ($8::bigint[] IS NULL OR leave.employee_id    = ANY ($8))
)
SELECT
    date_trunc('month', working_day.day::timestamp)::date AS month,
    leaves.leave_type_id,
    leaves.leave_type,
    sum(working_day.leave_days)::double precision         AS leave_days
FROM leaves
CROSS JOIN LATERAL reporting.working_days_of(
    leaves.start_date, leaves.end_date, leaves.leave_days, $9::integer[]
) AS working_day
WHERE ($6::date IS NULL OR working_day.day >= $6)
  AND ($7::date IS NULL OR working_day.day <= $7)
GROUP BY month, leaves.leave_type_id, leaves.leave_type
ORDER BY month, leaves.leave_type_id
