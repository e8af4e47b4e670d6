"""Load test for the API: `locust -f locustfile.py --host http://127.0.0.1:8000`.

Each simulated user signs in once, then reads what a dashboard user reads. Set
LOCUST_USERNAME / LOCUST_PASSWORD to an existing API user (default: the first admin).
"""

import os

from locust import HttpUser, between, task


class DashboardReader(HttpUser):
    wait_time = between(1, 3)

    def on_start(self) -> None:
        answer = self.client.post(
            "/token",
            data={
                "username": os.environ.get("LOCUST_USERNAME", "admin"),
                "password": os.environ.get("LOCUST_PASSWORD", "admin"),
            },
        )
        answer.raise_for_status()
        self.client.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"

    @task(5)
    def readiness(self) -> None:
        self.client.get("/ready")

    @task(2)
    def sync_history(self) -> None:
        self.client.get("/sync/runs?limit=20", name="/sync/runs")
