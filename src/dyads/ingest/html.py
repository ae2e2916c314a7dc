"""Saved web pages (``.html``, ``.htm``): main text, title, date and translations.

trafilatura finds the article in the page and leaves menus, footers and
"related posts" out; it also reads the title, the publication date and the
canonical URL from the page's metadata. Nothing is fetched: the page is read
from disk.

Press-release sites publish each release in several languages and link the
versions to each other (see #3): ``<link rel="alternate" hreflang=...>`` in
the head, WPML's "This post is also available in: SQ SR", Polylang's and
WPML's language switchers. Those links become ``Document.translations``, a
translation group the store uses to join the versions of one release.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from dyads.config import Settings
from dyads.ingest.clean import content_hash
from dyads.ingest.dates import parse_date
from dyads.ingest.readers import Item, Reader, read_decoded, readers
from dyads.model import Document, Reason, Rejection

# Elements that hold links to the same page in other languages: WPML
# (wpml-ls-*, icl_*), Polylang (lang-item, pll-*), and common theme names.
_SWITCHER_CLASSES = ("wpml-ls", "lang-item", "pll-", "language-switcher", "lang-switch")
_SWITCHERS = " | ".join(
    f"//*[contains(@class, '{name}')]//a/@href" for name in _SWITCHER_CLASSES
)
_ALSO_AVAILABLE = re.compile(r"also available in", re.IGNORECASE)
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


def read_html(source: str, settings: Settings) -> Iterator[Item]:
    """Read one saved page as one Document."""
    html = read_decoded(source)
    yield (
        source,
        html if isinstance(html, Rejection) else document_from_html(html, source),
    )


def document_from_html(html: str, source: str) -> Document | Rejection:
    """The main text and metadata of a page, or why it has none.

    Returns:
        A Document whose id is the page's canonical URL when it declares one,
        else the hash of its text; a ``malformed`` Rejection when the markup
        cannot be parsed at all, an ``empty`` one when no main text is found.
    """
    import trafilatura

    if not html.strip():
        return Rejection(source, Reason.EMPTY, "file is empty", source)
    tree = trafilatura.load_html(html)
    if tree is None:
        return Rejection(source, Reason.MALFORMED, "not an HTML page", source)
    lang = _page_language(tree)
    canonical = _canonical(tree)
    translations = _translations(tree, canonical)
    # bare_extraction prunes the tree it is given, so translations come first.
    extracted = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=_DATE_SEARCH,
    )
    text = getattr(extracted, "text", None) or ""
    if not text.strip():
        return Rejection(source, Reason.EMPTY, "no main text found in the page", source)
    url = canonical or getattr(extracted, "url", None) or None
    return Document(
        id=url or content_hash(text),
        text=text,
        date=parse_date(getattr(extracted, "date", None)),
        url=url,
        title=getattr(extracted, "title", None) or None,
        lang=lang,
        source=source,
        translations=translations,
    )


def _page_language(tree: Any) -> str | None:
    """``<html lang="en-US">`` → ``"en"``."""
    lang = str(tree.get("lang") or tree.get("xml:lang") or "").strip()
    return lang.split("-")[0].split("_")[0].lower() or None


def _canonical(tree: Any) -> str | None:
    for xpath in (
        "//link[@rel='canonical']/@href",
        "//meta[@property='og:url']/@content",
    ):
        values = [str(v).strip() for v in tree.xpath(xpath) if str(v).strip()]
        if values and urlsplit(values[0]).scheme in ("http", "https"):
            return values[0]
    return None


def _translations(tree: Any, canonical: str | None) -> tuple[str, ...]:
    """URLs of the same page in other languages, in page order, without the page."""
    hrefs: list[str] = []
    for link in tree.xpath("//link[@rel='alternate'][@hreflang]"):
        if link.get("hreflang", "").lower() != "x-default":
            hrefs.append(link.get("href", ""))
    hrefs += tree.xpath("//a[@hreflang]/@href")
    hrefs += tree.xpath(_SWITCHERS)
    for element in tree.xpath("//p | //div | //span | //section"):
        if _ALSO_AVAILABLE.search(element.text or ""):
            hrefs += element.xpath(".//a/@href")
    own = {_same(canonical)} if canonical else set()
    found: dict[str, None] = {}
    for href in hrefs:
        url = urljoin(canonical or "", str(href).strip())
        if urlsplit(url).scheme in ("http", "https") and _same(url) not in own:
            found.setdefault(url, None)
    return tuple(found)


def _same(url: str | None) -> str:
    """A URL compared loosely: without fragment and trailing slash."""
    return (url or "").split("#", 1)[0].rstrip("/")


readers.register("html")(Reader("html", (".html", ".htm", ".xhtml"), read_html))
