CALL dbo.merge_snapshot('upstream', $1::date, $2::date, NULL, NULL, NULL, NULL)
