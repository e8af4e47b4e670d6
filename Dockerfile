# One image for every Python service: the API, migrate.py, the demo upstream, the dashboard.
FROM python:3.11-slim

RUN useradd --create-home --uid 10001 app
WORKDIR /app

COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir .
COPY migrate.py locustfile.py ./

USER app
EXPOSE 8000 8081 8501
# Idle connections outlive a load balancer's (60 s is common): see backend/devstack.py.
CMD ["uvicorn", "backend.main:app", "--host", "0.0.0.0", "--port", "8000", "--no-server-header", "--timeout-keep-alive", "75"]
