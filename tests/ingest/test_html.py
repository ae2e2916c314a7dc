"""html: saved pages to main text, title, date, canonical id and translations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dyads.config import Settings
from dyads.ingest import read
from dyads.ingest.clean import content_hash
from dyads.ingest.html import document_from_html
from dyads.model import Document, Reason, Rejection

DATA = Path(__file__).parent.parent / "data"
SITE = "https://president-ksgov.example"


def test_read_press_release_page() -> None:
    (doc,) = read([DATA / "html/press-release.html"], Settings())
    assert isinstance(doc, Document)
    assert doc.id == f"{SITE}/en/president-osmani-received-the-ambassador-of-japan/"
    assert doc.url == doc.id
    assert doc.title == "President Osmani received the Ambassador of Japan"
    assert doc.date == dt.date(2023, 9, 12)
    assert doc.lang == "en"
    assert doc.text.startswith("Prishtina, 12 September 2023 – The President")
    assert "Japan would remain a reliable partner of Kosovo." in doc.text


def test_read_press_release_leaves_boilerplate_out() -> None:
    (doc,) = read([DATA / "html/press-release.html"], Settings())
    assert isinstance(doc, Document)
    for boilerplate in ("All rights reserved", "Decrees", "also available in", "Shqip"):
        assert boilerplate not in doc.text


def test_read_press_release_translation_group() -> None:
    (doc,) = read([DATA / "html/press-release.html"], Settings())
    assert isinstance(doc, Document)
    assert doc.translations == (
        f"{SITE}/presidentja-osmani-priti-ambasadorin-e-japonise/",
        f"{SITE}/sr/predsednica-osmani-primila-ambasadora-japana/",
    )


def test_read_truncated_page_keeps_what_is_there() -> None:
    (doc,) = read([DATA / "html/truncated.html"], Settings())
    assert isinstance(doc, Document)
    assert doc.text.startswith("Prishtina, 3 October 2023")
    assert doc.text.endswith("European Union, in partic")
    assert doc.translations == ()


def test_polylang_switcher_and_relative_links() -> None:
    body = (DATA / "texts/02-border-closure.txt").read_text("utf-8")
    html = f"""<html lang="en"><head><title>Crossings closed</title></head><body>
    <ul class="pll-switcher"><li class="lang-item lang-item-sq">
    <a lang="sq" href="/sq/kalimet-mbyllen/">Shqip</a></li>
    <li class="lang-item current-lang"><a lang="en" href="#">English</a></li>
    </ul><article><h1>Crossings closed</h1><p>{body}</p></article></body></html>"""
    doc = document_from_html(html, "page.html")
    assert isinstance(doc, Document)
    assert doc.id == content_hash(doc.text)  # no canonical link
    assert doc.translations == ()  # relative links need a canonical URL to resolve
    with_canonical = html.replace(
        "<title>",
        '<link rel="canonical" href="https://news.example/en/closed/"><title>',
    )
    doc = document_from_html(with_canonical, "page.html")
    assert isinstance(doc, Document)
    assert doc.translations == ("https://news.example/sq/kalimet-mbyllen/",)


def test_page_without_main_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "menu.htm"
    path.write_text("<html><body><nav><img src='logo.png'></nav><p> </p></body></html>")
    (rejection,) = read([path], Settings())
    assert isinstance(rejection, Rejection)
    assert rejection.reason is Reason.EMPTY


def test_garbage_page_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "garbage.html"
    path.write_bytes(b"<<<<>>>> \x01\x02")
    (rejection,) = read([path], Settings())
    assert isinstance(rejection, Rejection)
    assert rejection.reason in {Reason.EMPTY, Reason.MALFORMED}


def test_html_in_latin1_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.html"
    text = (DATA / "encodings/latin1.txt").read_bytes()
    path.write_bytes(
        b"<html><body><article><p>" + text + b"</p></article></body></html>"
    )
    (doc,) = read([path], Settings())
    assert isinstance(doc, Document)
    assert "Prishtinë" in doc.text and "Élysée" in doc.text
