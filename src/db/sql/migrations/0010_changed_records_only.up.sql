-- Performance (issue 7): a sync touches only what changed, end to end.
--
-- 1. Fingerprints. raw.leave_fingerprints remembers, per leave id, a hash of the upstream record
--    that dbo last merged. A sync validates, loads and merges only the records whose hash
--    differs. Unlogged: it is a cache of what dbo holds, and losing it in a crash costs one
--    sync that merges everything again (writing nothing that did not change).
-- 2. raw.fetched_leaves holds every valid id a sync fetched (unchanged ones included), so
--    deletion detection still sees the whole fetched window.
-- 3. raw.imported_leave_information.payload keeps what the typed columns cannot: the fields
--    the upstream sent that we do not know (NULL when there are none).
-- 4. reporting.leave_balances becomes a table kept up to date per employee: a poll that changed
--    a few leaves recomputes a few employees' balances instead of everybody's.

-- The whole-snapshot digest that let an unchanged snapshot skip its MERGE; fingerprints per
-- record do that now, and for a snapshot with any change as well.
ALTER TABLE ops.sync_runs DROP COLUMN snapshot_sha256;

ALTER TABLE raw.imported_leave_information
    ADD COLUMN fingerprint bigint,
    ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE raw.leave_snapshot ADD COLUMN fingerprint bigint;
ALTER TABLE raw.latest_employee_records ADD COLUMN fingerprint bigint;

CREATE UNLOGGED TABLE raw.fetched_leaves (
    id      bigint NOT NULL,
    ordinal bigint NOT NULL
);

-- Whose balances the run's MERGE changed (NULL: everybody's, as when a leave type changes);
-- filled by the merge procedures, emptied by reporting.refresh_reporting().
CREATE UNLOGGED TABLE raw.balances_to_refresh (
    employee_id bigint
);

CREATE UNLOGGED TABLE raw.leave_fingerprints (
    id          bigint PRIMARY KEY,
    fingerprint bigint NOT NULL
);

-- The balances of the employees asked for (NULL: everyone); the rules are those of 0006.
CREATE FUNCTION reporting.leave_balances_of(employee_ids bigint[])
RETURNS TABLE (
    employee_id    bigint,
    leave_type_id  bigint,
    fiscal_year_id bigint,
    default_days   numeric,
    carried_over   numeric,
    allotted       numeric,
    used           numeric,
    pending        numeric,
    remaining      numeric
)
LANGUAGE sql STABLE
AS $$
WITH RECURSIVE fiscal_year_sequence AS (
    SELECT id AS fiscal_year_id, row_number() OVER (ORDER BY start_date) AS position
    FROM dbo.fiscal_years
),
usage AS (
    SELECT
        employee_id,
        leave_type_id,
        fiscal_year_id,
        coalesce(sum(leave_days) FILTER (WHERE status = 'APPROVED'), 0)  AS used,
        coalesce(sum(leave_days) FILTER (WHERE status = 'REQUESTED'), 0) AS pending
    FROM reporting.leave_facts
    WHERE employee_ids IS NULL OR employee_id = ANY (employee_ids)
    GROUP BY employee_id, leave_type_id, fiscal_year_id
),
first_year AS (
    SELECT usage.employee_id, min(sequence.position) AS position
    FROM usage
    JOIN fiscal_year_sequence AS sequence USING (fiscal_year_id)
    GROUP BY usage.employee_id
),
grid AS (
    SELECT
        first_year.employee_id,
        leave_type.id                              AS leave_type_id,
        sequence.fiscal_year_id,
        sequence.position,
        sequence.position = first_year.position    AS is_first_year,
        leave_type.default_days,
        leave_type.transferable_days,
        coalesce(usage.used, 0)                    AS used,
        coalesce(usage.pending, 0)                 AS pending
    FROM first_year
    JOIN fiscal_year_sequence AS sequence ON sequence.position >= first_year.position
    CROSS JOIN dbo.leave_types AS leave_type
    LEFT JOIN usage
        ON usage.employee_id = first_year.employee_id
       AND usage.leave_type_id = leave_type.id
       AND usage.fiscal_year_id = sequence.fiscal_year_id
),
chain AS (
    SELECT grid.*, 0::numeric AS carried_over
    FROM grid
    WHERE grid.is_first_year
    UNION ALL
    SELECT
        this_year.*,
        greatest(0, least(
            this_year.transferable_days,
            last_year.default_days + last_year.carried_over - last_year.used
        ))
    FROM chain AS last_year
    JOIN grid AS this_year
        ON this_year.employee_id = last_year.employee_id
       AND this_year.leave_type_id = last_year.leave_type_id
       AND this_year.position = last_year.position + 1
)
SELECT
    employee_id,
    leave_type_id,
    fiscal_year_id,
    default_days,
    carried_over,
    default_days + carried_over        AS allotted,
    used,
    pending,
    default_days + carried_over - used AS remaining
FROM chain
$$;

DROP MATERIALIZED VIEW reporting.leave_balances;
CREATE TABLE reporting.leave_balances (
    employee_id    bigint  NOT NULL,
    leave_type_id  bigint  NOT NULL,
    fiscal_year_id bigint  NOT NULL,
    default_days   numeric NOT NULL,
    carried_over   numeric NOT NULL,
    allotted       numeric NOT NULL,
    used           numeric NOT NULL,
    pending        numeric NOT NULL,
    remaining      numeric NOT NULL,
    -- Led by the employee, as the gauges ask and as the per-employee refresh deletes.
    CONSTRAINT leave_balances_key PRIMARY KEY (employee_id, fiscal_year_id, leave_type_id)
);
INSERT INTO reporting.leave_balances SELECT * FROM reporting.leave_balances_of(NULL);
GRANT SELECT ON reporting.leave_balances TO leave_reader;

-- Replaced by reporting.refresh_reporting(everyone boolean) (procedures/refresh_reporting.sql).
DROP PROCEDURE IF EXISTS reporting.refresh_reporting();
