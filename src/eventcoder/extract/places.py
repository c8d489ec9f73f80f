"""The ``places`` stage: every toponym in the text, resolved against the gazetteer.

Toponyms come from spaCy's GPE/LOC/FAC entities and from gazetteer matches of
capitalised token runs the small model misses or files under ORG/PERSON
("Alma-Ata airport"), checked so that common words and people's names are not
taken for towns. Demonyms ("Belarusian") become associative country places; a name followed
by "state", "province", "region", "oblast", "district"... ("Borno state") is
resolved among areas only.
Ambiguous names are resolved in two passes: the countries and states the
article mentions steer the choice of namesakes ("Paris" next to "Texas").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from eventcoder.model import Article, Place
from eventcoder.model import Span as TextSpan
from eventcoder.pipeline import Stage, register
from eventcoder.resolve.gazetteer import (
    ADMIN_WORDS,
    Entry,
    Gazetteer,
    ResolveContext,
    fold,
    load_gazetteer,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Mention", "PlacesStage", "find_mentions", "resolve_mentions"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SCANNED_LABELS = PLACE_LABELS | {"ORG", "PERSON", "NORP"}
MAX_TOKENS = 6
CUE_NOUNS = frozenset({"city", "town", "village", "capital", "province", "region", "state",
                       "county", "district", "port", "suburb", "outskirts", "streets"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "outside", "into", "across"})
AIRPORT_WORDS = ("airport", "international airport")
PROMINENT = 5.0  # importance (log10 population + kind bonus) that needs no cue
# Words that follow a name to make a street or building of it ("Dublin Road"), and generic
# words of institutions and directions that are towns somewhere but rarely in a sentence.
STREET_WORDS = frozenset({"street", "st", "road", "rd", "avenue", "ave", "drive", "dr", "lane",
                          "ln", "boulevard", "blvd", "highway", "hwy", "parkway", "pkwy",
                          "court", "ct", "trail", "pike", "circle", "terrace", "plaza"})
COMPASS_WORDS = frozenset({
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "upper", "lower", "greater", "metropolitan", "downtown",
})
MONTHS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                    "dec", "january", "february", "march", "april", "may", "june", "july",
                    "august", "september", "october", "november", "december"})
# Words before a name that make a person of it ("coach Ripley", "Sen. Webb"), and verbs after.
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "sgt", "lt", "capt",
                    "col", "gen", "det", "officer", "deputy", "coach", "president", "judge",
                    "senator", "governor", "mayor", "minister", "chief", "pastor", "rev",
                    "prof", "professor", "sister", "brother", "father", "st", "saint"})
SPEECH_VERBS = frozenset({"say", "tell", "add", "note", "explain", "write", "recall",
                          "ask", "state", "insist", "claim", "comment", "contend", "suggest"})
ROAD_WORDS = STREET_WORDS - {"court", "ct", "circle", "plaza"}  # not "County Court"
NUMBERED_ROADS = frozenset({"highway", "route", "interstate", "road", "hwy"})
DATELINE_MARKS = frozenset({":", "--", "—", "–", "-", "(", ","})
GENERIC_WORDS = COMPASS_WORDS | frozenset({
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "midwest", "center", "centre", "city",
    "county", "state", "university", "college", "school", "police", "street", "hall", "park",
    "bank", "union", "metro", "commerce", "federal", "justice", "chamber", "airport", "main",
    "market", "office", "station", "church", "hospital", "district", "court", "council",
    "department", "national", "international", "american", "general", "president", "officer",
    "sheriff", "god", "lord", "mount", "lake", "river", "island", "valley", "village", "town",
})


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym or demonym found in the doc (token offsets) before resolution."""

    start: int
    end: int
    text: str
    demonym: str | None = None  # ISO alpha-2 when the words are a demonym
    site_end: int | None = None  # token end of a following "airport"
    street: bool = False  # a street or road ("Main Street", "Highway 19"): not in the gazetteer


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def _joinable(span: Span) -> bool:
    """Tell whether ``span`` looks like one proper name (capitalised words, hyphens, "of")."""
    if not (_capitalised(span[0]) and _capitalised(span[-1])):
        return False
    for token in span:
        if not (_capitalised(token) or token.text in ("-", "of", "de", "upon", "on", "-on-")):
            return False
    return True


def _cue_before(doc: Doc, start: int) -> bool:
    """Tell whether ``city of``/``town of`` or a place preposition precedes token ``start``."""
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in CUE_NOUNS:
        return True
    return start >= 1 and doc[start - 1].lower_ in PLACE_PREPOSITIONS


def _common_word(doc: Doc, span: Span) -> bool:
    """Tell whether a one-word match is an ordinary word (stop word, sentence-initial word
    also used in lowercase, or not tagged as a proper noun)."""
    if len(span) > 1 and not all(t.is_stop for t in span if t.is_alpha):
        return False
    token = span[0]
    if doc.vocab[token.lower_].is_stop or token.pos_ not in ("PROPN",):
        return True
    used_lower = any(t.text == token.lower_ for t in doc)
    return token.is_sent_start and used_lower


def _accept(doc: Doc, span: Span, label: str, gaz: Gazetteer, ent: Span | None) -> bool:
    """Tell whether a gazetteer match in untrusted text (ORG, PERSON, none) is a place."""
    top = gaz.candidates(span.text)[0]
    if len(span) == 1 and span[0].lower_ in GENERIC_WORDS:
        return False
    if _in_name(doc, span.start) or _person_like(doc, span):
        return False  # inside a longer name ("Ohio State Gainesville"), or a person
    whole = ent is not None and (span.start, span.end) == (ent.start, ent.end)
    cue = _cue_before(doc, span.start) or _airport_end(doc, span.end) is not None
    cue = cue or _state_after(doc, span.end, gaz)
    if span[-1].lower_ in ADMIN_WORDS:
        return True  # "Borno state": an area the gazetteer has under that name
    if _common_word(doc, span) and not (cue and span[0].pos_ == "PROPN"):
        return False
    if label == "PERSON":  # the small model files many towns under PERSON ("Gainesville")
        named_as_place = span.text in _place_texts(doc)
        first = ent is not None and span.start == ent.start and gaz.has_primary(span.text)
        return first and (top.importance >= PROMINENT - 1 or cue or named_as_place)
    if label == "ORG" and whole and not gaz.has_primary(span.text):
        return cue  # an organisation named like another place's alias ("Hamas": Hamm)
    if not gaz.has_primary(span.text) and top.importance < PROMINENT:
        return False
    return cue or top.importance >= PROMINENT - 1 or top.feature != "city"


def _in_name(doc: Doc, start: int) -> bool:
    """Tell whether a capitalised word (not a stop word, a compass word or the sentence's
    first) comes before token ``start``, past any compass words ("Rodeo Gainesville")."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in COMPASS_WORDS:
        i -= 1
    if i < 0 or doc[i + 1].is_sent_start:
        return False
    return _capitalised(doc[i]) and not doc[i].is_stop and not doc[i].is_sent_start


def _person_like(doc: Doc, span: Span) -> bool:
    """Tell whether ``span`` names a person: after a title ("coach Ripley"), before a speech
    verb ("Walker said"), or a first or last name of a full name elsewhere in ``doc``."""
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_.rstrip(".") in TITLES:
        return True
    if span.end < len(doc) and doc[span.end].lemma_ in SPEECH_VERBS:
        return True
    return span.text in _person_names(doc)


def _person_names(doc: Doc) -> set[str]:
    """Return the first and last names of the multi-word PERSON entities of ``doc``."""
    names = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1
             for t in (e[0], e[-1])}
    return names - _place_texts(doc)


def _dateline(doc: Doc, span: Span) -> bool:
    """Tell whether ``span`` is an all-capitals dateline ("BEIRUT:", "COLUMBUS --")."""
    if not all(t.is_upper for t in span) or sum(len(t) for t in span) < 4:
        return False
    if any(doc.vocab[t.lower_].is_stop or t.lower_ in GENERIC_WORDS for t in span):
        return False
    if span.start > 0 and not (doc[span.start - 1].is_space or doc[span.start - 1].is_punct):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and (after.text in DATELINE_MARKS or after.is_space)


def _place_texts(doc: Doc) -> set[str]:
    """Return the texts spaCy labels as places somewhere in ``doc``."""
    return {e.text for e in doc.ents if e.label_ in PLACE_LABELS}


def _state_after(doc: Doc, end: int, gaz: Gazetteer) -> bool:
    """Tell whether ", <state or country>" follows token ``end`` ("Gainesville, Fla.")."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    for stop in range(min(len(doc), end + 4), end + 1, -1):
        found = gaz.candidates(doc[end + 1:stop].text)
        if found and found[0].feature in ("admin1", "country"):
            return True
    return False


def _street_after(doc: Doc, end: int) -> bool:
    """Tell whether a street word ends the name at token ``end`` ("Dublin Road")."""
    if end >= len(doc) or doc[end].lower_.rstrip(".") not in STREET_WORDS:
        return False
    return not (end + 1 < len(doc) and _capitalised(doc[end + 1]))  # "Florida Highway Patrol"


def _airport_end(doc: Doc, end: int) -> int | None:
    """Return the token end of "airport"/"International Airport" right after ``end``."""
    for words in AIRPORT_WORDS:
        parts = words.split()
        window = doc[end:end + len(parts)]
        if len(window) == len(parts) and [t.lower_ for t in window] == parts:
            return end + len(parts)
    return None


def _area_end(doc: Doc, end: int, text: str, gaz: Gazetteer) -> int:
    """Return the end after an admin word that makes ``text`` an area ("Borno state",
    "Donetsk Oblast"), unless the word starts a longer name ("Georgia State Patrol")."""
    if end >= len(doc) or doc[end].lower_ not in ADMIN_WORDS:
        return end
    word = doc[end]
    longer = word.text[:1].isupper() and end + 1 < len(doc) and _capitalised(doc[end + 1])
    return end + 1 if not longer and gaz.known(f"{text} {word.text}") else end


def _match(doc: Doc, start: int, stop: int, gaz: Gazetteer) -> tuple[int, str | None] | None:
    """Return (end, demonym code) of the longest name or demonym starting at ``start``."""
    if not _capitalised(doc[start]):
        return None  # every name and demonym starts with a capital
    for end in range(min(stop, start + MAX_TOKENS), start, -1):
        span = doc[start:end]
        if end == start + 1 and span[0].lower_.rstrip(".") in COMPASS_WORDS | MONTHS:
            return None  # "North Texas" is Texas; "Nov", "March" are dates
        if not _joinable(span) or (span[-1].lower_ in ADMIN_WORDS
                                   and not gaz.has_primary(span.text)):
            continue  # "X State" as a name of its own, else left to _area_end
        dotted = end < len(doc) and doc[end].text == "." and not span[-1].whitespace_
        if dotted and gaz.known(span.text + ".", verbatim=True):  # "W.Va" "." is one abbreviation
            return end + 1, None
        code = gaz.demonym(span.text)  # "Kazakh" is also an alternate name of a town
        if code:
            return end, code
        if gaz.known(span.text):
            return _area_end(doc, end, span.text, gaz), None
    return None


def _scan(doc: Doc, start: int, stop: int, gaz: Gazetteer, ent: Span | None) -> list[Mention]:
    """Return the mentions found in tokens ``start:stop`` (one entity or a gap between)."""
    label = ent.label_ if ent is not None else ""
    found, i = [], start
    while i < stop:
        hit = _match(doc, i, stop, gaz)
        if hit is None:
            i += 1
            continue
        end, code = hit
        span = doc[i:end]
        lead = doc[ent.start:i] if ent is not None else ()
        trusted = label in PLACE_LABELS and all(t.lower_ in COMPASS_WORDS or t.lower_ == "the"
                                                for t in lead)
        if trusted and len(span) == 1 and i > 0 and doc[i - 1].lower_.rstrip(".") in TITLES:
            trusted = False  # "coach Ripley" tagged GPE
        if trusted and end < ent.end and not gaz.has_primary(span.text):
            trusted = False  # "West Africa Province": "Africa" only as another town's alias
        trusted = trusted or (not code and _dateline(doc, span) and gaz.has_primary(span.text))
        if _street_after(doc, end) and not code:
            trusted = False
        elif code or trusted or _accept(doc, span, label, gaz, ent):
            site = None if code else _airport_end(doc, end)
            found.append(Mention(i, end, span.text, code, site))
        i = end
    return found


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Return toponym and demonym mentions in ``doc``, in text order, not overlapping."""
    found, i = [], 0
    for ent in doc.ents:
        found += _scan(doc, i, ent.start, gaz, None)
        if ent.label_ in SCANNED_LABELS:
            found += _scan(doc, ent.start, ent.end, gaz, ent)
        i = ent.end
    found += _scan(doc, i, len(doc), gaz, None)
    streets = find_streets(doc)
    found = [m for m in found if not any(m.start < s.end and s.start < m.end for s in streets)]
    kept: list[Mention] = []
    for mention in sorted(found + streets, key=lambda m: m.start):
        # an area word may reach past its entity ("Borno" + "state")
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def find_streets(doc: Doc) -> list[Mention]:
    """Return street-level names: capitalised words or an ordinal before a capitalised street
    word ("Main Street", "40th Avenue", "Wichita Dr."), and numbered roads ("Highway 19")."""
    found = []
    for token in doc:
        word = token.lower_.rstrip(".")
        if not token.text[:1].isupper() or word not in ROAD_WORDS:
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        numbered = word in NUMBERED_ROADS and after is not None and after.like_num
        if not numbered and after is not None and _capitalised(after) \
                and after.lower_ not in COMPASS_WORDS:
            continue  # "Florida Highway Patrol", "Main Street Bridge": another name
        start = token.i
        while start > max(0, token.i - 3) and _street_part(doc[start - 1], numbered):
            start -= 1
        end = token.i + 2 if numbered else token.i + 1
        if start < token.i or numbered:
            found.append(Mention(start, end, doc[start:end].text, street=True))
    return found


def _street_part(token: Token, numbered: bool) -> bool:
    """Tell whether ``token`` can open a street name ("Main", "40th"; "County" in "County
    Road 43")."""
    if token.is_stop or (token.is_sent_start and not token.text[:1].isdigit()):
        return False
    if numbered:
        return token.text in ("County", "State", "U.S.", "US")
    ordinal = token.text[:1].isdigit() and token.text[-2:].lower() in ("st", "nd", "rd", "th")
    return ordinal or (_capitalised(token) and token.pos_ == "PROPN")


@dataclass(frozen=True, slots=True)
class _Reading:
    """What one mention says about the article before resolution."""

    key: str
    countries: frozenset[str]
    places: tuple[Entry, ...]
    vote: str | None
    state: tuple[str, str] | None  # (country, admin1) of the likeliest reading


def _read(mention: Mention, gaz: Gazetteer) -> _Reading:
    if mention.demonym or mention.street:
        codes = frozenset({mention.demonym}) if mention.demonym else frozenset()
        return _Reading(mention.text, codes, (), None, None)
    candidates = gaz.candidates(mention.text)
    top = candidates[0]
    sure = top.feature == "country" or len({c.country_code for c in candidates}) == 1
    if top.feature == "admin1":  # unless another country has a state or country so named
        sure = sure or all(c.country_code == top.country_code for c in candidates
                           if c.feature in ("country", "admin1"))
    state = (top.country_code, top.admin1) if top.admin1 and top.feature != "country" else None
    return _Reading(fold(mention.text), frozenset({top.country_code}) if sure else frozenset(),
                    (top,) if sure else (), top.country_code, state)


def _context(readings: list[_Reading], key: str, gaz: Gazetteer) -> ResolveContext:
    """Return what the other toponyms say: the countries and states they name unambiguously,
    plus the home country and state most of their likeliest readings fall in. Mentions of
    the same name are left out, so that an ambiguous name cannot confirm itself."""
    others = [r for r in readings if r.key != key]
    countries = {c for r in others for c in r.countries}
    places = [p for r in others for p in r.places]
    votes = Counter(r.vote for r in others if r.vote)
    states = Counter(r.state for r in others if r.state)
    countries.update(code for code, _ in votes.most_common(1))
    for (code, state), n in states.most_common(1):
        home = [e for e in gaz.candidates(state)
                if e.feature == "admin1" and e.country_code == code]
        places += home[:1] if n > 1 else []
    return ResolveContext(frozenset(countries), tuple(places))


def _neighbour(mentions: list[Mention], index: int, doc: Doc, gaz: Gazetteer) -> list[Entry]:
    """Return the state/country named right after a mention ("Paris, Texas")."""
    if index + 1 >= len(mentions):
        return []
    here, after = mentions[index], mentions[index + 1]
    if after.demonym or after.street or after.start != here.end + 1 \
            or doc[here.end].text != ",":
        return []
    top = gaz.candidates(after.text)[0]
    return [top] if top.feature in ("admin1", "country") else []


def resolve_mentions(mentions: list[Mention], doc: Doc, gaz: Gazetteer) -> list[Place]:
    """Resolve every mention to a :class:`Place` (offsets are character offsets of ``doc``)."""
    readings, places = [_read(m, gaz) for m in mentions], []
    for index, mention in enumerate(mentions):
        if mention.demonym:
            entry = gaz.country(mention.demonym)
            if entry is not None:
                places.append(_place(doc, mention.start, mention.end, entry, True))
            continue
        if mention.street:
            span = doc[mention.start:mention.end]
            places.append(Place(TextSpan(span.start_char, span.end_char, span.text), span.text,
                                None, None, None, None, "site"))
            continue
        extra = _neighbour(mentions, index, doc, gaz)
        context = _context(readings, fold(mention.text), gaz)
        local = ResolveContext(context.countries | {e.country_code for e in extra},
                               (*context.places, *extra))
        entry = gaz.resolve(mention.text, local)
        if entry is not None:
            places.append(_place(doc, mention.start, mention.site_end or mention.end, entry,
                                 False, site=mention.site_end is not None))
    return places


def _place(doc: Doc, start: int, end: int, entry: Entry, associative: bool,
           site: bool = False) -> Place:
    span = doc[start:end]
    name, feature = (f"{entry.name} airport", "site") if site else (entry.name, entry.feature)
    return Place(TextSpan(span.start_char, span.end_char, span.text), name, entry.geonameid,
                 entry.lat, entry.lon, entry.country_code, feature, entry.admin1,
                 entry.admin2, associative)


@register
@dataclass(frozen=True)
class PlacesStage(Stage):
    """Find and resolve toponyms: adds ``article.places`` sorted by start offset."""

    name: ClassVar[str] = "places"
    reads: ClassVar[tuple[str, ...]] = ("text",)
    adds: ClassVar[tuple[str, ...]] = ("places",)

    def warm_up(self) -> None:
        """Load (or build and cache) the gazetteer index."""
        load_gazetteer(self.settings)

    def __call__(self, article: Article, doc: Doc) -> Article:
        """Return ``article`` with its places found in ``doc``."""
        gaz = load_gazetteer(self.settings)
        places = resolve_mentions(find_mentions(doc, gaz), doc, gaz)
        return article.with_(places=tuple(sorted(places, key=lambda p: p.span.start)))
