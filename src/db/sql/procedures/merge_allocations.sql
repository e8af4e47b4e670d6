CREATE OR REPLACE PROCEDURE dbo.merge_allocations()
LANGUAGE plpgsql AS $$
BEGIN
    MERGE INTO dbo.allocations AS target
    USING (
        SELECT DISTINCT ON (allocation_id)
            allocation_id AS id, allocation_name AS name, allocation_type AS type
        FROM raw.employee_allocation_pairs
        ORDER BY allocation_id
    ) AS source
    ON target.id = source.id
    WHEN MATCHED AND (target.name, target.type) IS DISTINCT FROM (source.name, source.type) THEN
        UPDATE SET name = source.name, type = source.type
    WHEN NOT MATCHED THEN
        INSERT (id, name, type) VALUES (source.id, source.name, source.type);
END
$$;
