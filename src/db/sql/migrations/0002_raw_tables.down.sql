DROP VIEW raw.employee_allocation_pairs;
DROP VIEW raw.latest_employee_records;
DROP VIEW raw.leave_snapshot;
DROP TABLE raw.rejected_leaves;
DROP TABLE raw.imported_leave_information;
