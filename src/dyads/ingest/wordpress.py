"""WordPress REST API exports (``.json``): the list ``/wp-json/wp/v2/posts`` returns.

Many press offices run WordPress, and its REST API is the cleanest way to
take a whole archive: each post has ``title.rendered``, ``content.rendered``
(HTML), ``date``, ``link`` and ``guid``. Multilingual sites add the
language and the post's translations (see #3):

- Polylang: ``"lang": "en"`` and ``"translations": {"sq": 41205, "sr": 41206}``
  (post ids);
- WPML: ``"wpml_current_locale": "en_US"`` and ``"wpml_translations":
  [{"locale": "sq_AL", "id": 41205, "href": "https://..."}]``.

A post's id is its short link ``https://site/?p=41207`` (WordPress's own
``guid``): the WordPress post id prefixed with the site, and the guid the
site's RSS feed gives the same post. Translations are URLs: WPML's
``href``, or the short link of each Polylang translation id.

A JSON list of plain records (``{"id", "text", ...}``, as in JSON Lines) is
read too, so that any ``.json`` corpus has a reader.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from dyads.config import Settings
from dyads.ingest.clean import content_hash
from dyads.ingest.dates import parse_date
from dyads.ingest.markup import html_to_text, http_url
from dyads.ingest.readers import Item, Reader, read_decoded, readers
from dyads.ingest.records import document_from_record
from dyads.model import Document, Reason, Rejection

log = logging.getLogger("dyads.ingest")


def read_wordpress(source: str, settings: Settings) -> Iterator[Item]:
    """Read a JSON file holding a list of WordPress posts (or of plain records)."""
    text = read_decoded(source)
    if isinstance(text, Rejection):
        yield source, text
        return
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        detail = f"invalid JSON: {getattr(exc, 'msg', exc)}"
        if isinstance(exc, json.JSONDecodeError):
            detail += f" at line {exc.lineno} column {exc.colno}"
        yield source, Rejection(source, Reason.MALFORMED, detail, source)
        return
    if isinstance(data, dict) and ("content" in data or "text" in data):
        data = [data]  # one post saved alone
    if not isinstance(data, list):
        detail = "expected a JSON list of WordPress posts"
        if isinstance(data, dict) and "code" in data and "message" in data:
            detail += f", got the API error {data['code']!r}: {data['message']}"
        yield source, Rejection(source, Reason.MALFORMED, detail, source)
        return
    for number, post in enumerate(data, start=1):
        yield f"item {number}", _item(post, source, f"item {number}")


def _item(post: object, source: str, where: str) -> Document | Rejection:
    item_id = f"{source}:{where.removeprefix('item ')}"
    if not isinstance(post, dict):
        detail = f"{where}: expected a JSON object, got {type(post).__name__}"
        return Rejection(item_id, Reason.MALFORMED, detail, source)
    if "content" not in post and "text" in post:
        return document_from_record(post, source, where)
    content = _rendered(post.get("content"))
    if content is None:
        detail = f"{where}: not a WordPress post: no content.rendered"
        return Rejection(item_id, Reason.MALFORMED, detail, source)
    return document_from_post(post, content, source)


def document_from_post(post: Mapping[str, Any], content: str, source: str) -> Document:
    """A Document from one post of the REST API (content already unwrapped)."""
    text = html_to_text(content)
    link = http_url(post.get("link"))
    origin = _origin(link)
    guid = http_url(_rendered(post.get("guid")))
    post_id = post.get("id")
    if guid is None and origin and isinstance(post_id, int):
        guid = f"{origin}/?p={post_id}"
    lang = _language(post)
    date = parse_date(post.get("date"))
    if date is None and post.get("date"):
        log.warning("%s post %s: date %r does not parse", source, post_id, post["date"])
    return Document(
        id=guid or content_hash(text),
        text=text,
        date=date,
        url=link,
        title=html_to_text(_rendered(post.get("title")) or "").strip() or None,
        lang=lang,
        source=source,
        translations=_translations(post, origin, lang, post_id),
    )


def _rendered(field: object) -> str | None:
    """``{"rendered": "<p>..."}`` → the HTML; a plain string stays as it is."""
    if isinstance(field, dict):
        field = field.get("rendered")
    return field if isinstance(field, str) else None


def _language(post: Mapping[str, Any]) -> str | None:
    for key in ("lang", "wpml_current_locale", "language"):
        value = post.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip().replace("_", "-").split("-")[0].lower()
    return None


def _translations(
    post: Mapping[str, Any], origin: str | None, lang: str | None, post_id: object
) -> tuple[str, ...]:
    urls: list[str] = []
    wpml = post.get("wpml_translations")
    if isinstance(wpml, list):
        for version in wpml:
            if not isinstance(version, dict):
                continue
            href = http_url(version.get("href"))
            if href is None and origin and isinstance(version.get("id"), int):
                href = f"{origin}/?p={version['id']}"
            if href and version.get("id") != post_id:
                urls.append(href)
    polylang = post.get("translations")
    if isinstance(polylang, dict) and origin:
        for code, other_id in polylang.items():
            if code != lang and other_id != post_id and isinstance(other_id, int):
                urls.append(f"{origin}/?p={other_id}")
    return tuple(dict.fromkeys(urls))


def _origin(link: str | None) -> str | None:
    if not link:
        return None
    parts = urlsplit(link)
    return f"{parts.scheme}://{parts.netloc}"


readers.register("wordpress")(Reader("wordpress", (".json",), read_wordpress))
