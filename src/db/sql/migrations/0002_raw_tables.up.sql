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

-- The snapshot typed and de-duplicated: when an id arrives twice, the last one wins.
CREATE VIEW raw.leave_snapshot AS
SELECT DISTINCT ON (id::bigint)
    id::bigint                      AS id,
    user_id::bigint                 AS employee_id,
    emp_id,
    team_manager_id::bigint         AS team_manager_id,
    designation_id::bigint          AS designation_id,
    designation_name,
    first_name,
    middle_name,
    last_name,
    email,
    is_hr::boolean                  AS is_hr,
    is_supervisor::boolean          AS is_supervisor,
    allocations,
    leave_issuer_id::bigint         AS leave_issuer_id,
    current_leave_issuer_id::bigint AS current_leave_issuer_id,
    leave_issuer_first_name,
    leave_issuer_middle_name,
    leave_issuer_last_name,
    current_leave_issuer_email,
    department_description,
    start_date::date                AS start_date,
    end_date::date                  AS end_date,
    leave_days::numeric             AS leave_days,
    reason,
    status,
    remarks,
    leave_type_id::bigint           AS leave_type_id,
    leave_type_name,
    default_days::numeric           AS default_days,
    transferable_days::numeric      AS transferable_days,
    is_consecutive::boolean         AS is_consecutive,
    fiscal_id::bigint               AS fiscal_year_id,
    fiscal_start_date::date         AS fiscal_start_date,
    fiscal_end_date::date           AS fiscal_end_date,
    fiscal_is_current::boolean      AS fiscal_is_current,
    created_at::timestamptz         AS created_at,
    updated_at::timestamptz         AS updated_at,
    is_converted::boolean           AS is_converted,
    ordinal
FROM raw.imported_leave_information
ORDER BY id::bigint, ordinal DESC;

-- An employee's attributes as of their last record in the snapshot.
CREATE VIEW raw.latest_employee_records AS
SELECT DISTINCT ON (employee_id) *
FROM raw.leave_snapshot
ORDER BY employee_id, ordinal DESC;

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
