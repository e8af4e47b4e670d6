import pytest

from db.procedures import MANIFEST, read_procedure_files


def test_every_procedure_file_is_in_the_manifest_and_the_orchestrator_comes_last():
    files = read_procedure_files()

    assert files[-1].name == "merge_snapshot.sql"
    assert all("CREATE OR REPLACE PROCEDURE" in path.read_text() for path in files)


def test_a_procedure_file_missing_from_the_manifest_is_an_error(tmp_path):
    (tmp_path / MANIFEST).write_text("a.sql\n")
    (tmp_path / "a.sql").write_text("")
    (tmp_path / "b.sql").write_text("")

    with pytest.raises(ValueError, match=r"not in manifest.txt: \['b.sql'\]"):
        read_procedure_files(tmp_path)


def test_a_manifest_entry_without_its_file_is_an_error(tmp_path):
    (tmp_path / MANIFEST).write_text("# order\na.sql\n")

    with pytest.raises(FileNotFoundError, match=r"a\.sql"):
        read_procedure_files(tmp_path)
