"""reporting.leave_facts: reads that need no employee or leave type skip their joins
(migration 0019), so the KPI totals do not look up what they group by id."""


async def joined_tables(connection, sql: str) -> set[str]:
    # The json type comes back decoded (db.pool's codecs).
    plan = await connection.fetchval(f"EXPLAIN (FORMAT JSON) {sql}")

    def relations(node: dict) -> set[str]:
        found = {node["Relation Name"]} if "Relation Name" in node else set()
        for child in node.get("Plans", []):
            found |= relations(child)
        return found

    return relations(plan[0]["Plan"])


async def test_a_read_by_ids_joins_neither_employees_nor_leave_types(connection):
    tables = await joined_tables(
        connection,
        "SELECT employee_id, leave_type_id, count(*) FROM reporting.leave_facts GROUP BY 1, 2",
    )

    assert tables == {"employee_leaves"}


async def test_a_read_of_names_joins_them(connection):
    tables = await joined_tables(
        connection, "SELECT leave_type, department FROM reporting.leave_facts"
    )

    assert {"leave_types", "employees", "departments"} <= tables
