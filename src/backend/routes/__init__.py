"""HTTP routes: thin, they call services and repositories."""
