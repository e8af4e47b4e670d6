CREATE OR REPLACE VIEW reporting.leave_facts AS
SELECT
    leave.id                      AS leave_id,
    leave.employee_id,
    employee.department_id,
    department.name               AS department,
    employee.designation_id,
    designation.name              AS designation,
    leave.leave_type_id,
    leave_type.name               AS leave_type,
    leave.fiscal_year_id,
    leave.leave_issuer_id,
    leave.current_leave_issuer_id,
    leave.start_date,
    leave.end_date,
    leave.leave_days,
    leave.status,
    leave.reason,
    leave.remarks,
    leave.created_at,
    leave.updated_at,
    -- Applied for on a later day than the leave began. The upstream's timestamps are UTC, and
    -- so is the day they fall on here: the answer must not depend on a session's time zone.
    (leave.created_at AT TIME ZONE 'UTC')::date > leave.start_date AS applied_late,
    -- An issuer unknown on either side is not a reassignment anyone can show.
    coalesce(leave.current_leave_issuer_id <> leave.leave_issuer_id, false) AS issuer_reassigned
FROM dbo.employee_leaves AS leave
JOIN dbo.employees AS employee ON employee.id = leave.employee_id
JOIN dbo.leave_types AS leave_type ON leave_type.id = leave.leave_type_id
LEFT JOIN dbo.departments AS department ON department.id = employee.department_id
LEFT JOIN dbo.designations AS designation ON designation.id = employee.designation_id
WHERE leave.deleted_at IS NULL;
