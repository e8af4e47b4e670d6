INSERT INTO public.schema_migrations (version, name, checksum, execution_ms)
VALUES ($1, $2, $3, $4)
