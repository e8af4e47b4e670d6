SELECT username, role, created_at FROM ops.users ORDER BY username
