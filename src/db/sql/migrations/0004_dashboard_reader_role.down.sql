-- The role itself stays: it is shared by every database of the cluster.
ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON ROUTINES TO PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA dbo, reporting REVOKE SELECT ON TABLES FROM leave_reader;
REVOKE SELECT ON ALL TABLES IN SCHEMA dbo, reporting FROM leave_reader;
REVOKE USAGE ON SCHEMA dbo, reporting FROM leave_reader;
