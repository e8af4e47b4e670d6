"""The documents operators read name every setting the code reads."""

from pathlib import Path

import pytest

from backend.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SETTING_NAMES = [name.upper() for name in Settings.model_fields]


@pytest.mark.parametrize("name", SETTING_NAMES)
def test_env_example_lists_every_setting(name):
    assert f"\n{name}=" in (ROOT / ".env.example").read_text()


@pytest.mark.parametrize("name", SETTING_NAMES)
def test_the_readme_documents_every_setting(name):
    assert f"`{name}`" in (ROOT / "README.md").read_text()


def test_the_readme_gives_the_two_commands():
    readme = (ROOT / "README.md").read_text()

    assert "make run" in readme and "make test" in readme
