-- Per leave issuer: the requests they decided (APPROVED or REJECTED), the approval and
-- rejection rates, and how long a decision took (updatedAt - createdAt, in hours; median and
-- 90th percentile). A request is decided by whoever holds it now: its current issuer, else
-- the original one.
-- Parameters (NULL = no filter):
--   $1 fiscal_year  bigint[]
--   $2 department   text[]
--   $3 designation  bigint[]
--   $4 leave_type   bigint[]
--   $5 date_from    date
--   $6 date_to      date
--   $7 employee     bigint[]
WITH decided AS (
    SELECT
        coalesce(leave.current_leave_issuer_id, leave.leave_issuer_id)  AS leave_issuer_id,
        leave.status,
        (extract(epoch FROM leave.updated_at - leave.created_at) / 3600)::double precision
            AS latency_hours
    FROM reporting.filtered_leave_facts(
        $1::bigint[], $2::text[], $3::bigint[], $4::bigint[], '{APPROVED,REJECTED}',
        $5::date, $6::date, $7::bigint[]
    ) AS leave
),
per_issuer AS (
    SELECT
        leave_issuer_id,
        count(*)                                                   AS decided,
        count(*) FILTER (WHERE status = 'APPROVED')                AS approved,
        count(*) FILTER (WHERE status = 'REJECTED')                AS rejected,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_hours) AS median_latency_hours,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY latency_hours) AS p90_latency_hours
    FROM decided
    GROUP BY leave_issuer_id
)
SELECT
    per_issuer.leave_issuer_id,
    -- An issuer known only by e-mail has no name yet.
    nullif(concat_ws(' ', issuer.first_name, issuer.middle_name, issuer.last_name), '')
                                                                          AS leave_issuer_name,
    issuer.email                                                          AS leave_issuer_email,
    per_issuer.decided,
    per_issuer.approved,
    per_issuer.rejected,
    (per_issuer.approved::numeric / per_issuer.decided)::double precision AS approval_rate,
    (per_issuer.rejected::numeric / per_issuer.decided)::double precision AS rejection_rate,
    per_issuer.median_latency_hours,
    per_issuer.p90_latency_hours
FROM per_issuer
LEFT JOIN dbo.leave_issuers AS issuer ON issuer.id = per_issuer.leave_issuer_id
ORDER BY per_issuer.decided DESC, per_issuer.leave_issuer_id
