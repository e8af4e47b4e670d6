-- The pages a run read, in one statement for all of them (its kind's older pages forgotten first).
INSERT INTO raw.remembered_pages
    (run_kind, window_start, window_end, page_size, page_number, body_hash, records, accepted, total)
SELECT $1, $2::date, $3::date, $4, page.*
FROM unnest($5::integer[], $6::bigint[], $7::integer[], $8::integer[], $9::bigint[]) AS page
