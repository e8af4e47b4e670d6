-- Every team manager the snapshot names (dbo.stage_snapshot found a record naming each).
CREATE OR REPLACE PROCEDURE dbo.merge_team_managers()
LANGUAGE plpgsql AS $$
BEGIN
    MERGE INTO dbo.team_managers AS target
    USING (
        SELECT team_manager_id AS id
        FROM raw.leave_snapshot
        WHERE ordinal IN (
            SELECT ordinal FROM raw.latest_entity_records WHERE entity = 'team manager'
        )
    ) AS source
    ON target.id = source.id
    WHEN NOT MATCHED THEN
        INSERT (id) VALUES (source.id);
END
$$;
