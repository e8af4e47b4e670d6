"""What the pages show, read through the KPI layer (or, for the sync history, the reporting
views) and cached for less than one refresh interval."""
