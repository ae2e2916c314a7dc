"""`dyads check`: one line per problem, exit status 1 when there is any."""

from __future__ import annotations

from pathlib import Path


def test_check_command_passes_on_a_valid_extra_folder(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "agents.yaml").write_text(
        "- {id: tst, code: SRBREBTST, name: Test Front, country: SRB, sector: REB}\n",
        "utf-8",
    )
    result = cli("check", "--dictionaries", str(tmp_path))
    own = [line for line in result.output.splitlines() if str(tmp_path) in line]
    assert own == []
    assert "Checked" in result.output


def test_check_command_prints_one_line_per_problem_and_exits_1(
    cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "agents.yaml").write_text(
        "- {id: a-front, code: ZZZREBAAA, name: A Front, country: ZZZ, sector: REB}\n"
        "- {id: a-front, code: SRBREBBBB, name: B Front, country: SRB, sector: REB}\n",
        "utf-8",
    )
    result = cli("check", "--dictionaries", str(tmp_path))
    assert result.exit_code == 1
    own = [line for line in result.output.splitlines() if str(tmp_path) in line]
    assert len(own) == 2
    assert any("duplicate id a-front" in line for line in own)
    assert any("unknown country code ZZZ" in line for line in own)


def test_check_coverage_lists_names_no_entry_covers(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "news.txt"
    corpus.write_text(
        "Officials of Freedonia met executives of Zorblax Corporation in Belgrade on "
        "Monday. Serbia's foreign minister welcomed the talks.\n",
        "utf-8",
    )
    result = cli("check", "--coverage", str(corpus), "--top", "5")
    assert result.exit_code == 0
    assert "Freedonia" in result.output
    assert "2 sentences read" in result.output
