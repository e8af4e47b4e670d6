-- After a first load: each secondary index of dbo.employee_leaves built once, and each foreign
-- key checked once by a join, from the definitions dbo.defer_leave_definitions() kept (taken
-- from the catalog, so the table ends exactly as its migrations made it).
CREATE OR REPLACE PROCEDURE dbo.restore_leave_definitions()
LANGUAGE plpgsql AS $$
DECLARE
    deferred text;
BEGIN
    FOR deferred IN
        SELECT definition FROM raw.deferred_leave_definitions ORDER BY position
    LOOP
        EXECUTE deferred;
    END LOOP;
    TRUNCATE raw.deferred_leave_definitions;
END
$$;
