-- Brings the precomputed reporting tables up to date; a run calls it after its MERGE, in the
-- same transaction, so readers see the new figures exactly when they see the new leaves (and
-- the previous ones meanwhile: rows are replaced, never truncated). `everyone` (a restore)
-- recomputes all of them.
-- reporting.leave_balances: only the employees in raw.balances_to_refresh are recomputed; a
-- NULL there (a leave type or fiscal year changed) or an empty table recomputes everybody.
-- The KPI totals (migration 0012): only the fiscal years whose leaves differ from what their
-- totals were computed from (reporting.precomputed_fiscal_years) are recomputed, first: the
-- balances read from them what was used and is pending (migration 0014).
CREATE OR REPLACE PROCEDURE reporting.refresh_reporting(everyone boolean DEFAULT false)
LANGUAGE plpgsql
-- A poller calls this on the same pooled connections run after run. From the sixth call on,
-- PL/pgSQL would keep generic plans, in which the employees and fiscal years to refresh are
-- unknown: the refresh of a 1 %-changed sync went from ~0.5 to ~0.7 s. Planned for each call's
-- own arrays, it stays at ~0.5 s.
SET plan_cache_mode = force_custom_plan
-- Its ANALYZEs (here and in refresh_totals_of) read a sample of 3,000 rows, as stage_snapshot's
-- and merge_snapshot's do: the KPIs' plans need sizes and numbers of distinct keys, and the
-- usual sample of 30,000 cost ~0.16 s of a first load (0.19 -> 0.03 s). Autovacuum's ANALYZE,
-- from the usual sample, follows within minutes.
SET default_statistics_target = 10
AS $$
DECLARE
    employee_ids bigint[];
    changed_years bigint[];
    merge_join_setting text := current_setting('enable_mergejoin');
BEGIN
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
    IF changed_years IS NOT NULL THEN
        CALL reporting.refresh_totals_of(changed_years);
    END IF;

    -- Each fiscal year of the balances' carry-over chain joins the year before it. Merge-joined,
    -- every step sorts the whole grid of employees, leave types and years again; hash-joined,
    -- the grid is hashed once (everyone's balances alone: 385 -> 262 ms; the refresh of a
    -- first load, with its inserts: ~0.61 -> ~0.57 s). For these statements only.
    PERFORM set_config('enable_mergejoin', 'off', true);
    IF everyone
        OR EXISTS (SELECT 1 FROM raw.balances_to_refresh WHERE employee_id IS NULL)
        OR NOT EXISTS (SELECT 1 FROM reporting.leave_balances)
    THEN
        DELETE FROM reporting.leave_balances;
        INSERT INTO reporting.leave_balances SELECT * FROM reporting.leave_balances_of(NULL);
        -- The next queries are planned for the new contents, not for what autovacuum last saw.
        -- They filter on the keys; the figures' statistics would triple what this costs
        -- (see refresh_totals_of).
        ANALYZE reporting.leave_balances (employee_id, fiscal_year_id, leave_type_id);
    ELSE
        SELECT array_agg(DISTINCT employee_id) INTO employee_ids FROM raw.balances_to_refresh;
        IF employee_ids IS NOT NULL THEN
            -- Only the rows that differ are written. A changed leave moves its leave type's
            -- balance in its fiscal year and the years that carry over from it, while its
            -- employee has ~45 balances: deleting and inserting all of them again cost ~0.2 s
            -- of a 1 %-changed sync (~1,000 employees). A balance no longer computed (the
            -- employee's first fiscal year is a later one now) is deleted.
            MERGE INTO reporting.leave_balances AS known
            USING (
                SELECT *
                FROM (
                    SELECT *, true AS computed FROM reporting.leave_balances_of(employee_ids)
                ) AS fresh
                FULL JOIN (
                    SELECT employee_id, fiscal_year_id, leave_type_id
                    FROM reporting.leave_balances
                    WHERE employee_id = ANY (employee_ids)
                ) AS before USING (employee_id, fiscal_year_id, leave_type_id)
            ) AS balance
            ON known.employee_id = balance.employee_id
               AND known.fiscal_year_id = balance.fiscal_year_id
               AND known.leave_type_id = balance.leave_type_id
            WHEN MATCHED AND balance.computed IS NULL THEN
                DELETE
            WHEN MATCHED AND (
                known.default_days, known.carried_over, known.allotted, known.used,
                known.pending, known.remaining
            ) IS DISTINCT FROM (
                balance.default_days, balance.carried_over, balance.allotted, balance.used,
                balance.pending, balance.remaining
            ) THEN
                UPDATE SET
                    default_days = balance.default_days,
                    carried_over = balance.carried_over,
                    allotted = balance.allotted,
                    used = balance.used,
                    pending = balance.pending,
                    remaining = balance.remaining
            WHEN NOT MATCHED THEN
                INSERT (employee_id, leave_type_id, fiscal_year_id, default_days, carried_over,
                        allotted, used, pending, remaining)
                VALUES (balance.employee_id, balance.leave_type_id, balance.fiscal_year_id,
                        balance.default_days, balance.carried_over, balance.allotted,
                        balance.used, balance.pending, balance.remaining);
        END IF;
    END IF;
    PERFORM set_config('enable_mergejoin', merge_join_setting, true);
    TRUNCATE raw.balances_to_refresh;
END
$$;
