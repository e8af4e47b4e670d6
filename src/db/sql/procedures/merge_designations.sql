CREATE OR REPLACE PROCEDURE dbo.merge_designations()
LANGUAGE plpgsql AS $$
BEGIN
    MERGE INTO dbo.designations AS target
    USING (
        SELECT designation_id AS id, designation_name AS name
        FROM raw.leave_snapshot
        WHERE ordinal IN (
            SELECT ordinal FROM raw.latest_entity_records WHERE entity = 'designation'
        )
    ) AS source
    ON target.id = source.id
    WHEN MATCHED AND target.name IS DISTINCT FROM coalesce(source.name, target.name) THEN
        UPDATE SET name = source.name
    WHEN NOT MATCHED THEN
        INSERT (id, name) VALUES (source.id, coalesce(source.name, 'Designation ' || source.id));
END
$$;
