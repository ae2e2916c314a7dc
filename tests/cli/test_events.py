"""`dyads events`: stored events with filters, as a table or JSON Lines."""

from __future__ import annotations

import json


def test_events_jsonl_lists_events_with_evidence(cli, stored_db):
    result = cli("events", "--db", str(stored_db), "--format", "jsonl", "--limit", "0")
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.output.splitlines()]
    assert events
    assert all(e["modality"] == "asserted" for e in events)  # the default filter
    for event in events:
        for mention in event["mentions"]:
            assert mention["trigger"]["text"]
            assert mention["trigger"]["text"] in mention["sentence"]["text"]


def test_events_filters_by_actor_and_modality(cli, stored_db):
    everything = cli(
        "events",
        "--db",
        str(stored_db),
        "--format",
        "jsonl",
        "--all-modalities",
        "--limit",
        "0",
    )
    kosovo = cli(
        "events",
        "--db",
        str(stored_db),
        "--format",
        "jsonl",
        "--actor",
        "KSV",
        "--all-modalities",
        "--limit",
        "0",
    )
    rows = [json.loads(x) for x in kosovo.output.splitlines()]
    assert rows
    assert all(
        "KSV" in (e["source"]["code"][:3], (e["target"] or {}).get("code", "")[:3])
        for e in rows
    )
    assert len(rows) <= len(everything.output.splitlines())


def test_events_table_shows_the_evidence(cli, stored_db):
    result = cli("events", "--db", str(stored_db), "--limit", "5")
    assert result.exit_code == 0, result.output
    assert "events shown" in result.output


def test_events_bad_date_is_a_config_error(cli, stored_db):
    import pytest

    from dyads.errors import ConfigError

    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        cli("events", "--db", str(stored_db), "--since", "June")
