CREATE OR REPLACE PROCEDURE dbo.merge_fiscal_years()
LANGUAGE plpgsql AS $$
DECLARE
    written bigint;
BEGIN
    MERGE INTO dbo.fiscal_years AS target
    USING (
        SELECT
            fiscal_year_id AS id,
            fiscal_start_date AS start_date,
            fiscal_end_date AS end_date,
            coalesce(fiscal_is_current, false) AS is_current
        FROM raw.leave_snapshot
        WHERE ordinal IN (
            SELECT ordinal FROM raw.latest_entity_records WHERE entity = 'fiscal year'
        )
    ) AS source
    ON target.id = source.id
    WHEN MATCHED AND (target.start_date, target.end_date, target.is_current)
        IS DISTINCT FROM (source.start_date, source.end_date, source.is_current) THEN
        UPDATE SET
            start_date = source.start_date,
            end_date = source.end_date,
            is_current = source.is_current
    WHEN NOT MATCHED THEN
        INSERT (id, start_date, end_date, is_current)
        VALUES (source.id, source.start_date, source.end_date, source.is_current);

    -- Every employee's balance chain runs through every leave type and fiscal year.
    GET DIAGNOSTICS written = ROW_COUNT;
    IF written > 0 THEN
        INSERT INTO raw.balances_to_refresh (employee_id) VALUES (NULL);
    END IF;
END
$$;
