-- Every user's role: what the API checks each token's username and role against.
SELECT username, role FROM ops.users
