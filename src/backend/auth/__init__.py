"""Who may call the API: users, password hashes, access tokens."""
