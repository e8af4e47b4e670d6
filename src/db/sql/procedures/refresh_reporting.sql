-- Brings the precomputed reporting tables up to date; a run calls it after its MERGE, in the
-- same transaction, so readers see the new figures exactly when they see the new leaves (and
-- the previous ones meanwhile: rows are replaced, never truncated). `everyone` (a restore)
-- recomputes all of them.
-- reporting.leave_balances: only the employees in raw.balances_to_refresh are recomputed; a
-- NULL there (a leave type or fiscal year changed) or an empty table recomputes everybody.
-- The KPI totals (migration 0012): only the fiscal years whose leaves differ from what their
-- totals were computed from (reporting.precomputed_fiscal_years) are recomputed.
CREATE OR REPLACE PROCEDURE reporting.refresh_reporting(everyone boolean DEFAULT false)
LANGUAGE plpgsql AS $$
DECLARE
    employee_ids bigint[];
    changed_years bigint[];
BEGIN
    IF everyone
        OR EXISTS (SELECT 1 FROM raw.balances_to_refresh WHERE employee_id IS NULL)
        OR NOT EXISTS (SELECT 1 FROM reporting.leave_balances)
    THEN
        DELETE FROM reporting.leave_balances;
        INSERT INTO reporting.leave_balances SELECT * FROM reporting.leave_balances_of(NULL);
        -- The next queries are planned for the new contents, not for what autovacuum last saw.
        ANALYZE reporting.leave_balances;
    ELSE
        SELECT array_agg(DISTINCT employee_id) INTO employee_ids FROM raw.balances_to_refresh;
        IF employee_ids IS NOT NULL THEN
            DELETE FROM reporting.leave_balances WHERE employee_id = ANY (employee_ids);
            INSERT INTO reporting.leave_balances
            SELECT * FROM reporting.leave_balances_of(employee_ids);
        END IF;
    END IF;
    TRUNCATE raw.balances_to_refresh;

    WITH computed AS MATERIALIZED (
        SELECT * FROM reporting.fiscal_year_signatures()
    ),
    changed AS (
        SELECT coalesce(computed.fiscal_year_id, known.fiscal_year_id) AS fiscal_year_id,
               computed.leaves, computed.signature
        FROM computed
        FULL JOIN reporting.precomputed_fiscal_years AS known
            ON known.fiscal_year_id = computed.fiscal_year_id
        WHERE everyone
           OR (computed.leaves, computed.signature) IS DISTINCT FROM (known.leaves, known.signature)
    ),
    remembered AS (
        INSERT INTO reporting.precomputed_fiscal_years (fiscal_year_id, leaves, signature)
        SELECT fiscal_year_id, leaves, signature FROM changed WHERE leaves IS NOT NULL
        ON CONFLICT (fiscal_year_id) DO UPDATE
        SET leaves = excluded.leaves, signature = excluded.signature
    ),
    forgotten AS (
        DELETE FROM reporting.precomputed_fiscal_years AS known
        USING changed
        WHERE known.fiscal_year_id = changed.fiscal_year_id AND changed.leaves IS NULL
    )
    SELECT array_agg(fiscal_year_id) INTO changed_years FROM changed;
    IF changed_years IS NULL THEN
        RETURN;
    END IF;

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
    WITH working_days AS MATERIALIZED (
        SELECT leave.fiscal_year_id, leave.department, leave.designation_id,
               leave.leave_type_id, leave.status,
               date_trunc('month', working_day.day::timestamp)::date AS month,
               extract(isodow FROM working_day.day)::integer AS weekday,
               sum(working_day.leave_days) AS leave_days
        FROM reporting.leave_facts AS leave
        CROSS JOIN LATERAL reporting.working_days_of(
            leave.start_date, leave.end_date, leave.leave_days,
            reporting.precomputed_weekend_days()
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

    IF NOT EXISTS (
        SELECT 1 FROM reporting.precomputed_fiscal_years
        WHERE fiscal_year_id <> ALL (changed_years)
    ) THEN
        -- All of it is new: plan the KPIs for the new contents.
        ANALYZE reporting.leave_totals, reporting.leave_days_by_month,
            reporting.leave_days_by_weekday;
    END IF;
END
$$;
