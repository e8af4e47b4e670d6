"""docker-compose.yml and the Dockerfile cannot drift from the code: every command parses as its
program reads it, every port matches, every variable is a setting the code reads (or a documented
compose-only one), and no secret is written in the file."""

import importlib.util
import re
from urllib.parse import urlsplit

import pytest
import streamlit.config
from uvicorn.main import main as uvicorn_command

from backend.settings import Settings
from tests.operations.api_process import UVICORN_FLAGS
from tests.operations.deployment_files import (
    ENV_EXAMPLE,
    POSTGRES_PORT,
    ROOT,
    SERVICES,
    command_of,
    dockerfile_command,
    dockerfile_exposed_ports,
    dockerfile_user,
    health_check_text,
    is_one_shot,
    listening_port,
    ours,
    published_container_ports,
    variables_named,
    with_placeholders,
)
from vyaguta_demo.cli import parser as demo_upstream_parser
from vyaguta_demo.serving import LEAVES_PATH

SETTING_NAMES = {name.upper() for name in Settings.model_fields}
SECRET_SETTINGS = {
    name.upper()
    for name, field in Settings.model_fields.items()
    if "SecretStr" in str(field.annotation)
}
OUR_SERVICES = sorted(name for name, service in SERVICES.items() if ours(service))
LONG_RUNNING = sorted(name for name, service in SERVICES.items() if not is_one_shot(service))
LISTENING = sorted(name for name, service in SERVICES.items() if service.get("ports"))
URL_IN_VALUE = re.compile(r"\w+://\S+")


def environment_of(name: str) -> dict[str, str]:
    """As written, `${...}` included."""
    return {key: str(value) for key, value in SERVICES[name].get("environment", {}).items()}


@pytest.mark.parametrize("name", OUR_SERVICES)
def test_every_variable_a_service_of_ours_is_given_is_a_setting(name):
    assert set(environment_of(name)) <= SETTING_NAMES


def test_every_variable_taken_from_the_host_is_documented_in_env_example():
    assert {name for name in variables_named() if f"\n{name}=" not in ENV_EXAMPLE} == set()


@pytest.mark.parametrize("name", OUR_SERVICES)
def test_no_secret_setting_is_written_in_the_file(name):
    secrets = {key: value for key, value in environment_of(name).items() if key in SECRET_SETTINGS}

    for key, value in secrets.items():
        password = urlsplit(value).password if "://" in value else value
        assert not password or password.startswith("${"), key


def test_the_demo_upstream_token_comes_from_the_environment():
    command = SERVICES["demo-upstream"]["command"]

    assert any(part.startswith("--token=${VYAGUTA_BEARER_TOKEN:?") for part in command)


def test_the_demo_upstream_reads_a_token_that_begins_with_a_dash():
    """A token is any text, and argparse takes a separate "-..." argument for an option."""
    command = [
        with_placeholders(re.sub(r"\$\{VYAGUTA_BEARER_TOKEN[^}]*\}", "-Dash-first", part))
        for part in SERVICES["demo-upstream"]["command"]
    ][3:]

    assert demo_upstream_parser().parse_args(command).token == "-Dash-first"


@pytest.mark.parametrize("name", LISTENING)
def test_each_published_port_is_the_port_its_command_listens_on(name):
    assert published_container_ports(SERVICES[name]) == [listening_port(command_of(SERVICES[name]))]


@pytest.mark.parametrize("name", [name for name in LISTENING if name in LONG_RUNNING])
def test_each_health_check_asks_the_port_its_service_listens_on(name):
    port = listening_port(command_of(SERVICES[name]))

    assert re.search(rf"\b{port}\b", health_check_text(SERVICES[name]))


@pytest.mark.parametrize("name", LONG_RUNNING)
def test_every_long_running_service_has_a_health_check(name):
    assert SERVICES[name].get("healthcheck", {}).get("test")


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_every_condition_a_service_waits_for_can_be_met(name):
    for needed, wait in SERVICES[name].get("depends_on", {}).items():
        condition = wait["condition"]
        if condition == "service_healthy":
            assert "healthcheck" in SERVICES[needed], needed
        else:
            assert condition == "service_completed_successfully" and is_one_shot(SERVICES[needed])


def test_the_api_waits_for_the_migrations_and_the_dashboard_for_its_password():
    assert "migrate" in SERVICES["api"]["depends_on"]
    assert "reader-password" in SERVICES["dashboard"]["depends_on"]


@pytest.mark.parametrize("name", OUR_SERVICES)
def test_every_url_a_service_is_given_names_a_service_and_the_port_it_listens_on(name):
    for value in environment_of(name).values():
        for url in URL_IN_VALUE.findall(with_placeholders(value)):
            parts = urlsplit(url)
            target = SERVICES[parts.hostname]
            expected = POSTGRES_PORT if "image" in target else listening_port(command_of(target))
            assert parts.port == expected, url


def test_the_api_reads_the_demo_upstreams_leaves_endpoint():
    assert with_placeholders(environment_of("api")["VYAGUTA_API_URL"]).endswith(LEAVES_PATH)


def test_the_api_command_is_the_one_the_tests_run():
    options = uvicorn_command.make_context("uvicorn", command_of(SERVICES["api"])[1:]).params

    assert options["app"] == "backend.main:app"
    assert set(UVICORN_FLAGS) <= set(SERVICES["api"]["command"])
    assert options["server_header"] is False


def test_the_images_default_command_is_the_api_command():
    assert dockerfile_command() == SERVICES["api"]["command"]


def test_the_demo_upstream_command_parses():
    demo_upstream_parser().parse_args(command_of(SERVICES["demo-upstream"])[3:])


def test_the_dashboard_command_runs_the_dashboard_with_options_streamlit_knows():
    command = command_of(SERVICES["dashboard"])
    options = [part.removeprefix("--") for part in command if part.startswith("--")]

    assert command[:3] == ["streamlit", "run", "src/visualization/app.py"]
    assert (ROOT / command[2]).is_file()
    for option in options:
        streamlit.config.get_option(option)


@pytest.mark.parametrize("name", ["migrate", "reader-password"])
def test_each_one_shot_step_runs_code_that_exists(name):
    command = command_of(SERVICES[name])

    if command[1] == "-m":
        assert importlib.util.find_spec(command[2]) is not None
    else:
        assert (ROOT / command[1]).is_file()


def test_the_dashboard_is_given_no_secret_it_does_not_need():
    assert "env_file" not in SERVICES["dashboard"]
    assert set(environment_of("dashboard")) & SECRET_SETTINGS == {
        "DASHBOARD_DATABASE_URL",
        "DASHBOARD_PASSWORD",
    }


def test_the_image_runs_as_a_user_that_is_not_root():
    assert dockerfile_user() not in ("root", "0")


def test_the_image_exposes_every_port_compose_publishes():
    published = {port for name in LISTENING for port in published_container_ports(SERVICES[name])}

    assert published <= dockerfile_exposed_ports()
