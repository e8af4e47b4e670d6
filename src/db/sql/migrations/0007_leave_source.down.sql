ALTER TABLE dbo.employee_leaves DROP COLUMN source;
