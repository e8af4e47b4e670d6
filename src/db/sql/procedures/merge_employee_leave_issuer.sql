CREATE OR REPLACE PROCEDURE dbo.merge_employee_leave_issuer()
LANGUAGE plpgsql AS $$
BEGIN
    MERGE INTO dbo.employee_leave_issuer AS target
    USING (
        SELECT employee_id, current_leave_issuer_id AS leave_issuer_id
        FROM raw.latest_employee_records
    ) AS source
    ON target.employee_id = source.employee_id
    WHEN MATCHED AND source.leave_issuer_id IS NULL THEN
        DELETE
    WHEN MATCHED AND target.leave_issuer_id IS DISTINCT FROM source.leave_issuer_id THEN
        UPDATE SET leave_issuer_id = source.leave_issuer_id
    WHEN NOT MATCHED AND source.leave_issuer_id IS NOT NULL THEN
        INSERT (employee_id, leave_issuer_id) VALUES (source.employee_id, source.leave_issuer_id);
END
$$;
