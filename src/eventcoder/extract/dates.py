"""The ``dates`` stage: temporal expressions found in the text and normalised.

Candidates come from spaCy's DATE entities (and TIME entities that name a day,
"Tuesday night"), plus regular expressions for what the small model misses
("Two days ago", "the third quarter", "now"). Every candidate is read by
:func:`eventcoder.extract.timenorm.normalise` against the publication date, with
the tense of the governing verb as a hint; overlapping candidates are settled
in favour of the one that resolves, then the longer one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar

from eventcoder.extract.timenorm import (
    Norm,
    day_norm,
    half_norm,
    month_norm,
    normalise,
    quarter_norm,
    year_norm,
)
from eventcoder.model import Article, Span, TimeExpr
from eventcoder.pipeline import Stage, register

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

log = logging.getLogger(__name__)

UNREAD = "the expression could not be normalised"
PLAN_WORDS = {"schedule", "set", "expect", "plan", "due", "intend", "be", "agree", "promise",
              "prepare", "likely", "decide", "aim", "vow", "pledge", "poise"}
ENDPOINT_WORDS = {"until", "till", "through", "effective"}
FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d"}
DAY_WORDS = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun|to|yester)day\b|\btomorrow\b|\btonight\b|"
    r"\bovernight\b|\blast night\b", re.IGNORECASE)
LEADING_WORDS = re.compile(
    r"^(?:(?:on|in|at|by|during|since|until|till|from|of|for|as of|before|after|around|"
    r"about|through|throughout|within|over|between)\s+)+", re.IGNORECASE)
TRAILING_WORDS = re.compile(r"(?:'s|\s+(?:and|or|to|-))+$", re.IGNORECASE)

_NUM = (r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"fifteen|twenty|thirty|forty|fifty|a couple of|a few|several|many)")
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_MON_SAFE = (r"(?:January|February|April|June|July|August|September|October|November|"
             r"December)")  # "March" and "May" are also common words
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_POD = r"(?:\s(?:morning|afternoon|evening|night))?"
_ORD = r"(?:first|second|third|fourth)"
CANDIDATES = re.compile("|".join(f"(?:{p})" for p in (
    rf"\b(?:(?:nearly|almost|about|some|more than) )?{_NUM} (?:days?|weeks?|months?|years?|"
    r"decades?) (?:ago|earlier|from now)\b",
    rf"\b(?:(?:last|this|next|this past|this coming) )?{_WD}(?:'s)?{_POD}\b",
    rf"\b(?:{_WD},? )?{_MON} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MON}(?:,? \d{{4}})?\b",
    rf"\b{_MON} \d{{4}}\b",
    rf"\b(?:last|this|next|early|late|mid-)\s?(?:{_MON}|March|May)\b",
    rf"\b(?:in|since|until|by|during) {_MON_SAFE}\b",
    rf"\b(?:today|tonight|yesterday|tomorrow)(?:{_POD})?\b|\bovernight\b|\blast night\b",
    r"\b(?:this|earlier this|later this) (?:morning|afternoon|evening)\b",
    r"\b(?:(?:early|late) )?(?:last|this|next|earlier this|later this) (?:week|month|year|"
    r"quarter|weekend|spring|summer|fall|autumn|winter)\b",
    r"\b(?:a|one) (?:day|week|month|year) (?:ago|earlier)\b",
    rf"\b(?:the )?(?:(?:year-earlier|year-ago|latest|current|previous|same) )?(?:fiscal[- ])?"
    rf"{_ORD}[- ](?:fiscal[- ])?(?:quarter|half)\b",
    r"\b(?i:the) (?:(?:latest|current|year-earlier|year-ago|previous) )?(?:quarter|period)\b(?!-)",
    rf"\b{_MON}(?: of)? (?:this|last|next) year\b",
    r"\b(?:nineteen|two thousand)[- ](?:[a-z]+)(?:-[a-z]+)?\b",
    r"\b(?:in|since|until|by|during|from|before|after|of|for) (?:(?:the )?fiscal |"
    r"(?:early|mid-|late) ?)?(?:1[89]|20)\d{2}\b(?![-/,]\d)",
    r"\bthe (?:19|20)\d0s\b|\bthe '\d0s\b",
    r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b|\b(?:19|20)\d{2}-[01]\d-[0-3]\d\b",
    r"\b(?i:now|currently|recently|soon|nowadays)\b",
    r"\bthe (?:near|short|long|longer) term\b|\bthe near future\b",
    r"\b(?i:the )?(?:year[- ]end|year's end)\b",
    r"\b(?i:the )(?:(?:current|full) (?:fiscal |calendar )?|fiscal |calendar )year\b"
    r"(?! end(?:ed|ing))",
    r"\b(?i:this|last|next) (?:week|month|year|quarter|weekend)\b",
    r"\bthe (?:19|20)\d{2}(?: (?:first|second|third|fourth))?[- ](?:quarter|half|period)\b",
    r"\b(?:the )?first two quarters of (?:19|20)\d{2}\b",
    r"\b(?:the )?(?:early|mid-|late) ?(?:19|20)\d0s\b|\bthe (?:twen|thir|for|fif|six|seven|"
    r"eigh|nine)ties\b",
    r"(?<![$\d.,])\b(?:19|20)\d{2}\b(?![-/.,]?\d|%| percent)",
    r"\bthe (?:past|future)\b(?! (?:[\w-]+ ){0,2}(?:days?|weeks?|months?|quarters?|years?|"
    r"decades?|springs?|summers?|autumns?|falls?|winters?)\b)",
    r"\brecent (?:years|months|weeks|days)\b|\b(?:coming|future) quarters\b",
    r"\b(?:the )?\d{1,2}(?:st|nd|rd|th) century\b",
    r"\b(?i:that|the same|the following|the preceding) (?:year|month)\b",
    r"\b(?:earlier|later) in the (?:year|day)\b",
    r"\b(?i:the) year\b(?!-| end(?:ed|ing)| two thousand|'s end| (?:before|after|earlier|later|"
    r"ago)\b)",
    r"\b(?i:the) (?:corresponding|comparable|same) (?:period|quarter)(?: of)? (?:a year "
    r"(?:ago|earlier)|last year)\b|\b(?i:last) year's (?:quarter|period)\b",
    rf"\b(?:\d{{1,2}}(?::\d\d)? ?[ap]\.m\.|noon|midnight|mid-?(?:morning|afternoon))"
    rf"(?: [ECMP][SD]T| GMT)?,? (?:on )?(?:{_WD}|{_MON} \d{{1,2}}\b(?:,? \d{{4}})?|today|"
    rf"tomorrow|yesterday)\b",
    rf"\b(?:this|last|next) year's {_ORD}[- ](?:quarter|half)\b",
    r"\b(?:the )?(?:spring|summer|autumn|winter) (?:of )?(?:1[89]|20)\d{2}\b",
)))


@register
class Dates(Stage):
    """Find temporal expressions and normalise them against the publication date."""

    name: ClassVar[str] = "dates"
    reads: ClassVar[tuple[str, ...]] = ("text",)
    adds: ClassVar[tuple[str, ...]] = ("dates",)

    def __call__(self, article: Article, doc: Doc) -> Article:
        return article.with_(dates=find_dates(article, doc))


def find_dates(article: Article, doc: Doc) -> tuple[TimeExpr, ...]:
    """Return the article's temporal expressions, sorted by offset, without overlaps."""
    anchor = article.meta.published
    found = [expr for start, end in candidates(doc)
             if (expr := read(article, doc, start, end, anchor)) is not None]
    ordered = sorted(choose(found), key=lambda e: e.span.start)
    return tuple(resolve_anaphora(same_period_a_year_before(ordered)))


YEAR_BEFORE = re.compile(
    r"(?:an?|one) year (?:ago|earlier|before)|year-(?:earlier|ago)|(?:the )?(?:(?:corresponding|"
    r"comparable|same) )?(?:period|quarter)(?: of)? (?:a year (?:ago|earlier)|last year)|"
    r"last year's (?:quarter|period)", re.IGNORECASE)
THE_PERIOD = re.compile(r"(?:the|that) (?:(?:same|comparable) )?(?:quarter|period)",
                        re.IGNORECASE)  # anaphoric: the quarter last named in the text
YEAR_PERIOD = re.compile(r"the ((?:19|20)\d\d) (?:quarter|period)", re.IGNORECASE)
QUARTER = re.compile(r"(\d{4})-(Q[1-4]|H[12])$")
PERIOD_REACH = 600  # characters back in which a quarter sets the compared period


def same_period_a_year_before(exprs: list[TimeExpr]) -> list[TimeExpr]:
    """Read "a year ago" after a quarter as that quarter a year before (TimeML practice).

    In results reporting ("profit rose in the third quarter from $5 million a year
    earlier") the comparison is with the same period, not the whole previous year.
    "The quarter" / "the period" after a named quarter is that quarter (anaphora).
    """
    out: list[TimeExpr] = []
    for expr in exprs:
        quarter = _quarter_in_reach(out, expr)
        if quarter and YEAR_BEFORE.fullmatch(expr.span.text):
            year, part = QUARTER.match(quarter.value).groups()
            expr = _a_year_before(expr, int(year), part)
        elif quarter and THE_PERIOD.fullmatch(expr.span.text):
            expr = TimeExpr(expr.span, quarter.value, quarter.precision, quarter.first,
                            quarter.last)
        elif quarter and (year := YEAR_PERIOD.fullmatch(expr.span.text)):
            part = QUARTER.match(quarter.value).group(2)  # "the 1988 period": same quarter
            expr = _a_year_before(expr, int(year.group(1)) + 1, part)
        out.append(expr)
    return out


def _quarter_in_reach(before: list[TimeExpr], expr: TimeExpr) -> TimeExpr | None:
    """The latest quarter or half named before ``expr`` (not a year-before comparison)."""
    return next((q for q in reversed(before) if q.value and QUARTER.match(q.value)
                 and not YEAR_BEFORE.search(q.span.text)
                 and expr.span.start - q.span.end < PERIOD_REACH), None)


def _a_year_before(expr: TimeExpr, year: int, part: str) -> TimeExpr:
    number = int(part[1])
    norm = quarter_norm(year - 1, number) if part[0] == "Q" else half_norm(year - 1, number)
    return to_expr(expr.span, norm)


ANAPHOR = re.compile(r"(that|the same|the following|the next|the preceding|the previous|"
                     r"the prior) (year|month|day)", re.IGNORECASE)
ANAPHOR_STEP = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the preceding": -1,
                "the previous": -1, "the prior": -1}
REFERENCE = {  # values that can serve as the reference time of an anaphor of each unit
    "year": re.compile(r"(\d{4})(?:$|-)"),
    "month": re.compile(r"(\d{4})-(\d{2})(?:$|-\d{2})"),
    "day": re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
}
ANAPHOR_REACH = 1000  # characters back in which a date can be the reference time


def resolve_anaphora(exprs: list[TimeExpr]) -> list[TimeExpr]:
    """Read "that year", "the following month", "the same day" against the reference time.

    TimeML resolves anaphoric expressions against the time last talked about, not
    the publication date: "On May 22, 1995, ... the following year" is 1996. The
    reference is the latest earlier expression at that unit or finer; without one
    the reading against the publication date stands.
    """
    out: list[TimeExpr] = []
    for expr in exprs:
        anaphor = ANAPHOR.fullmatch(expr.span.text)
        reference = _reference(out, expr, anaphor.group(2).lower()) if anaphor else None
        if anaphor and reference:
            step = ANAPHOR_STEP[anaphor.group(1).lower()]
            expr = to_expr(expr.span, _step_from(reference, anaphor.group(2).lower(), step))
        out.append(expr)
    return out


def _reference(before: list[TimeExpr], expr: TimeExpr, unit: str) -> re.Match | None:
    """The value of the latest expression before ``expr`` that names a ``unit`` (or finer)."""
    for earlier in reversed(before):
        if expr.span.start - earlier.span.end > ANAPHOR_REACH:
            return None
        found = REFERENCE[unit].match(earlier.value or "")
        if found:
            return found
    return None


def _step_from(reference: re.Match, unit: str, step: int) -> Norm:
    numbers = [int(n) for n in reference.groups()]
    if unit == "year":
        return year_norm(numbers[0] + step)
    if unit == "month":
        index = numbers[0] * 12 + numbers[1] - 1 + step
        return month_norm(index // 12, index % 12 + 1)
    return day_norm(date(*numbers) + timedelta(days=step))


def time_for_sentence(article: Article, sentence: Span) -> list[TimeExpr]:
    """Return the article's temporal expressions that lie inside ``sentence``."""
    return [e for e in article.dates
            if e.span.start >= sentence.start and e.span.end <= sentence.end]


def candidates(doc: Doc) -> list[tuple[int, int]]:
    """Character extents of spaCy DATE/TIME entities and of the regex rules, trimmed."""
    spans = [(ent.start_char, ent.end_char) for ent in doc.ents
             if ent.label_ == "DATE" or (ent.label_ == "TIME" and DAY_WORDS.search(ent.text))]
    text = doc.text  # spaCy rebuilds Doc.text on every access
    spans += [(m.start(), m.end()) for m in CANDIDATES.finditer(text)]
    trimmed = {trim(text, start, end) for start, end in spans}
    return sorted(s for s in trimmed if s[1] > s[0])


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``text[start:end]`` to a TimeML extent: no leading prepositions or trailing 's."""
    piece = text[start:end]
    lead = LEADING_WORDS.match(piece)
    if lead:
        start += lead.end()
    tail = TRAILING_WORDS.search(text[start:end])
    if tail:
        end = start + tail.start()
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


def read(article: Article, doc: Doc, start: int, end: int, anchor: date | None) -> TimeExpr | None:
    """Normalise ``article.text[start:end]`` into a :class:`TimeExpr` (None if it is no date)."""
    if is_set(article.text, start, end):
        return None
    norm = normalise(article.text[start:end], anchor, tense=tense_of(doc, start, end))
    if norm is None:
        return None
    return to_expr(article.span(start, end), norm)


SET_BEFORE = re.compile(r"\b(?:each|every)\s+$", re.IGNORECASE)
SET_AFTER = re.compile(r"s\b|\s+(?:mornings|afternoons|evenings|nights)\b")


def is_set(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a TimeML SET ("each July", "Tuesday nights").

    A quantified or plural time names a recurrence, not one date: no event happened
    "each Thursday", so it is not read as a date.
    """
    return bool(SET_BEFORE.search(text, max(0, start - 7), start)
                or SET_AFTER.match(text, end, end + 12))


def to_expr(span: Span, norm: Norm) -> TimeExpr:
    """Wrap a :class:`Norm` and its evidence into the model's :class:`TimeExpr`."""
    return TimeExpr(span, norm.value, norm.precision, norm.first, norm.last, norm.reason)


def choose(found: Iterable[TimeExpr]) -> list[TimeExpr]:
    """Keep non-overlapping expressions, preferring resolved ones, then longer ones."""
    ranked = sorted(found, key=lambda e: (e.value is None, -(e.span.end - e.span.start),
                                          e.span.start))
    kept: list[TimeExpr] = []
    for expr in ranked:
        if all(expr.span.end <= k.span.start or expr.span.start >= k.span.end for k in kept):
            kept.append(expr)
    return kept


# --------------------------------------------------------------------- tense hint


def tense_of(doc: Doc, start: int, end: int) -> str | None:
    """The tense ("past", "present", "future") of the verb governing ``doc.text[start:end]``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or _is_endpoint(span):
        return None
    verb = _governor(span.root)
    if verb is None:
        return None
    return _verb_tense(verb)


def _is_endpoint(span: SpacySpan) -> bool:
    """Whether the expression is the end point of a state ("until January", "effective Feb. 1").

    The governing verb's tense dates the start of the state, not its end, so it is no
    hint: "gave them until mid-November" (said in late October) is the coming one.
    """
    return span.start > 0 and span.doc[span.start - 1].lower_ in ENDPOINT_WORDS


def _governor(token: Token) -> Token | None:
    for _ in range(8):  # a few hops up the tree are enough; guards against cycles
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _verb_tense(verb: Token) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes) or verb.lower_ in FUTURE_AUX:
        return "future"
    if any(a.lower_ == "going" for a in auxes) and any(
            c.lower_ == "to" for c in verb.children):
        return "future"
    if any(a.lower_ == "to" for a in auxes) and not any(
            "Fin" in a.morph.get("VerbForm") for a in auxes):
        # "set to resume Monday", "is to close Tuesday": a plan; other infinitives: no tense
        return "future" if verb.head.lemma_.lower() in PLAN_WORDS else None
    finite = [a for a in auxes if a.lower_ != "to"] or [verb]  # "is expected": present
    forms = [t.morph.get("Tense") for t in finite]
    if any("Past" in f for f in forms) or any(a.lemma_ == "have" for a in auxes):
        return "past"
    if any("Pres" in f for f in forms):
        return "present"
    return None
