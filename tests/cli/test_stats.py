"""`dyads stats`: what the store holds."""

from __future__ import annotations

import json

import pytest

from dyads.errors import StoreError


def test_stats_json_counts_documents_events_and_rejections(cli, stored_db):
    result = cli("stats", "--db", str(stored_db), "--format", "json")
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    assert stats["counts"]["documents"] >= stats["counts"]["coded"] > 0
    assert stats["counts"]["mentions"] >= stats["counts"]["events"] > 0
    assert sum(stats["rejections"].values()) == stats["counts"]["rejections"]
    run = stats["runs"][0]
    assert run["n_coded"] + run["n_rejected"] + run["n_skipped"] == run["n_read"]


def test_stats_table(cli, stored_db):
    result = cli("stats", "--db", str(stored_db))
    assert result.exit_code == 0, result.output
    assert "Recent runs" in result.output


def test_stats_on_a_missing_store_is_a_store_error(cli, tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        cli("stats", "--db", str(tmp_path / "absent.duckdb"))
