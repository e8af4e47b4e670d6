DELETE FROM ops.users WHERE username = $1
