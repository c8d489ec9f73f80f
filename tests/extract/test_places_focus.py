"""A source's focus steers ambiguous names in the places stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.extract.places import PlacesStage
from eventcoder.model import Article, ArticleMeta
from eventcoder.resolve.focus import Focus, SourceProfile
from eventcoder.resources import nlp
from eventcoder.settings import Settings

TEXT = (Path(__file__).parent.parent / "fixtures" / "geo" / "paris-local.txt").read_text(
    encoding="utf-8")
PROFILE = SourceProfile({"courier.example": Focus("US", "Tennessee")})


@pytest.fixture(scope="module")
def doc():
    return nlp(Settings())(TEXT)


def places(doc, profile: SourceProfile | None, source: str | None):
    article = Article(ArticleMeta(id="paris", source=source), TEXT)
    return PlacesStage(Settings(), profile)(article, doc).places


def test_focus_picks_the_local_namesakes(doc):
    found = places(doc, PROFILE, "www.courier.example")
    assert {(p.span.text, p.admin1) for p in found} >= {("Paris", "Tennessee"),
                                                         ("Henry County", "Tennessee")}


def test_other_sources_keep_the_unfocused_reading(doc):
    found = places(doc, PROFILE, "elsewhere.example")
    assert found and all(p.admin1 != "Tennessee" for p in found)
    assert places(doc, None, "www.courier.example") == found
