CALL dbo.defer_leave_definitions()
