-- Leave days per calendar month and status. A leave's days are spread over its working days,
-- so a leave across a month's end counts in both months. Status defaults to APPROVED; other
-- statuses show only when asked for. A date range keeps the days inside it. Months without
-- leave days have no row.
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
SELECT
    leave_days.month,
    leave_days.status,
    sum(leave_days.leave_days)::double precision AS leave_days
FROM reporting.filtered_leave_days_by_month(
    $1::bigint[], $2::text[], $3::bigint[], $4::bigint[], coalesce($5::text[], '{APPROVED}'),
    $6::date, $7::date, $8::bigint[], $9::integer[]
) AS leave_days
GROUP BY leave_days.month, leave_days.status
ORDER BY leave_days.month, leave_days.status
