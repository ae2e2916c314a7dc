"""`dyads eval GOLD.jsonl`: precision, recall and F1 against a gold file."""

from __future__ import annotations

import json
from pathlib import Path

import click

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
    from rich.table import Table

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
    table = Table(title=f"{Path(gold).name}: {report.records} records")
    for column in ("level", "precision", "recall", "F1", "TP", "FP", "FN"):
        table.add_column(column, justify="right" if column != "level" else "left")
    for level in LEVELS:
        s = report.levels[level]
        table.add_row(
            level,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            str(s.tp),
            str(s.fp),
            str(s.fn),
        )
    out.print(table)
    for lang, scores in sorted(report.by_lang.items()):
        s = scores["root"]
        out.print(
            f"language {lang}: root P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}"
        )
    roots = Table(
        title="root level, per CAMEO root (gold root for TP/FN, coded root for FP)"
    )
    for column in ("root", "precision", "recall", "F1", "TP", "FP", "FN"):
        roots.add_column(column, justify="right")
    for root, s in sorted(report.by_root.items()):
        roots.add_row(
            root,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            str(s.tp),
            str(s.fp),
            str(s.fn),
        )
    out.print(roots)
    target = Path(report_path or f"{Path(gold).stem}.report.json")
    target.write_text(
        json.dumps(report.as_dict(), indent=1, ensure_ascii=False), "utf-8"
    )
    out.print(f"report written to {target}")
