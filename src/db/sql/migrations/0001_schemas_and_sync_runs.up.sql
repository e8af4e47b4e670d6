-- raw: the snapshot as received; dbo: the normalized copy; ops: the service's own records;
-- reporting: what the API and the dashboard read.
CREATE SCHEMA raw;
CREATE SCHEMA dbo;
CREATE SCHEMA ops;
CREATE SCHEMA reporting;

CREATE TABLE ops.sync_runs (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trigger         text        NOT NULL CHECK (trigger IN ('poller', 'manual', 'upload')),
    status          text        NOT NULL DEFAULT 'running'
                                CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    window_start    date,
    window_end      date,
    fetched         integer     NOT NULL DEFAULT 0 CHECK (fetched >= 0),
    inserted        integer     NOT NULL DEFAULT 0 CHECK (inserted >= 0),
    updated         integer     NOT NULL DEFAULT 0 CHECK (updated >= 0),
    unchanged       integer     NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
    deleted         integer     NOT NULL DEFAULT 0 CHECK (deleted >= 0),
    rejected        integer     NOT NULL DEFAULT 0 CHECK (rejected >= 0),
    snapshot_sha256 text,
    error           text,
    CONSTRAINT sync_runs_finished_unless_running CHECK ((status = 'running') = (finished_at IS NULL))
);

CREATE INDEX sync_runs_started_at_idx ON ops.sync_runs (started_at DESC);
CREATE INDEX sync_runs_succeeded_idx ON ops.sync_runs (finished_at DESC) WHERE status = 'succeeded';
