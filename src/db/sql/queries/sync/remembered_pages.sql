-- The pages the last run of this kind read, if it read the same window in pages of this size.
SELECT page_number, body_hash, records, accepted, total
FROM raw.remembered_pages
WHERE run_kind = $1
  AND window_start IS NOT DISTINCT FROM $2::date
  AND window_end IS NOT DISTINCT FROM $3::date
  AND page_size = $4
