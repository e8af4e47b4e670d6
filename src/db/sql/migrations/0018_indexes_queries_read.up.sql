-- Performance (issue 7): three indexes of dbo.employee_leaves that no query needs. Each costs
-- a scan and a sort of the whole table when a first load builds it (~50 ms at 161,450 leaves)
-- and an insertion for every leave a sync inserts or moves. Checked with pg_stat_user_indexes
-- over a first load, 1 %-changed syncs, hot polls and every KPI under the dashboards' filters
-- and more (a leave type, a status, a designation, upcoming days), and every KPI timed with
-- and without them: the planner read the last two under some filters, and no KPI was slower
-- without them. (employee_leaves_status_idx stays: a status filter on the leave history is up
-- to 3x slower without it.)
-- employee_fiscal_year_idx leads with the employee, as this one did.
DROP INDEX dbo.employee_leaves_employee_idx;
-- An overlap test (`end_date >= first day AND start_date <= last day`) reads end_date_idx.
DROP INDEX dbo.employee_leaves_dates_idx;
-- Leave types are never deleted, so no foreign-key check looks leaves up by their type.
DROP INDEX dbo.employee_leaves_leave_type_idx;
