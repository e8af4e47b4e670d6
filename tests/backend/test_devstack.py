from backend import devstack
from backend.devstack import planned_services
from backend.settings import Settings
from vyaguta_demo.cli import options_from


def test_the_demo_upstream_reads_a_token_that_begins_with_a_dash(monkeypatch):
    monkeypatch.setattr(devstack.secrets, "token_urlsafe", lambda _: "-Dash-first")
    demo = planned_services(Settings(_env_file=None), "postgresql://localhost/leave")[0]

    options = options_from(demo.argv[demo.argv.index("vyaguta_demo") + 1 :])

    assert options.token == "-Dash-first"
