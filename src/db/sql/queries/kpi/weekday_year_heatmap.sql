-- Leave days per calendar year and ISO weekday (1 = Monday), and each weekday's share of its
-- year's leave days (a year's shares add up to 1). A leave's days are spread over its working
-- days, so weekend days never appear; a date range keeps the days inside it. Status defaults
-- to APPROVED. Empty cells have no row.
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
WITH cells AS (
    SELECT leave_days.year, leave_days.weekday, sum(leave_days.leave_days) AS leave_days
    FROM reporting.filtered_leave_days_by_weekday(
        $1::bigint[], $2::text[], $3::bigint[], $4::bigint[], coalesce($5::text[], '{APPROVED}'),
        $6::date, $7::date, $8::bigint[], $9::integer[]
    ) AS leave_days
    GROUP BY leave_days.year, leave_days.weekday
)
SELECT
    year,
    weekday,
    leave_days::double precision AS leave_days,
    (leave_days / nullif(sum(leave_days) OVER (PARTITION BY year), 0))::double precision
                                 AS share_of_year
FROM cells
ORDER BY year, weekday
