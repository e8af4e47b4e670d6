-- Late applications and reassignments per department from the leaves again (as in 0009).
CREATE OR REPLACE FUNCTION reporting.leave_flags_by_department(
    fiscal_year bigint[], department text[], designation bigint[], leave_type bigint[],
    status text[], date_from date, date_to date, employee bigint[]
)
RETURNS TABLE (
    department text, is_total boolean, leaves bigint, late_leaves bigint,
    reassigned_leaves bigint
)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT
        leave.department,
        grouping(leave.department) = 1,
        count(*),
        count(*) FILTER (WHERE leave.applied_late),
        count(*) FILTER (WHERE leave.issuer_reassigned)
    FROM reporting.filtered_leave_facts($1, $2, $3, $4, $5, $6, $7, $8) AS leave
    GROUP BY GROUPING SETS ((leave.department), ())
$$;

-- The refresh as it was before the KPI totals (0010's).
-- Brings reporting.leave_balances up to date; a run calls it after its MERGE, in the same
-- transaction, so readers see the new balances exactly when they see the new leaves (and the
-- previous ones meanwhile: rows are replaced, never truncated).
-- Only the employees in raw.balances_to_refresh are recomputed: a NULL there (a leave type or
-- fiscal year changed), `everyone` (a restore) or an empty table recomputes everybody.
CREATE OR REPLACE PROCEDURE reporting.refresh_reporting(everyone boolean DEFAULT false)
LANGUAGE plpgsql AS $$
DECLARE
    employee_ids bigint[];
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
END
$$;

DROP FUNCTION reporting.filtered_leave_days_by_weekday(
    bigint[], text[], bigint[], bigint[], text[], date, date, bigint[], integer[]
);
DROP FUNCTION reporting.filtered_leave_days_by_month(
    bigint[], text[], bigint[], bigint[], text[], date, date, bigint[], integer[]
);
DROP FUNCTION reporting.filtered_leave_totals(
    bigint[], text[], bigint[], bigint[], text[], date, date, bigint[]
);
DROP FUNCTION reporting.fiscal_year_signatures();
DROP TABLE reporting.precomputed_fiscal_years;
DROP TABLE reporting.leave_days_by_weekday;
DROP TABLE reporting.leave_days_by_month;
DROP TABLE reporting.leave_totals;
DROP FUNCTION reporting.precomputed_weekend_days();
