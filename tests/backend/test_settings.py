import pytest
from pydantic import SecretStr, ValidationError

from backend.settings import Settings


def test_weekend_days_are_read_from_a_comma_separated_list():
    settings = Settings(_env_file=None, weekend_days="fri, Sat")

    assert settings.weekend_days == ("FRI", "SAT")
    assert settings.weekend_isodows == [5, 6]


def test_an_unknown_weekday_is_refused_with_its_name():
    with pytest.raises(ValidationError, match="unknown weekday"):
        Settings(_env_file=None, weekend_days="SAT,FUNDAY")


def test_empty_values_in_the_environment_mean_the_default(monkeypatch):
    monkeypatch.setenv("VYAGUTA_START_DATE", "")
    monkeypatch.setenv("POLL_INTERVAL_SECONDS", "")

    settings = Settings(_env_file=None)

    assert (settings.vyaguta_start_date, settings.poll_interval_seconds) == (None, 30)


def test_production_lists_every_development_default_still_in_use():
    settings = Settings(_env_file=None, app_env="production")

    assert settings.production_problems() == [
        "JWT_SECRET is the development default",
        "JWT_SECRET is shorter than 32 characters",
        "ADMIN_PASSWORD is the development default",
    ]


def test_production_with_real_secrets_has_no_problem():
    settings = Settings(
        _env_file=None,
        app_env="production",
        jwt_secret=SecretStr("x" * 40),
        admin_password=SecretStr("a real password"),
    )

    assert settings.production_problems() == []


def test_secrets_do_not_show_in_the_settings_repr():
    settings = Settings(_env_file=None, vyaguta_bearer_token=SecretStr("upstream-token-value"))

    assert "upstream-token-value" not in repr(settings)
