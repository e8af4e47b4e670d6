-- The dashboard's role: it may read what is published to it and nothing else.
-- Roles belong to the whole cluster, so another database may have created it already.
DO $$
BEGIN
    CREATE ROLE leave_reader LOGIN;
EXCEPTION WHEN duplicate_object THEN
    NULL;
END
$$;

GRANT USAGE ON SCHEMA dbo, reporting TO leave_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA dbo, reporting TO leave_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA dbo, reporting GRANT SELECT ON TABLES TO leave_reader;

-- Procedures change data: nobody but their owner should be able to call them.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON ROUTINES FROM PUBLIC;
