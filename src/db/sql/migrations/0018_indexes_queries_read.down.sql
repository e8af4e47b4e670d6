CREATE INDEX employee_leaves_employee_idx ON dbo.employee_leaves (employee_id);
CREATE INDEX employee_leaves_leave_type_idx ON dbo.employee_leaves (leave_type_id);
CREATE INDEX employee_leaves_dates_idx ON dbo.employee_leaves (start_date, end_date);
