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
