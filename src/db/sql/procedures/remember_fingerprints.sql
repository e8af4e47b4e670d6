-- What dbo now holds of each merged upstream record, so the next sync can pass it by unchanged.
-- An uploaded record replaces the upstream's version of a leave: its fingerprint is forgotten,
-- so the upstream's record is merged again on the next sync.
-- Every merge forgets the remembered pages: a page that repeats one read before this merge no
-- longer vouches for what dbo holds (a sync that merged remembers its own pages afterwards).
CREATE OR REPLACE PROCEDURE dbo.remember_fingerprints(leave_source text)
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM raw.remembered_pages;
    IF leave_source = 'upstream' THEN
        INSERT INTO raw.leave_fingerprints AS remembered (id, fingerprint)
        SELECT id, fingerprint
        FROM raw.leave_snapshot
        WHERE fingerprint IS NOT NULL
        ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint
        WHERE remembered.fingerprint <> excluded.fingerprint;
    ELSE
        DELETE FROM raw.leave_fingerprints AS remembered
        USING raw.leave_snapshot AS uploaded
        WHERE remembered.id = uploaded.id;
    END IF;
END
$$;
