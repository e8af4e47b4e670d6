CREATE OR REPLACE PROCEDURE dbo.merge_team_managers()
LANGUAGE plpgsql AS $$
BEGIN
    MERGE INTO dbo.team_managers AS target
    USING (
        SELECT DISTINCT team_manager_id AS id
        FROM raw.leave_snapshot
        WHERE team_manager_id IS NOT NULL
    ) AS source
    ON target.id = source.id
    WHEN NOT MATCHED THEN
        INSERT (id) VALUES (source.id);
END
$$;
