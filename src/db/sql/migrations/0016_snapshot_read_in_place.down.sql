DROP VIEW raw.leave_snapshot;

CREATE UNLOGGED TABLE raw.leave_snapshot (LIKE raw.latest_employee_records);
ALTER TABLE raw.leave_snapshot ADD PRIMARY KEY (id);
