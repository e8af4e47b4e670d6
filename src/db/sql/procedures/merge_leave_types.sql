CREATE OR REPLACE PROCEDURE dbo.merge_leave_types()
LANGUAGE plpgsql AS $$
DECLARE
    written bigint;
BEGIN
    MERGE INTO dbo.leave_types AS target
    USING (
        SELECT
            leave_type_id AS id,
            coalesce(leave_type_name, 'Leave type ' || leave_type_id) AS name,
            coalesce(default_days, 0) AS default_days,
            coalesce(transferable_days, 0) AS transferable_days
        FROM raw.leave_snapshot
        WHERE ordinal IN (
            SELECT ordinal FROM raw.latest_entity_records WHERE entity = 'leave type'
        )
    ) AS source
    ON target.id = source.id
    WHEN MATCHED AND (target.name, target.default_days, target.transferable_days)
        IS DISTINCT FROM (source.name, source.default_days, source.transferable_days) THEN
        UPDATE SET
            name = source.name,
            default_days = source.default_days,
            transferable_days = source.transferable_days
    WHEN NOT MATCHED THEN
        INSERT (id, name, default_days, transferable_days)
        VALUES (source.id, source.name, source.default_days, source.transferable_days);

    -- Every employee's balance chain runs through every leave type and fiscal year.
    GET DIAGNOSTICS written = ROW_COUNT;
    IF written > 0 THEN
        INSERT INTO raw.balances_to_refresh (employee_id) VALUES (NULL);
    END IF;
END
$$;
