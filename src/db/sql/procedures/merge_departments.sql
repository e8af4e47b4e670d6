CREATE OR REPLACE PROCEDURE dbo.merge_departments()
LANGUAGE plpgsql AS $$
BEGIN
    MERGE INTO dbo.departments AS target
    USING (
        SELECT DISTINCT department_description AS name
        FROM raw.leave_snapshot
        WHERE department_description IS NOT NULL
    ) AS source
    ON target.name = source.name
    WHEN NOT MATCHED THEN
        INSERT (name) VALUES (source.name);
END
$$;
