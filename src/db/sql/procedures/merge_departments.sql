-- Every department the snapshot names (dbo.stage_snapshot found a record naming each).
CREATE OR REPLACE PROCEDURE dbo.merge_departments()
LANGUAGE plpgsql AS $$
BEGIN
    MERGE INTO dbo.departments AS target
    USING (
        SELECT department_description AS name
        FROM raw.leave_snapshot
        WHERE ordinal IN (
            SELECT ordinal FROM raw.latest_entity_records WHERE entity = 'department'
        )
    ) AS source
    ON target.name = source.name
    WHEN NOT MATCHED THEN
        INSERT (name) VALUES (source.name);
END
$$;
