-- A restore replaces what syncs had merged: on record as a finished run of its own.
INSERT INTO ops.sync_runs (trigger, kind, status, finished_at, inserted)
VALUES ('restore', 'restore', 'succeeded', clock_timestamp(), $1)
RETURNING id
