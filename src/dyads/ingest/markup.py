"""HTML fragments to plain text, for feed entries and WordPress posts.

Feeds and the WordPress REST API deliver an article's body as an HTML
fragment that is already the main text: it needs tags stripped, entities
decoded and paragraphs kept, not the boilerplate removal that trafilatura
does on whole pages (which drops short fragments as "not content"). The
standard library's parser is enough and forgives broken markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)
_CUT_TAG = re.compile(r"<[A-Za-z/!][^<>]*\Z")  # a tag cut off at the end
_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "iframe"})


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data.replace("\n", " "))


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment, one paragraph per block element.

    Whitespace is left for :func:`dyads.ingest.clean.normalise` to tidy.
    """
    if "<" not in fragment and "&" not in fragment:
        return fragment
    fragment = _CUT_TAG.sub("", fragment)
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts)


def http_url(value: object) -> str | None:
    """``value`` as an http(s) URL, or ``None`` (feeds put tag: URIs in links)."""
    text = str(value or "").strip()
    return text if text.startswith(("http://", "https://")) else None
