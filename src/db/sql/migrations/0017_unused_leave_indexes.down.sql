CREATE INDEX employee_leaves_employee_idx ON dbo.employee_leaves (employee_id);
CREATE INDEX employee_leaves_status_idx ON dbo.employee_leaves (status);
