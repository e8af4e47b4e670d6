SELECT count(*)
FROM dbo.employee_leaves
WHERE deleted_at IS NULL
  AND ($2::date IS NULL OR start_date <= $2)
  AND ($1::date IS NULL OR end_date >= $1)
