SELECT count(*) FROM ops.users WHERE role = 'admin'
