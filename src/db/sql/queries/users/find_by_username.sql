SELECT id, username, password_hash, role FROM ops.users WHERE username = $1
