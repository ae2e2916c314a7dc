"""markup: HTML fragments to text with paragraphs kept."""

from __future__ import annotations

from dyads.ingest.clean import normalise
from dyads.ingest.markup import html_to_text, http_url


def test_html_to_text_keeps_paragraphs_and_decodes_entities() -> None:
    html = "<p>NATO&#8217;s chief met<br>Osmani.</p><p>Talks&nbsp;went <b>well</b>.</p>"
    assert (
        normalise(html_to_text(html)) == "NATO’s chief met\nOsmani.\n\nTalks went well."
    )


def test_html_to_text_drops_scripts_and_styles() -> None:
    html = "<style>p{}</style><p>Text</p><script>var x = '<p>no</p>';</script>"
    assert normalise(html_to_text(html)) == "Text"


def test_html_to_text_survives_broken_markup() -> None:
    assert normalise(html_to_text("<p>Cut <b>off <i")) == "Cut off"
    assert normalise(html_to_text("<p>Inflation < 2%")) == "Inflation < 2%"


def test_html_to_text_leaves_plain_text_alone() -> None:
    assert html_to_text("No markup here") == "No markup here"


def test_http_url() -> None:
    assert http_url(" https://a.example/x ") == "https://a.example/x"
    assert http_url("tag:a.example,2023:/x") is None
    assert http_url(None) is None
