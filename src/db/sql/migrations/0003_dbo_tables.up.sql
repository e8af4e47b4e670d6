-- Third normal form, keyed by the upstream's own ids. Departments have no upstream id,
-- so their name is the natural key behind a small surrogate.
CREATE TABLE dbo.departments (
    id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text    NOT NULL UNIQUE
);

CREATE TABLE dbo.designations (
    id   bigint PRIMARY KEY,
    name text   NOT NULL
);

CREATE TABLE dbo.team_managers (
    id bigint PRIMARY KEY
);

CREATE TABLE dbo.leave_issuers (
    id          bigint PRIMARY KEY,
    first_name  text,
    middle_name text,
    last_name   text,
    email       text
);

CREATE TABLE dbo.leave_types (
    id                bigint       PRIMARY KEY,
    name              text         NOT NULL,
    default_days      numeric(6,2) NOT NULL DEFAULT 0 CHECK (default_days >= 0),
    transferable_days numeric(6,2) NOT NULL DEFAULT 0 CHECK (transferable_days >= 0)
);

CREATE TABLE dbo.fiscal_years (
    id         bigint  PRIMARY KEY,
    start_date date    NOT NULL,
    end_date   date    NOT NULL,
    is_current boolean NOT NULL DEFAULT false,
    CHECK (end_date > start_date)
);

CREATE TABLE dbo.allocations (
    id   bigint PRIMARY KEY,
    name text,
    type text
);

CREATE TABLE dbo.employees (
    id              bigint  PRIMARY KEY,
    emp_id          text,
    first_name      text    NOT NULL,
    middle_name     text,
    last_name       text,
    email           text,
    is_hr           boolean NOT NULL DEFAULT false,
    is_supervisor   boolean NOT NULL DEFAULT false,
    department_id   integer REFERENCES dbo.departments (id),
    designation_id  bigint  REFERENCES dbo.designations (id),
    team_manager_id bigint  REFERENCES dbo.team_managers (id)
);
CREATE INDEX employees_department_idx ON dbo.employees (department_id);
CREATE INDEX employees_designation_idx ON dbo.employees (designation_id);

CREATE TABLE dbo.employee_allocations (
    employee_id   bigint NOT NULL REFERENCES dbo.employees (id) ON DELETE CASCADE,
    allocation_id bigint NOT NULL REFERENCES dbo.allocations (id),
    PRIMARY KEY (employee_id, allocation_id)
);
CREATE INDEX employee_allocations_allocation_idx ON dbo.employee_allocations (allocation_id);

-- Who currently approves an employee's leave.
CREATE TABLE dbo.employee_leave_issuer (
    employee_id     bigint PRIMARY KEY REFERENCES dbo.employees (id) ON DELETE CASCADE,
    leave_issuer_id bigint NOT NULL REFERENCES dbo.leave_issuers (id)
);

CREATE TABLE dbo.employee_leaves (
    id                      bigint       PRIMARY KEY,
    employee_id             bigint       NOT NULL REFERENCES dbo.employees (id),
    leave_type_id           bigint       NOT NULL REFERENCES dbo.leave_types (id),
    fiscal_year_id          bigint       NOT NULL REFERENCES dbo.fiscal_years (id),
    leave_issuer_id         bigint       REFERENCES dbo.leave_issuers (id),
    current_leave_issuer_id bigint       REFERENCES dbo.leave_issuers (id),
    start_date              date         NOT NULL,
    end_date                date         NOT NULL,
    leave_days              numeric(6,2) NOT NULL CHECK (leave_days >= 0),
    reason                  text,
    status                  text         NOT NULL,
    remarks                 text,
    is_consecutive          boolean,
    is_converted            boolean,
    created_at              timestamptz,
    updated_at              timestamptz,
    deleted_at              timestamptz,
    CHECK (end_date >= start_date)
);
CREATE INDEX employee_leaves_employee_idx ON dbo.employee_leaves (employee_id);
CREATE INDEX employee_leaves_fiscal_year_status_idx ON dbo.employee_leaves (fiscal_year_id, status);
CREATE INDEX employee_leaves_leave_type_idx ON dbo.employee_leaves (leave_type_id);
CREATE INDEX employee_leaves_status_idx ON dbo.employee_leaves (status);
CREATE INDEX employee_leaves_dates_idx ON dbo.employee_leaves (start_date, end_date);
CREATE INDEX employee_leaves_issuer_idx ON dbo.employee_leaves (leave_issuer_id);
