"""Locust users for `bench/api.py`: no think time, so the server's throughput is what is
measured. A bare endpoint (/health) and the KPI endpoints with random dashboard filters."""

import json
import os
import random
from typing import Any

from locust import FastHttpUser, constant, task

from backend.routes.kpi import KPI_PATHS
from db.kpi.catalogue import kpi_named

KPI_ENDPOINTS = sorted(KPI_PATHS)


class BareEndpointUser(FastHttpUser):
    wait_time = constant(0)

    @task
    def health(self) -> None:
        self.client.get("/health", name="/health")


class KpiEndpointUser(FastHttpUser):
    """Signed in beforehand (BENCH_API_TOKEN) with the filter values given (BENCH_API_FILTERS),
    so that every request it makes is a KPI request."""

    wait_time = constant(0)

    def on_start(self) -> None:
        self.headers = {"Authorization": f"Bearer {os.environ['BENCH_API_TOKEN']}"}
        self.filters: dict[str, list[str]] = json.loads(os.environ["BENCH_API_FILTERS"])

    @task
    def kpi(self) -> None:
        path = random.choice(KPI_ENDPOINTS)
        accepted = kpi_named(KPI_PATHS[path]).filters
        params: dict[str, Any] = {}
        years = self.filters.get("fiscal_year", [])
        if "fiscal_year" in accepted and years and random.random() < 0.8:
            params["fiscal_year"] = years[0] if random.random() < 0.7 else random.choice(years)
        departments = self.filters.get("department", [])
        if "department" in accepted and departments and random.random() < 0.3:
            params["department"] = random.choice(departments)
        self.client.get(path, params=params, headers=self.headers, name=path)
