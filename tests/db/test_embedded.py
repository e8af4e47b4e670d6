import asyncpg

from db.embedded import embedded_postgres, is_server_running_on


async def test_a_server_started_here_is_stopped_on_exit_and_a_running_one_is_reused(tmp_path):
    data_dir = tmp_path / "postgres"

    with embedded_postgres(data_dir) as url:
        with embedded_postgres(data_dir) as reused_url:
            assert reused_url == url
        assert is_server_running_on(data_dir), "the inner, reusing context must not stop it"
        connection = await asyncpg.connect(url)
        assert await connection.fetchval("SELECT 1") == 1
        await connection.close()

    assert not is_server_running_on(data_dir)
    assert (data_dir / "PG_VERSION").exists(), "the data is kept between runs"
