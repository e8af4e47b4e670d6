"""Named queries, one function each: the only place the service talks SQL."""
