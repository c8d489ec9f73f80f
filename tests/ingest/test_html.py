"""HTML pages through trafilatura, with the lxml fallback."""

from __future__ import annotations

from datetime import date

import trafilatura

from eventcoder.ingest import article_from_html
from eventcoder.ingest.html import html_to_text, read_html_file


def test_news_page_main_text_title_and_date(fixtures, settings):
    article = read_html_file(fixtures / "almaty-protests.html", settings)
    assert article.rejected is None
    assert article.meta.title == "Police disperse fuel-price protest in Almaty"
    assert article.meta.published == date(2022, 1, 5)
    assert article.meta.source == "Steppe Daily"
    assert article.meta.url.startswith("https://steppedaily.example/asia/2022/01/05/")
    assert "Police in Almaty used stun grenades and tear gas" in article.text
    assert "near-total blackout across Kazakhstan" in article.text
    for boilerplate in ("cookies", "Subscribe", "Most read", "All rights reserved", "dataLayer"):
        assert boilerplate not in article.text


def test_page_without_text_is_malformed(fixtures, settings):
    article = read_html_file(fixtures / "no-text.html", settings)
    assert article.rejected.reason == "malformed"
    assert "no extractable text" in article.rejected.detail
    assert "JavaScript" not in article.rejected.detail


def test_falls_back_to_visible_text_when_trafilatura_finds_nothing(monkeypatch, settings):
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    html = (
        "<html><body><nav>Home</nav><div>Protesters set fire to the mayor's office in "
        "Shymkent on Wednesday.<br>Police made no arrests.</div></body></html>"
    )
    article = article_from_html(html, settings, origin="inline")
    assert article.rejected is None
    assert article.text == (
        "Home\n\nProtesters set fire to the mayor's office in Shymkent on Wednesday."
        "\n\nPolice made no arrests."
    )
    assert article.meta.published is None


def test_html_to_text_blocks_and_entities():
    html = "<p>One &amp; two</p><script>var x;</script><ul><li>three</li><li>four</li></ul>tail"
    assert html_to_text(html) == "One & two\n\nthree\n\nfour\n\ntail"


def test_html_to_text_of_plain_text_and_nothing():
    assert html_to_text("Plain words, no markup.") == "Plain words, no markup."
    assert html_to_text("   ") == ""
    assert html_to_text("<p><!-- nothing --></p>") == ""


def test_page_without_a_date_has_no_published_date(settings):
    sentence = "Security forces clashed with protesters in Taraz on Thursday, officials said. "
    html = (
        "<html><head><title>Clashes in Taraz</title></head><body><article>"
        f"<p>{sentence * 3}</p></article></body></html>"
    )
    article = article_from_html(html, settings, origin="inline")
    assert article.rejected is None
    assert article.meta.title == "Clashes in Taraz"
    assert article.meta.published is None  # never today's date
