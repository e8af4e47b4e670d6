"""The shared pool: what its sessions are set up with."""

from db.pool import create_pool


async def test_a_pool_that_plans_every_call_still_does_after_a_connection_came_back(
    migrated_database_url,
):
    pool = await create_pool(migrated_database_url, max_size=1, plan_every_call=True)
    try:
        async with pool.acquire() as connection:
            await connection.execute("SET plan_cache_mode = auto")
        async with pool.acquire() as connection:
            mode = await connection.fetchval("SHOW plan_cache_mode")
    finally:
        await pool.close()

    assert mode == "force_custom_plan"


async def test_a_pool_plans_as_postgresql_chooses_unless_asked(migrated_database_url):
    pool = await create_pool(migrated_database_url, max_size=1)
    try:
        mode = await pool.fetchval("SHOW plan_cache_mode")
    finally:
        await pool.close()

    assert mode == "auto"
