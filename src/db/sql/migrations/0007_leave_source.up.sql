-- Where a leave came from: a full upstream snapshot can only vouch for leaves it could have
-- sent, so leaves from an uploaded file are never marked deleted by one.
ALTER TABLE dbo.employee_leaves
    ADD COLUMN source text NOT NULL DEFAULT 'upstream' CHECK (source IN ('upstream', 'upload'));
