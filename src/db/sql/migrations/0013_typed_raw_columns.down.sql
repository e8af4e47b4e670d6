-- Back to text columns: the raw table is scratch, emptied before every run.
TRUNCATE raw.imported_leave_information;
ALTER TABLE raw.imported_leave_information
    ALTER COLUMN id TYPE text USING id::text,
    ALTER COLUMN user_id TYPE text USING user_id::text,
    ALTER COLUMN team_manager_id TYPE text USING team_manager_id::text,
    ALTER COLUMN designation_id TYPE text USING designation_id::text,
    ALTER COLUMN is_hr TYPE text USING is_hr::text,
    ALTER COLUMN is_supervisor TYPE text USING is_supervisor::text,
    ALTER COLUMN leave_issuer_id TYPE text USING leave_issuer_id::text,
    ALTER COLUMN current_leave_issuer_id TYPE text USING current_leave_issuer_id::text,
    ALTER COLUMN start_date TYPE text USING start_date::text,
    ALTER COLUMN end_date TYPE text USING end_date::text,
    ALTER COLUMN leave_type_id TYPE text USING leave_type_id::text,
    ALTER COLUMN is_consecutive TYPE text USING is_consecutive::text,
    ALTER COLUMN fiscal_id TYPE text USING fiscal_id::text,
    ALTER COLUMN fiscal_start_date TYPE text USING fiscal_start_date::text,
    ALTER COLUMN fiscal_end_date TYPE text USING fiscal_end_date::text,
    ALTER COLUMN fiscal_is_current TYPE text USING fiscal_is_current::text,
    ALTER COLUMN created_at TYPE text USING created_at::text,
    ALTER COLUMN updated_at TYPE text USING updated_at::text,
    ALTER COLUMN is_converted TYPE text USING is_converted::text;
