SELECT max(version) FROM public.schema_migrations
