"""Database access: the DSN, the pool, embedded PostgreSQL, migrations and SQL files."""
