CALL dbo.merge_snapshot('upload', NULL, NULL, NULL, NULL, NULL, NULL)
