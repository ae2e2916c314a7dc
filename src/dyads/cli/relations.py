"""`dyads relations SOURCE [TARGET]`: a dyad's series over time, table or file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from dyads.cli.options import db_option, load_settings, settings_option

if TYPE_CHECKING:
    from rich.table import Table

    from dyads.aggregate import Relation

_FREQUENCIES = ("day", "week", "month", "quarter", "year")


@click.command("relations")
@click.argument("source")
@click.argument("target", required=False)
@click.option(
    "--freq",
    type=click.Choice(_FREQUENCIES),
    default="month",
    show_default=True,
    help="Period length.",
)
@click.option("--both", is_flag=True, help="Count events in both directions.")
@click.option("--since", default=None, help="First event date (YYYY-MM-DD).")
@click.option("--until", default=None, help="Last event date (YYYY-MM-DD).")
@click.option(
    "--modality",
    multiple=True,
    help="Modalities to count (repeatable) [default: the include_modalities setting].",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the series to .csv, .json or .png (a chart).",
)
@db_option
@settings_option
def relations(
    source: str,
    target: str | None,
    freq: str,
    both: bool,
    since: str | None,
    until: str | None,
    modality: tuple[str, ...],
    output: Path | None,
    db: str | None,
    settings_path: str | None,
) -> None:
    """How SOURCE acts towards TARGET (or everyone) per period, from the store.

    Actors are code prefixes: KSV matches KSVGOV and KSVCOP. Events are
    counted once however many reports mention them. The index runs from -1
    (all conflict) to +1 (all cooperation), shrunk towards 0 for few events,
    with a 95% interval; a shift is a period whose index leaves the previous
    period's interval (docs/relations.md).
    """
    from rich.console import Console

    from dyads.aggregate import relation
    from dyads.aggregate.output import write_relation
    from dyads.store import open_store

    settings = load_settings(settings_path, db=db)
    with open_store(settings.db, read_only=True) as store:
        found = relation(
            store,
            source,
            target,
            freq=freq,
            both=both,
            since=since,
            until=until,
            modality=modality or settings.include_modalities,
        )
    Console().print(relation_table(found))
    if output is not None:
        write_relation(found, output)
        Console(stderr=True).print(f"Wrote {output}")


def relation_table(found: Relation) -> Table:
    """A rich table of the periods that have events, shifts marked."""
    from rich import box
    from rich.table import Table

    total = found.total
    table = Table(
        title=f"{found.dyad.label} per {found.freq}: index {total.index:+.2f} "
        f"[{total.low:+.2f}, {total.high:+.2f}]",
        caption="Gold.: Goldstein mean per event; PLOVER: score sum. Empty periods are "
        "left out here, not in -o files.",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    widest = max((len(p.point.period) for p in found.points), default=6)
    for name in (
        "period",
        "events",
        "coop",
        "confl",
        "Gold.",
        "PLOVER",
        "index [95%] shift",
    ):
        table.add_column(
            name,
            justify="left" if name == "period" else "right",
            no_wrap=True,
            min_width=widest if name == "period" else len(name),
        )
    for point in found.points:
        p, b = point.point, point.balance
        if not p.events:
            continue
        mean = p.goldstein_mean
        table.add_row(
            p.period,
            str(p.events),
            str(p.cooperation),
            str(p.conflict),
            "" if mean is None else f"{mean:+.2f}",
            f"{p.plover_score_sum:.0f}",
            f"{b.index:+.2f} [{b.low:+.2f}, {b.high:+.2f}] "
            + {"up": "[green]▲[/]", "down": "[red]▼[/]"}.get(point.shift or "", " "),
        )
    return table
