"""From upstream pages to rows in the raw table: fetch, validate, map, COPY."""
