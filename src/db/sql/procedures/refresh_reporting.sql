-- Brings the materialized reporting objects up to date; the sync calls it after the MERGE, in
-- the same transaction, so readers see the new balances exactly when they see the new leaves.
-- CONCURRENTLY: readers keep reading the previous contents meanwhile instead of waiting.
-- ANALYZE: the next queries are planned for the new contents, not for what autovacuum last saw
-- (right after the first sync that would be an empty view).
CREATE OR REPLACE PROCEDURE reporting.refresh_reporting()
LANGUAGE plpgsql AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY reporting.leave_balances;
    ANALYZE reporting.leave_balances;
END
$$;
