CREATE OR REPLACE PROCEDURE dbo.merge_employees()
LANGUAGE plpgsql AS $$
BEGIN
    MERGE INTO dbo.employees AS target
    USING (
        SELECT
            latest.employee_id AS id,
            latest.emp_id,
            coalesce(latest.first_name, '') AS first_name,
            latest.middle_name,
            latest.last_name,
            latest.email,
            coalesce(latest.is_hr, false) AS is_hr,
            coalesce(latest.is_supervisor, false) AS is_supervisor,
            departments.id AS department_id,
            latest.designation_id,
            latest.team_manager_id
        FROM raw.latest_employee_records AS latest
        LEFT JOIN dbo.departments ON departments.name = latest.department_description
    ) AS source
    ON target.id = source.id
    WHEN MATCHED AND (
        target.emp_id, target.first_name, target.middle_name, target.last_name, target.email,
        target.is_hr, target.is_supervisor, target.department_id, target.designation_id,
        target.team_manager_id
    ) IS DISTINCT FROM (
        source.emp_id, source.first_name, source.middle_name, source.last_name, source.email,
        source.is_hr, source.is_supervisor, source.department_id, source.designation_id,
        source.team_manager_id
    ) THEN
        UPDATE SET
            emp_id = source.emp_id,
            first_name = source.first_name,
            middle_name = source.middle_name,
            last_name = source.last_name,
            email = source.email,
            is_hr = source.is_hr,
            is_supervisor = source.is_supervisor,
            department_id = source.department_id,
            designation_id = source.designation_id,
            team_manager_id = source.team_manager_id
    WHEN NOT MATCHED THEN
        INSERT (id, emp_id, first_name, middle_name, last_name, email, is_hr, is_supervisor,
                department_id, designation_id, team_manager_id)
        VALUES (source.id, source.emp_id, source.first_name, source.middle_name, source.last_name,
                source.email, source.is_hr, source.is_supervisor, source.department_id,
                source.designation_id, source.team_manager_id);
END
$$;
