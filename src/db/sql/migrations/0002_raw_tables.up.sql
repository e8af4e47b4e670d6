-- Unlogged: the raw table only lives inside a sync's transaction, so crash safety buys nothing
-- and WAL would double the cost of every COPY.
CREATE UNLOGGED TABLE raw.imported_leave_information (
    sync_run_id              bigint NOT NULL,
    ordinal                  bigint NOT NULL,
    id                       text,
    user_id                  text,
    emp_id                   text,
    team_manager_id          text,
    designation_id           text,
    designation_name         text,
    first_name               text,
    middle_name              text,
    last_name                text,
    email                    text,
    is_hr                    text,
    is_supervisor            text,
    allocations              jsonb,
    leave_issuer_id          text,
    current_leave_issuer_id  text,
    leave_issuer_first_name  text,
    leave_issuer_middle_name text,
    leave_issuer_last_name   text,
    current_leave_issuer_email text,
    department_description   text,
    start_date               text,
    end_date                 text,
    leave_days               text,
    reason                   text,
    status                   text,
    remarks                  text,
    leave_type_id            text,
    leave_type_name          text,
    default_days             text,
    transferable_days        text,
    is_consecutive           text,
    fiscal_id                text,
    fiscal_start_date        text,
    fiscal_end_date          text,
    fiscal_is_current        text,
    created_at               text,
    updated_at               text,
    is_converted             text,
    payload                  jsonb NOT NULL
);

CREATE TABLE raw.rejected_leaves (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sync_run_id bigint      NOT NULL REFERENCES ops.sync_runs (id) ON DELETE CASCADE,
    payload     jsonb       NOT NULL,
    reason      text        NOT NULL,
    rejected_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rejected_leaves_sync_run_idx ON raw.rejected_leaves (sync_run_id);

-- The snapshot typed and de-duplicated (when an id arrives twice, the last one wins), staged
-- once per sync by dbo.stage_snapshot() so that every MERGE reads it instead of re-sorting raw.
CREATE UNLOGGED TABLE raw.leave_snapshot (
    id                         bigint PRIMARY KEY,
    employee_id                bigint,
    emp_id                     text,
    team_manager_id            bigint,
    designation_id             bigint,
    designation_name           text,
    first_name                 text,
    middle_name                text,
    last_name                  text,
    email                      text,
    is_hr                      boolean,
    is_supervisor              boolean,
    allocations                jsonb,
    leave_issuer_id            bigint,
    current_leave_issuer_id    bigint,
    leave_issuer_first_name    text,
    leave_issuer_middle_name   text,
    leave_issuer_last_name     text,
    current_leave_issuer_email text,
    department_description     text,
    start_date                 date,
    end_date                   date,
    leave_days                 numeric,
    reason                     text,
    status                     text,
    remarks                    text,
    leave_type_id              bigint,
    leave_type_name            text,
    default_days               numeric,
    transferable_days          numeric,
    is_consecutive             boolean,
    fiscal_year_id             bigint,
    fiscal_start_date          date,
    fiscal_end_date            date,
    fiscal_is_current          boolean,
    created_at                 timestamptz,
    updated_at                 timestamptz,
    is_converted               boolean,
    ordinal                    bigint NOT NULL
);

-- An employee's attributes as of their last record in the snapshot.
CREATE UNLOGGED TABLE raw.latest_employee_records (LIKE raw.leave_snapshot);
ALTER TABLE raw.latest_employee_records ADD PRIMARY KEY (employee_id);

CREATE VIEW raw.employee_allocation_pairs AS
SELECT DISTINCT ON (latest.employee_id, (allocation ->> 'id')::bigint)
    latest.employee_id,
    (allocation ->> 'id')::bigint AS allocation_id,
    allocation ->> 'name'         AS allocation_name,
    allocation ->> 'type'         AS allocation_type
FROM raw.latest_employee_records AS latest
CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(latest.allocations) = 'array' THEN latest.allocations ELSE '[]' END
) AS allocation
WHERE allocation ->> 'id' IS NOT NULL
ORDER BY latest.employee_id, (allocation ->> 'id')::bigint;
