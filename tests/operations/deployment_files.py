"""docker-compose.yml and the Dockerfile, read the way Docker reads them (what matters here)."""

import json
import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES: dict[str, dict[str, Any]] = COMPOSE["services"]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
ENV_EXAMPLE = (ROOT / ".env.example").read_text()
INTERPOLATION = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)(?::?-([^}]*))?[^}]*\}")
PORT_FLAGS = ("--port", "--server.port")
# What the official PostgreSQL image listens on.
POSTGRES_PORT = 5432


def ours(service: dict[str, Any]) -> bool:
    """Built from this repository's Dockerfile (not an image from elsewhere)."""
    return "build" in service


def is_one_shot(service: dict[str, Any]) -> bool:
    return service.get("restart") == "no"


def with_placeholders(text: str) -> str:
    """`${NAME:-default}` as its default, `${NAME}` and `${NAME:?message}` as a placeholder."""
    return INTERPOLATION.sub(lambda found: found[2] or "placeholder", text)


def command_of(service: dict[str, Any]) -> list[str]:
    return [with_placeholders(part) for part in service["command"]]


def listening_port(command: list[str]) -> int:
    for flag in PORT_FLAGS:
        if flag in command:
            return int(command[command.index(flag) + 1])
    raise AssertionError(f"no port in {command}")


def published_container_ports(service: dict[str, Any]) -> list[int]:
    return [int(str(mapping).rsplit(":", 1)[1]) for mapping in service.get("ports", [])]


def health_check_text(service: dict[str, Any]) -> str:
    return " ".join(service["healthcheck"]["test"])


def variables_named() -> set[str]:
    return {found[1] for found in INTERPOLATION.finditer((ROOT / "docker-compose.yml").read_text())}


def dockerfile_command() -> list[str]:
    line = next(line for line in DOCKERFILE.splitlines() if line.startswith("CMD "))
    return json.loads(line.removeprefix("CMD "))


def dockerfile_user() -> str:
    return [line.split()[1] for line in DOCKERFILE.splitlines() if line.startswith("USER ")][-1]


def dockerfile_exposed_ports() -> set[int]:
    lines = (line for line in DOCKERFILE.splitlines() if line.startswith("EXPOSE "))
    return {int(port) for line in lines for port in line.split()[1:]}
