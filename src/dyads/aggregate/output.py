"""Write a relation to a file: CSV or JSON rows, or a PNG chart (matplotlib).

The format follows the file's suffix, as ``dyads relations -o`` promises. The
chart draws the index with its interval, marks the shifts, and shows the
cooperative and conflictual counts underneath, like the dashboard's timeline.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from dyads.errors import ConfigError

from .relations import COLUMNS, Relation

FORMATS = (".csv", ".json", ".png")


def write_relation(found: Relation, path: str | Path) -> Path:
    """Write ``found`` to ``path`` as CSV, JSON or PNG, chosen by the suffix.

    Raises:
        ConfigError: the suffix is not one of .csv, .json, .png.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise ConfigError(
            f"Cannot write a relation to '{target.name}'; use a file ending in "
            f"{', '.join(FORMATS)}"
        )
    if suffix == ".csv":
        with target.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
            writer.writeheader()
            writer.writerows(found.rows())
    elif suffix == ".json":
        target.write_text(json.dumps(found.to_dict(), indent=2) + "\n", "utf-8")
    else:
        _chart(found, target)
    return target


def _chart(found: Relation, target: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    points = found.points
    xs = list(range(len(points)))
    labels = [p.point.period for p in points]
    figure, (top, bottom) = plt.subplots(
        2, 1, figsize=(10, 5.5), sharex=True, height_ratios=(2, 1)
    )
    try:
        top.fill_between(
            xs,
            [p.balance.low for p in points],
            [p.balance.high for p in points],
            color="#c7d7fe",
            alpha=0.6,
            label="95% interval",
        )
        active = [
            (x, p)
            for x, p in zip(xs, points, strict=True)
            if p.point.cooperation + p.point.conflict
        ]
        top.plot(
            [x for x, _ in active],
            [p.balance.index for _, p in active],
            color="#2f5bd3",
            marker="o",
            label="index",
        )
        for x, p in active:
            if p.shift:
                up = p.shift == "up"
                top.scatter(
                    [x],
                    [p.balance.index + (0.12 if up else -0.12)],
                    marker="^" if up else "v",
                    s=60,
                    color="#1f7a5a" if up else "#c2410c",
                    zorder=3,
                )
        top.axhline(0, color="#98a2b3", linestyle="--", linewidth=0.8)
        top.set_ylim(-1.05, 1.05)
        top.set_ylabel("cooperation - conflict")
        top.set_title(f"{found.dyad.label} per {found.freq}")
        top.legend(loc="lower left", fontsize=8)
        bottom.bar(
            xs,
            [p.point.cooperation for p in points],
            color="#1f7a5a",
            label="cooperative",
        )
        bottom.bar(
            xs,
            [-p.point.conflict for p in points],
            color="#c2410c",
            label="conflictual",
        )
        bottom.axhline(0, color="#98a2b3", linewidth=0.8)
        bottom.set_ylabel("events")
        bottom.legend(
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            ncols=2,
            fontsize=8,
            frameon=False,
        )
        step = max(1, len(xs) // 12)
        bottom.set_xticks(
            xs[::step], labels[::step], rotation=45, ha="right", fontsize=8
        )
        figure.tight_layout()
        figure.savefig(target, dpi=110)
    finally:
        plt.close(figure)
