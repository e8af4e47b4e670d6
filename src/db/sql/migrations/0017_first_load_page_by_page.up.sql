-- Performance (issue 7): a sync's first load into an empty dbo.employee_leaves inserts each
-- page's leaves as soon as the page is in raw, while the service reads the next page, instead
-- of all of them after the last page (~0.45 s of a 161,450-record first load, during which the
-- service waited). The table's secondary indexes and foreign keys are dropped when the load
-- begins and made again, from the definitions kept here, once every page is in: the run's
-- transaction holds them meanwhile, so the table ends exactly as its migrations made it.
CREATE UNLOGGED TABLE raw.deferred_leave_definitions (
    position   integer NOT NULL PRIMARY KEY,
    definition text    NOT NULL
);

-- Each page's leaves are read from raw by their ordinals.
CREATE INDEX imported_leave_information_ordinal_idx
    ON raw.imported_leave_information (ordinal);

-- Replaced by dbo.remember_fingerprints(text, boolean): a first load by pages remembers the
-- fingerprints as it goes.
DROP PROCEDURE IF EXISTS dbo.remember_fingerprints(text);
