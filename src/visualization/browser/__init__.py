"""Driving a headless Chromium, to look at the dashboard as its readers do."""
