-- Performance (issue 7): which staged record is the latest of each employee, designation,
-- issuer (by the leaves they issued, and by those they hold now), leave type and fiscal year,
-- the records the dimension merges take those entities' attributes from. Found by
-- dbo.stage_snapshot in one pass over the snapshot for all of them, where each merge scanned
-- the whole snapshot twice for its own.
CREATE UNLOGGED TABLE raw.latest_entity_records (
    entity  text   NOT NULL,
    ordinal bigint NOT NULL
);
