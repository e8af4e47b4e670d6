CALL dbo.merge_snapshot($1::date, $2::date, NULL, NULL, NULL, NULL)
