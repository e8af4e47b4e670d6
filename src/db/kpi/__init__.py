"""The KPIs: each a named query under sql/queries/kpi/, fetched with validated filters.

Shared by the API and the dashboard, and free of both: neither re-computes a KPI itself.
"""
