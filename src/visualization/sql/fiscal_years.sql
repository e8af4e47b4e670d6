-- The fiscal years, newest first, with their dates and the one the records call current.
SELECT id, start_date, end_date, is_current
FROM dbo.fiscal_years
ORDER BY start_date DESC
