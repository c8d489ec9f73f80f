"""RSS 2.0, Atom and broken feeds."""

from __future__ import annotations

import shutil
from datetime import date

from eventcoder.ingest import iter_articles
from eventcoder.ingest.feeds import is_feed, read_feed, read_feed_file, xml_root


def test_rss_entries(fixtures, settings):
    articles = list(read_feed_file(fixtures / "world-news.rss", settings))
    assert [a.meta.title for a in articles] == [
        "Troops deployed after airport seized in Almaty",
        "Kyrgyz parliament approves troop contribution",
        "Markets brace for uranium supply shock",
    ]
    assert all(a.rejected is None for a in articles)
    assert {a.meta.source for a in articles} == {"Caspian Wire: World"}
    first = articles[0]
    assert first.meta.url == "https://caspianwire.example/world/almaty-airport"
    assert first.text.startswith("Protesters seized the airport in Almaty on Wednesday")
    assert "\n\nTroops from the Collective Security Treaty Organization" in first.text
    assert "terrorist gangs" in first.text and "<em>" not in first.text
    assert "Short summary" not in first.text  # full content wins over the summary


def test_rss_dates_keep_the_publishers_day(fixtures, settings):
    articles = list(read_feed_file(fixtures / "world-news.rss", settings))
    # 01:30 +0600 on 7 January is still 6 January in UTC: the local day is kept.
    assert [a.meta.published for a in articles] == [date(2022, 1, 6), date(2022, 1, 7), None]


def test_atom_entries(fixtures, settings):
    first, second = read_feed_file(fixtures / "region.atom", settings)
    assert first.meta.title == "Former security chief detained on treason charges"
    assert first.meta.published == date(2022, 1, 8)
    assert first.meta.source == "Central Asia Monitor"
    assert first.text.endswith("He had been dismissed by President Tokayev on Wednesday.")
    assert second.meta.published == date(2022, 1, 7)  # from <updated>, no <published>
    assert second.text.startswith("Residents of Almaty regained limited access")


def test_broken_feed_is_malformed(fixtures, settings):
    articles = list(read_feed_file(fixtures / "broken-feed.rss", settings))
    assert [a.rejected.reason for a in articles] == ["malformed"]
    assert "not well-formed" in articles[0].rejected.detail


def test_document_that_is_not_a_feed(settings):
    (article,) = read_feed(b"<html><body>hello</body></html>", settings, origin="x")
    assert article.rejected.reason == "malformed"


def test_feed_without_entries_is_empty(settings):
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
    (article,) = read_feed(data, settings, origin="quiet.rss")
    assert article.rejected.reason == "empty"
    assert "no entries" in article.rejected.detail


def test_sniffing_the_root():
    assert xml_root(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">') == "rss"
    assert xml_root(b"<rdf:RDF xmlns:rdf='x'>") == "rdf"
    assert is_feed(b'<feed xmlns="http://www.w3.org/2005/Atom">')
    assert not is_feed(b"<urlset>")
    assert xml_root(b"Plain text, no markup") is None


def test_feeds_found_by_content(fixtures, tmp_path, settings):
    shutil.copy(fixtures / "world-news.rss", tmp_path / "headlines")
    shutil.copy(fixtures / "region-atom.xml", tmp_path / "region.xml")
    shutil.copy(fixtures / "sitemap.xml", tmp_path / "sitemap.xml")
    articles = list(iter_articles([tmp_path], settings))
    assert [a.meta.origin.rsplit("/", 1)[-1] for a in articles] == [
        "headlines#0", "headlines#1", "headlines#2", "region.xml#0", "region.xml#1", "sitemap.xml",
    ]  # fmt: skip
    assert articles[-1].rejected.reason == "malformed"
    assert "<urlset>" in articles[-1].rejected.detail
