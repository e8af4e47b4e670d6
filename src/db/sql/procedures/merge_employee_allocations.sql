-- An employee in the snapshot holds exactly the allocations of their latest record;
-- employees absent from the snapshot keep what they had.
CREATE OR REPLACE PROCEDURE dbo.merge_employee_allocations()
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM dbo.employee_allocations AS held
    USING raw.latest_employee_records AS latest
    WHERE held.employee_id = latest.employee_id
      AND NOT EXISTS (
          SELECT 1
          FROM raw.employee_allocation_pairs AS wanted
          WHERE wanted.employee_id = held.employee_id
            AND wanted.allocation_id = held.allocation_id
      );

    MERGE INTO dbo.employee_allocations AS target
    USING raw.employee_allocation_pairs AS source
    ON target.employee_id = source.employee_id AND target.allocation_id = source.allocation_id
    WHEN NOT MATCHED THEN
        INSERT (employee_id, allocation_id) VALUES (source.employee_id, source.allocation_id);
END
$$;
