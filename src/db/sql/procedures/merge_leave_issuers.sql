-- An issuer's names come with the leaves they issued, their e-mail with the leaves they
-- currently hold; a snapshot may carry either, so a missing part never erases a known one.
CREATE OR REPLACE PROCEDURE dbo.merge_leave_issuers()
LANGUAGE plpgsql AS $$
BEGIN
    MERGE INTO dbo.leave_issuers AS target
    USING (
        WITH named AS (
            SELECT
                leave_issuer_id AS id,
                leave_issuer_first_name AS first_name,
                leave_issuer_middle_name AS middle_name,
                leave_issuer_last_name AS last_name
            FROM raw.leave_snapshot
            WHERE ordinal IN (
                SELECT ordinal FROM raw.latest_entity_records WHERE entity = 'leave issuer'
            )
        ),
        emailed AS (
            SELECT current_leave_issuer_id AS id, current_leave_issuer_email AS email
            FROM raw.leave_snapshot
            WHERE ordinal IN (
                SELECT ordinal FROM raw.latest_entity_records
                WHERE entity = 'current leave issuer'
            )
        )
        SELECT coalesce(named.id, emailed.id) AS id,
               named.first_name, named.middle_name, named.last_name, emailed.email
        FROM named
        FULL JOIN emailed ON emailed.id = named.id
    ) AS source
    ON target.id = source.id
    WHEN MATCHED AND (target.first_name, target.middle_name, target.last_name, target.email)
        IS DISTINCT FROM (
            coalesce(source.first_name, target.first_name),
            coalesce(source.middle_name, target.middle_name),
            coalesce(source.last_name, target.last_name),
            coalesce(source.email, target.email)
        ) THEN
        UPDATE SET
            first_name = coalesce(source.first_name, target.first_name),
            middle_name = coalesce(source.middle_name, target.middle_name),
            last_name = coalesce(source.last_name, target.last_name),
            email = coalesce(source.email, target.email)
    WHEN NOT MATCHED THEN
        INSERT (id, first_name, middle_name, last_name, email)
        VALUES (source.id, source.first_name, source.middle_name, source.last_name, source.email);
END
$$;
