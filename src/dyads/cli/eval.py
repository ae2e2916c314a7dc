"""`dyads eval GOLD.jsonl`: precision, recall and F1 against a gold file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rich.table import Table

    from dyads.evaluate import Score

from dyads.cli.options import (
    dictionaries_option,
    load_settings,
    model_option,
    settings_option,
)


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Where to write the JSON report [default: <gold name>.report.json here].",
)
@click.option(
    "--all-modalities",
    is_flag=True,
    help="Count negated, future, hypothetical and historical events too.",
)
@model_option
@dictionaries_option
@settings_option
def eval_(
    gold: str,
    report_path: str | None,
    all_modalities: bool,
    model: str | None,
    dictionaries: tuple[str, ...],
    settings_path: str | None,
) -> None:
    """Code every record of GOLD and score the events at root, code and exact level."""
    from rich.console import Console
    from rich.progress import Progress

    from dyads.evaluate import LEVELS, evaluate, read_gold
    from dyads.model import Modality
    from dyads.pipeline import Coder

    settings = load_settings(settings_path, model=model, dictionaries=dictionaries)
    records = list(read_gold(gold))
    coder = Coder(settings)
    modalities = (
        [m.value for m in Modality] if all_modalities else settings.include_modalities
    )
    console = Console(stderr=True)
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("coding gold records", total=len(records))

        def code_with_progress(documents):  # type: ignore[no-untyped-def]
            for result in coder.code_documents(documents):
                progress.advance(task)
                yield result

        report = evaluate(records, code_with_progress, modalities, gold_name=str(gold))
    out = Console()
    title = f"{Path(gold).name}: {report.records} records"
    out.print(_score_table(title, "level", [(lv, report.levels[lv]) for lv in LEVELS]))
    for lang, scores in sorted(report.by_lang.items()):
        s = scores["root"]
        out.print(
            f"language {lang}: root P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}"
        )
    title = "root level, per CAMEO root (gold root for TP/FN, coded root for FP)"
    out.print(_score_table(title, "root", sorted(report.by_root.items())))
    target = Path(report_path or f"{Path(gold).stem}.report.json")
    target.write_text(
        json.dumps(report.as_dict(), indent=1, ensure_ascii=False), "utf-8"
    )
    out.print(f"report written to {target}")


def _score_table(title: str, first: str, rows: list[tuple[str, Score]]) -> Table:
    """A rich table of precision, recall, F1 and counts, one row per name."""
    from rich.table import Table

    table = Table(title=title)
    for column in (first, "precision", "recall", "F1", "TP", "FP", "FN"):
        table.add_column(column, justify="left" if column == first else "right")
    for name, s in rows:
        table.add_row(
            name,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            str(s.tp),
            str(s.fp),
            str(s.fn),
        )
    return table
