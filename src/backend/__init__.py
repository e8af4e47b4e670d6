"""The sync service: settings, the lifespan poller, routers and the ingest pipeline."""
