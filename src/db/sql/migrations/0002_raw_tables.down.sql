DROP VIEW raw.employee_allocation_pairs;
DROP TABLE raw.latest_employee_records;
DROP TABLE raw.leave_snapshot;
DROP TABLE raw.rejected_leaves;
DROP TABLE raw.imported_leave_information;
