from backend.main import create_app
from backend.services.poller import delay_after
from tests.backend.conftest import settings_for
from tests.waiting import eventually


def test_the_delay_is_the_interval_until_something_fails():
    assert delay_after(0, interval=30, cap=600) == 30


def test_the_delay_doubles_with_each_consecutive_failure_up_to_the_cap():
    assert [delay_after(n, interval=30, cap=600) for n in (1, 2, 3, 4, 5)] == [
        60,
        120,
        240,
        480,
        600,
    ]


async def test_the_poller_survives_failures_backs_off_and_recovers(migrated_database_url, upstream):
    settings = settings_for(
        migrated_database_url, upstream, poll_interval_seconds=0.2, poll_max_backoff_seconds=0.5
    )
    app = create_app(settings)
    upstream.set_faults(unauthorized=True)

    async with app.router.lifespan_context(app):
        state = app.state.poller_state
        await eventually(lambda: state.consecutive_failures >= 3)
        assert state.next_delay_seconds == 0.5
        assert not app.state.poller.done()

        upstream.reset_faults()
        await eventually(lambda: state.consecutive_failures == 0)
        leaves = await app.state.pool.fetchval("SELECT count(*) FROM dbo.employee_leaves")

    assert leaves == upstream.stats()["records"]
