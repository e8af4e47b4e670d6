DROP FUNCTION reporting.leave_flags_by_department(
    bigint[], text[], bigint[], bigint[], text[], date, date, bigint[]
);
DROP FUNCTION reporting.filtered_leave_working_days(
    bigint[], text[], bigint[], bigint[], text[], date, date, bigint[], integer[]
);
DROP FUNCTION reporting.filtered_employee_facts(text[], bigint[], bigint[]);
DROP FUNCTION reporting.filtered_leave_facts(
    bigint[], text[], bigint[], bigint[], text[], date, date, bigint[]
);
