INSERT INTO ops.users (username, password_hash, role) VALUES ($1, $2, $3) RETURNING id
