CALL dbo.insert_first_leaves('upstream', $1, $2)
