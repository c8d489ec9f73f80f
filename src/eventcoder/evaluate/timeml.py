"""Score the ``dates`` stage against TimeML (TempEval-3 TimeBank) gold files.

Each ``.tml`` file gives the document creation time in ``<DCT><TIMEX3 value=...>``
and the text inside ``<TEXT>`` with ``<TIMEX3>`` (and other) tags. Offsets are
computed on the text with every tag removed and entities unescaped. Only gold
``TIMEX3 type="DATE"`` expressions are scored; on our side, predictions whose
value is a duration (``P..``) or a time of day (``..T..``) are not DATEs and are
left out of the precision count.

Figures (all precision/recall/F1):

- ``relaxed``: a prediction is right when it overlaps a gold DATE;
- ``strict``: when its offsets equal a gold DATE's;
- ``value``: when it overlaps a gold DATE and its value equals the gold value.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventcoder.errors import InputError
from eventcoder.model import Article, ArticleMeta, TimeExpr
from eventcoder.settings import Settings

log = logging.getLogger(__name__)

TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')
NOT_DATE = re.compile(r"P[\dTX]|[\dX]{4}-[\dX]{2}-[\dX]{2}T")  # a duration, a time of day


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3 with its offsets in the tag-free text."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimemlDoc:
    """A TimeML document: id, creation date, tag-free text and its TIMEX3s."""

    id: str
    dct: date | None
    text: str
    timexes: tuple[GoldTimex, ...]

    @property
    def dates(self) -> list[GoldTimex]:
        """The gold expressions of type DATE (the ones scored)."""
        return [t for t in self.timexes if t.type == "DATE"]


def read_tml(path: Path) -> TimemlDoc:
    """Parse one ``.tml`` file; raise :class:`InputError` when it has no ``<TEXT>``."""
    raw = path.read_text(encoding="utf-8")
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    if body is None:
        raise InputError("malformed", f"{path} has no <TEXT> element: is it a TimeML file?")
    text, timexes = strip_tags(body.group(1))
    return TimemlDoc(path.stem, _dct(raw), text, tuple(timexes))


def _dct(raw: str) -> date | None:
    match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    value = dict(ATTR.findall(match.group(1))).get("value", "") if match else ""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def strip_tags(marked: str) -> tuple[str, list[GoldTimex]]:
    """Return ``marked`` without tags and the TIMEX3s with offsets into that text."""
    pieces: list[str] = []
    length, open_timex, timexes = 0, None, []
    position = 0
    for tag in TAG.finditer(marked):
        piece = html.unescape(marked[position:tag.start()])
        pieces.append(piece)
        length += len(piece)
        position = tag.end()
        closing, name = tag.group(1) == "/", tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(pieces)
            timexes.append(GoldTimex(start, length, text[start:length],
                                     attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    pieces.append(html.unescape(marked[position:]))
    return "".join(pieces), timexes


def read_folder(folder: Path) -> list[TimemlDoc]:
    """Read every ``*.tml`` file of ``folder`` (sorted by name)."""
    paths = sorted(folder.glob("*.tml"))
    if not paths:
        raise InputError("empty", f"no .tml files in {folder}: point at a TimeBank folder")
    return [read_tml(p) for p in paths]


def predict(docs: list[TimemlDoc], settings: Settings) -> Iterator[tuple[TimemlDoc, Article]]:
    """Run the spaCy pipeline and the ``dates`` stage over ``docs``."""
    from eventcoder.extract.dates import Dates
    from eventcoder.resources import nlp

    stage = Dates(settings)
    articles = [Article(ArticleMeta(d.id, published=d.dct), d.text) for d in docs]
    pairs = zip(articles, docs, strict=True)
    texts = ((a.text, (a, d)) for a, d in pairs)
    for parsed, (article, doc) in nlp(settings).pipe(texts, as_tuples=True,
                                                        batch_size=settings.batch_size):
        yield doc, stage(article, parsed)


def is_date(expr: TimeExpr) -> bool:
    """Whether we would label ``expr`` a TimeML DATE (not a duration, not a time of day)."""
    return expr.value is None or not NOT_DATE.match(expr.value)


@dataclass
class Tally:
    """Counts behind one precision/recall/F1 figure."""

    right_predicted: int = 0
    predicted: int = 0
    found_gold: int = 0
    gold: int = 0

    def scores(self) -> dict[str, float]:
        """Precision, recall and F1 (0 when undefined)."""
        p = self.right_predicted / self.predicted if self.predicted else 0.0
        r = self.found_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


Matcher = Callable[[TimeExpr, GoldTimex], bool]
MATCHERS: dict[str, Matcher] = {
    "relaxed": lambda p, g: _overlap((p.span.start, p.span.end), (g.start, g.end)),
    "strict": lambda p, g: (p.span.start, p.span.end) == (g.start, g.end),
    "value": lambda p, g: _overlap((p.span.start, p.span.end), (g.start, g.end))
    and p.value == g.value,
}


def score(pairs: Iterable[tuple[TimemlDoc, Article]]) -> dict:
    """Tally relaxed, strict and value matches of predicted against gold DATEs."""
    tallies = {name: Tally() for name in MATCHERS}
    misses: list[dict] = []
    for doc, article in pairs:
        predicted = [e for e in article.dates if is_date(e)]
        for name, same in MATCHERS.items():
            _tally(tallies[name], predicted, doc.dates, same)
        misses += _misses(doc, predicted)
    report = {name: t.scores() for name, t in tallies.items()}
    report["counts"] = {"gold": tallies["value"].gold, "predicted": tallies["value"].predicted}
    report["misses"] = misses
    return report


def _tally(tally: Tally, predicted: list[TimeExpr], gold: list[GoldTimex], same: Matcher) -> None:
    tally.predicted += len(predicted)
    tally.gold += len(gold)
    tally.right_predicted += sum(any(same(p, g) for g in gold) for p in predicted)
    tally.found_gold += sum(any(same(p, g) for p in predicted) for g in gold)


def _misses(doc: TimemlDoc, predicted: list[TimeExpr]) -> list[dict]:
    """Gold DATEs without a right value, for reading errors (not for tuning)."""
    out = []
    for g in doc.dates:
        near = [p for p in predicted if MATCHERS["relaxed"](p, g)]
        if not any(p.value == g.value for p in near):
            out.append({"doc": doc.id, "gold": g.text, "value": g.value,
                        "predicted": [(p.span.text, p.value) for p in near]})
    return out


def evaluate_timeml(folder: Path, settings: Settings) -> dict:
    """Run the ``dates`` stage over the TimeML files in ``folder`` and score DATE expressions.

    Returns ``{"relaxed": {...}, "strict": {...}, "value": {...}, "counts": {...},
    "misses": [...]}`` where each score is ``{"precision", "recall", "f1"}``.
    """
    docs = read_folder(Path(folder))
    log.info("scoring %d TimeML documents from %s", len(docs), folder)
    return score(predict(docs, settings))
