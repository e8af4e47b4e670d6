-- Performance (issue 7): two indexes on dbo.employee_leaves that the queries do without,
-- dropped. Each was rebuilt on every first load and updated on every write.
-- - employee_leaves_employee_idx: (employee_id) is the leading column of
--   employee_leaves_employee_fiscal_year_idx (migration 0006), which serves the same lookups.
--   No KPI under the dashboards' filters read it (pg_stat_user_indexes).
-- - employee_leaves_status_idx: a status alone matches a large share of the leaves. No KPI
--   under the dashboards' filters read it either; what did in a 500-user load test (13 scans of
--   ~7,500 requests, the filter pickers' distinct statuses) takes as long without it.
DROP INDEX dbo.employee_leaves_employee_idx;
DROP INDEX dbo.employee_leaves_status_idx;
