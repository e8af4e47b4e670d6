-- Held until the run's transaction ends, however it ends: a killed process cannot leave it behind.
SELECT pg_try_advisory_xact_lock($1)
