-- Leave days per calendar year and month, and each month's share of its year's leave days
-- (a year's shares add up to 1). A leave's days are spread over its working days; a date range
-- keeps the days inside it. Status defaults to APPROVED. Empty cells have no row.
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
    SELECT
        extract(year FROM leave_days.month)::integer  AS year,
        extract(month FROM leave_days.month)::integer AS month,
        sum(leave_days.leave_days)                    AS leave_days
    FROM reporting.filtered_leave_days_by_month(
        $1::bigint[], $2::text[], $3::bigint[], $4::bigint[], coalesce($5::text[], '{APPROVED}'),
        $6::date, $7::date, $8::bigint[], $9::integer[]
    ) AS leave_days
    GROUP BY 1, 2
)
SELECT
    year,
    month,
    leave_days::double precision AS leave_days,
    (leave_days / nullif(sum(leave_days) OVER (PARTITION BY year), 0))::double precision
                                 AS share_of_year
FROM cells
ORDER BY year, month
