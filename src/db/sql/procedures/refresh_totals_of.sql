-- The KPI totals of migration 0012 (reporting.leave_totals, leave_days_by_month,
-- leave_days_by_weekday) computed again for the fiscal years given; reporting.refresh_reporting
-- decides which.
CREATE OR REPLACE PROCEDURE reporting.refresh_totals_of(changed_years bigint[])
LANGUAGE plpgsql AS $$
DECLARE
    sort_setting text := current_setting('enable_sort');
BEGIN
    -- The aggregates below fit in memory (~50 MB for five years of 160,000 leaves) instead of
    -- spilling to disk; until the end of the run's transaction only.
    PERFORM set_config('work_mem', '64MB', true);
    DELETE FROM reporting.leave_totals WHERE fiscal_year_id = ANY (changed_years);
    DELETE FROM reporting.leave_days_by_month WHERE fiscal_year_id = ANY (changed_years);
    DELETE FROM reporting.leave_days_by_weekday WHERE fiscal_year_id = ANY (changed_years);
    INSERT INTO reporting.leave_totals
    SELECT leave.fiscal_year_id, leave.employee_id, leave.leave_type_id, leave.status, count(*),
           sum(leave.leave_days), count(*) FILTER (WHERE leave.applied_late),
           count(*) FILTER (WHERE leave.issuer_reassigned)
    FROM reporting.leave_facts AS leave
    WHERE leave.fiscal_year_id = ANY (changed_years)
    GROUP BY leave.fiscal_year_id, leave.employee_id, leave.leave_type_id, leave.status;
    -- One pass over the working days for both tables, summed per month and weekday first.
    -- The planner cannot see how many working days a leave has and guesses ~1,000, so it would
    -- sort the ~100,000 sums twice to aggregate them again; hashing them is ~0.25 s faster on a
    -- first load. For this statement only.
    PERFORM set_config('enable_sort', 'off', true);
    WITH working_days AS MATERIALIZED (
        SELECT leave.fiscal_year_id, leave.department, leave.designation_id,
               leave.leave_type_id, leave.status, working_day.month, working_day.weekday,
               sum(working_day.leave_days) AS leave_days
        FROM reporting.leave_facts AS leave
        -- The planner memoizes a leave's working days by its dates and days (one leave in
        -- seventeen is computed, the others repeat one). OFFSET 0 keeps each day's month and
        -- weekday inside what is memoized rather than computed again for every leave
        -- (~50 ms of a first load).
        CROSS JOIN LATERAL (
            SELECT date_trunc('month', day::timestamp)::date AS month,
                   extract(isodow FROM day)::integer AS weekday, leave_days
            FROM reporting.working_days_of(
                leave.start_date, leave.end_date, leave.leave_days,
                reporting.precomputed_weekend_days()
            )
            OFFSET 0
        ) AS working_day
        WHERE leave.fiscal_year_id = ANY (changed_years)
        GROUP BY leave.fiscal_year_id, leave.department, leave.designation_id,
                 leave.leave_type_id, leave.status, month, weekday
    ),
    by_month AS (
        INSERT INTO reporting.leave_days_by_month
        SELECT fiscal_year_id, department, designation_id, leave_type_id, status, month,
               sum(leave_days)
        FROM working_days
        GROUP BY fiscal_year_id, department, designation_id, leave_type_id, status, month
    )
    INSERT INTO reporting.leave_days_by_weekday
    SELECT fiscal_year_id, department, designation_id, leave_type_id, status,
           extract(year FROM month)::integer AS year, weekday, sum(leave_days)
    FROM working_days
    GROUP BY fiscal_year_id, department, designation_id, leave_type_id, status, year, weekday;
    PERFORM set_config('enable_sort', sort_setting, true);

    IF NOT EXISTS (
        SELECT 1 FROM reporting.precomputed_fiscal_years
        WHERE fiscal_year_id <> ALL (changed_years)
    ) THEN
        -- All of it is new: plan the KPIs for the new contents, from a sample (see
        -- refresh_reporting). They filter and group on the keys and only sum the figures,
        -- whose statistics would only add to the cost (autovacuum analyzes every column later:
        -- an ANALYZE of some columns leaves the tables' counts of changes as they were).
        ANALYZE reporting.leave_totals (fiscal_year_id, employee_id, leave_type_id, status),
            reporting.leave_days_by_month (
                fiscal_year_id, department, designation_id, leave_type_id, status, month
            ),
            reporting.leave_days_by_weekday (
                fiscal_year_id, department, designation_id, leave_type_id, status, year, weekday
            );
    END IF;
END
$$;
