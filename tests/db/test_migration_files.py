import pytest

from db.migration_files import MigrationFilesError, read_migrations


def test_migrations_are_read_in_version_order_with_both_directions():
    migrations = read_migrations()

    assert [m.version for m in migrations] == sorted(m.version for m in migrations)
    assert all(m.up_sql.strip() and m.down_sql.strip() for m in migrations)


def test_an_up_file_without_its_down_file_is_an_error(tmp_path):
    (tmp_path / "0001_first.up.sql").write_text("SELECT 1;")

    with pytest.raises(MigrationFilesError, match=r"0001_first: no down\.sql file"):
        read_migrations(tmp_path)


def test_a_file_named_outside_the_convention_is_an_error(tmp_path):
    (tmp_path / "first.sql").write_text("SELECT 1;")

    with pytest.raises(MigrationFilesError, match=r"first\.sql: expected NNNN_slug"):
        read_migrations(tmp_path)


def test_two_migrations_with_one_version_are_an_error(tmp_path):
    for name in ("0001_a", "0001_b"):
        (tmp_path / f"{name}.up.sql").write_text("SELECT 1;")
        (tmp_path / f"{name}.down.sql").write_text("SELECT 1;")

    with pytest.raises(MigrationFilesError, match="share a version"):
        read_migrations(tmp_path)


def test_the_checksum_changes_with_the_up_file():
    migration = read_migrations()[0]
    edited = type(migration)(
        migration.version, migration.name, migration.up_sql + " ", migration.down_sql
    )

    assert edited.checksum != migration.checksum
