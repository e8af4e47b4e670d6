DELETE FROM public.schema_migrations WHERE version = $1
