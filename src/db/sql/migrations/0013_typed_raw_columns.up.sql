-- Performance (issue 7): raw.imported_leave_information holds validated records only, so its
-- ids, flags, dates and timestamps can be typed. COPY then sends them in binary, and staging
-- the snapshot no longer parses every one of them again from text (validation has parsed them
-- already). The numbers of days stay text, so that PostgreSQL reads the decimal the upstream
-- sent; so does empId (text or a number, upstream).
TRUNCATE raw.imported_leave_information;
ALTER TABLE raw.imported_leave_information
    ALTER COLUMN id TYPE bigint USING id::bigint,
    ALTER COLUMN user_id TYPE bigint USING user_id::bigint,
    ALTER COLUMN team_manager_id TYPE bigint USING team_manager_id::bigint,
    ALTER COLUMN designation_id TYPE bigint USING designation_id::bigint,
    ALTER COLUMN is_hr TYPE boolean USING is_hr::boolean,
    ALTER COLUMN is_supervisor TYPE boolean USING is_supervisor::boolean,
    ALTER COLUMN leave_issuer_id TYPE bigint USING leave_issuer_id::bigint,
    ALTER COLUMN current_leave_issuer_id TYPE bigint USING current_leave_issuer_id::bigint,
    ALTER COLUMN start_date TYPE date USING start_date::date,
    ALTER COLUMN end_date TYPE date USING end_date::date,
    ALTER COLUMN leave_type_id TYPE bigint USING leave_type_id::bigint,
    ALTER COLUMN is_consecutive TYPE boolean USING is_consecutive::boolean,
    ALTER COLUMN fiscal_id TYPE bigint USING fiscal_id::bigint,
    ALTER COLUMN fiscal_start_date TYPE date USING fiscal_start_date::date,
    ALTER COLUMN fiscal_end_date TYPE date USING fiscal_end_date::date,
    ALTER COLUMN fiscal_is_current TYPE boolean USING fiscal_is_current::boolean,
    ALTER COLUMN created_at TYPE timestamptz USING created_at::timestamptz,
    ALTER COLUMN updated_at TYPE timestamptz USING updated_at::timestamptz,
    ALTER COLUMN is_converted TYPE boolean USING is_converted::boolean;
