SELECT NOT EXISTS (SELECT 1 FROM dbo.employee_leaves)
