DROP VIEW reporting.rejected_leaves;
DROP VIEW reporting.sync_runs;
DROP INDEX dbo.employee_leaves_end_date_idx;
DROP INDEX dbo.employee_leaves_employee_fiscal_year_idx;
DROP MATERIALIZED VIEW reporting.leave_balances;
DROP FUNCTION reporting.working_days_of(date, date, numeric, integer[]);
DROP VIEW reporting.employee_facts;
DROP VIEW reporting.leave_facts;
