"""Opening, migrating and locking the store file."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dyads.errors import StoreError
from dyads.store import open_store, schema


def test_open_store_creates_every_table(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        tables = {
            row["table_name"]
            for row in store.rows("SELECT table_name FROM information_schema.tables")
        }
        assert {"documents", "events", "mentions", "rejections", "runs"} <= tables
        assert store.version == schema.LATEST


def test_open_store_twice_applies_migrations_once(tmp_path):
    path = tmp_path / "s.duckdb"
    open_store(path).close()
    with open_store(path) as store:
        applied = store.rows("SELECT version FROM schema_version")
        assert [row["version"] for row in applied] == [
            m.version for m in schema.MIGRATIONS
        ]


def test_open_store_read_only_missing_file_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "absent.duckdb", read_only=True)


def test_open_store_read_only_refuses_writes(tmp_path):
    path = tmp_path / "s.duckdb"
    open_store(path).close()
    with open_store(path, read_only=True) as store:
        assert store.counts()["documents"] == 0
        with pytest.raises(StoreError, match="read-only"):
            store.add([])


def test_open_store_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("this is not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot be opened"):
        open_store(path)


def test_open_store_locked_by_another_process_is_a_store_error(tmp_path):
    path = tmp_path / "s.duckdb"
    with open_store(path):
        script = (
            "import sys\n"
            "from dyads.errors import StoreError\n"
            "from dyads.store import open_store\n"
            f"try:\n    open_store({str(path)!r})\n"
            "except StoreError as exc:\n    print(exc)\n    sys.exit(3)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
        )
    assert done.returncode == 3, done.stderr
    assert "in use by another process" in done.stdout
