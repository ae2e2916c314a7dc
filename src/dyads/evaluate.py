"""Score coded events against a gold file: precision, recall and F1 at three levels.

The gold format is the common one in ``shared/eval/README.md``: one record per
line with ``text``, ``date`` and ``expected`` events (``source``, ``target``,
``code``, ``plover``). Events are matched one to one within a record, at

1. ``root``: actor roots (country, or IGO/NGO + organisation) and the two-digit
   CAMEO root (the PLOVER type where the gold gives no CAMEO code);
2. ``code``: as root, with the full CAMEO code;
3. ``exact``: full actor codes and the full CAMEO code.

Organisation actors compare on their first three letters because some gold
files write every IGO as plain ``IGO``. Only events whose modality is in
``Settings.include_modalities`` count, as in every other output.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyads.errors import EvalError
from dyads.model import Coded, Document, Event

LEVELS = ("root", "code", "exact")


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    date: dt.date | None
    lang: str
    expected: tuple[dict[str, Any], ...]


@dataclass
class Score:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Report:
    """Scores per level, per language and per CAMEO root, plus per-record details."""

    gold: str
    records: int = 0
    levels: dict[str, Score] = field(
        default_factory=lambda: {lv: Score() for lv in LEVELS}
    )
    by_lang: dict[str, dict[str, Score]] = field(default_factory=dict)
    by_root: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    details: list[dict[str, Any]] = field(default_factory=list)
    rejected: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "records": self.records,
            "rejected": dict(self.rejected),
            "levels": {lv: s.as_dict() for lv, s in self.levels.items()},
            "by_lang": {
                lang: {lv: s.as_dict() for lv, s in scores.items()}
                for lang, scores in sorted(self.by_lang.items())
            },
            "by_root": {root: s.as_dict() for root, s in sorted(self.by_root.items())},
            "details": self.details,
        }


def read_gold(path: str | Path) -> Iterator[GoldRecord]:
    """Records of a gold file; records marked ``evaluate: false`` are skipped."""
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"Cannot read gold file {path}: {exc}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            if raw.get("evaluate") is False:
                continue
            yield GoldRecord(
                id=str(raw.get("id") or f"line-{number}"),
                text=str(raw["text"]),
                date=_date(raw.get("date")),
                lang=str(raw.get("lang") or "en"),
                expected=tuple(raw.get("expected") or ()),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise EvalError(
                f"Gold file {path}, line {number}: not a gold record ({exc})"
            ) from None


def evaluate(
    records: Iterable[GoldRecord],
    code_documents: Callable[[Iterable[Document]], Iterator[Any]],
    modalities: Iterable[str] = ("asserted",),
    gold_name: str = "gold",
) -> Report:
    """Code every gold record and score the events against its ``expected`` list."""
    wanted = set(modalities)
    records = list(records)
    documents = [
        Document(id=r.id, text=r.text, date=r.date, lang=r.lang) for r in records
    ]
    report = Report(gold=gold_name)
    for record, result in zip(records, code_documents(documents), strict=True):
        report.records += 1
        if isinstance(result, Coded):
            events = [e for e in result.events if e.modality.value in wanted]
        else:
            report.rejected[result.reason.value] += 1
            events = []
        _score_record(report, record, events)
    return report


def _score_record(report: Report, record: GoldRecord, events: list[Event]) -> None:
    lang_scores = report.by_lang.setdefault(record.lang, {lv: Score() for lv in LEVELS})
    detail: dict[str, Any] = {"id": record.id, "matched": {}}
    for level in LEVELS:
        remaining = list(events)
        tp_roots: list[str] = []
        fn_roots: list[str] = []
        for gold in record.expected:
            hit = next((e for e in remaining if _matches(gold, e, level)), None)
            if hit is not None:
                remaining.remove(hit)
                tp_roots.append(_gold_root(gold))
            else:
                fn_roots.append(_gold_root(gold))
        for score in (report.levels[level], lang_scores[level]):
            score.tp += len(tp_roots)
            score.fp += len(remaining)
            score.fn += len(fn_roots)
        if level == "root":
            for root in tp_roots:
                report.by_root[root].tp += 1
            for root in fn_roots:
                report.by_root[root].fn += 1
            for event in remaining:
                report.by_root[event.root].fp += 1
        detail["matched"][level] = len(tp_roots)
    detail["expected"] = [
        f"{g.get('source')}>{g.get('target')}:{g.get('code') or g.get('plover')}"
        for g in record.expected
    ]
    detail["coded"] = [
        f"{e.source.actor.code}>{e.target.actor.code if e.target else '-'}:{e.code}"
        for e in events
    ]
    report.details.append(detail)


def _actor_root(code: str | None) -> str:
    return (code or "---")[:3].upper()


def _gold_root(gold: dict[str, Any]) -> str:
    code = gold.get("code")
    return str(code)[:2] if code else str(gold.get("plover") or "?")


def _matches(gold: dict[str, Any], event: Event, level: str) -> bool:
    """Whether ``event`` codes the gold event at ``level``."""
    source = str(gold.get("source") or "---")
    target = str(gold.get("target") or "---")
    event_target = event.target.actor.code if event.target else "---"
    if level == "exact":
        actors_ok = (source, target) == (event.source.actor.code, event_target)
    else:
        actors_ok = (_actor_root(source), _actor_root(target)) == (
            _actor_root(event.source.actor.code),
            _actor_root(event_target),
        )
    if not actors_ok:
        return False
    code = gold.get("code")
    if not code:
        return str(gold.get("plover") or "").upper() == event.plover.upper()
    return event.root == str(code)[:2] if level == "root" else event.code == str(code)


def _date(value: object) -> dt.date | None:
    if not value:
        return None
    text = str(value)
    if len(text) == 8 and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return dt.date.fromisoformat(text[:10])
