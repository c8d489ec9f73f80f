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
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar, TypeVar

from eventcoder.model import Article, Place
from eventcoder.model import Span as TextSpan
from eventcoder.pipeline import Stage, register
from eventcoder.resolve.focus import Focus, SourceProfile, load_profile
from eventcoder.resolve.gazetteer import (
    ADMIN_WORDS,
    REGION_CODE,
    Entry,
    Gazetteer,
    ResolveContext,
    fold,
    load_gazetteer,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from eventcoder.settings import Settings

__all__ = ["Mention", "PlacesStage", "adjective_of", "find_mentions", "focus_context",
           "resolve_mentions"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SCANNED_LABELS = PLACE_LABELS | {"ORG", "PERSON", "NORP", "PRODUCT"}
T = TypeVar("T")
Hit = tuple[int, str | None]  # what _match finds: (token end, demonym code)
MAX_TOKENS = 6
JOINERS = frozenset({"-", "of", "de", "upon", "on", "-on-"})  # words inside a proper name
CUE_NOUNS = frozenset({"city", "town", "village", "capital", "province", "region", "state",
                       "county", "district", "port", "suburb", "outskirts", "streets"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "outside", "into", "across"})
AIRPORT_WORDS = ("airport", "international airport")
ADJECTIVE = "adjective"  # the demonym code _match gives an adjective of a place ("Ohioan")
PROMINENT = 5.0  # importance (log10 population + kind bonus) that needs no cue
SMALL_TOWN = 1000  # a smaller town's name in untrusted text needs a place label elsewhere
METROPOLIS = 6.0  # a town this big tagged ORG is still the town ("Peshawar"), not a firm
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
NOT_NAMES = COMPASS_WORDS | MONTHS  # one-word spans that are never a name on their own
# Words before a name that make a person of it ("coach Ripley", "Sen. Webb"), and verbs after.
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "sgt", "lt", "capt",
                    "col", "gen", "det", "officer", "deputy", "coach", "president", "judge",
                    "senator", "governor", "mayor", "minister", "chief", "pastor", "rev",
                    "prof", "professor", "sister", "brother", "father", "st", "saint"})
SPEECH_VERBS = frozenset({"say", "tell", "add", "note", "explain", "write", "recall",
                          "ask", "state", "insist", "claim", "comment", "contend", "suggest"})
# Words after a name that make a town of it ("Chiefland man", "Grovetown police", "Huntsville
# Fire Department"), plural area words closing a list ("Walton and Oconee counties") and the
# party letters of a legislator's home town ("D-Hardy", "DFL-Cook").
PLACE_NOUNS_AFTER = frozenset({"police", "fire", "residents", "resident", "man", "woman", "men",
                               "women", "boy", "girl", "teen", "native", "natives", "area",
                               "officials", "firefighters", "voters", "homeowners", "township"})
# The head nouns of local public bodies named for their town or county: in "the Springfield
# Science Museum" the gold (LGL) marks "Springfield".
INSTITUTION_WORDS = frozenset({"court", "hospital", "school", "schools", "zoo", "museum",
                               "council", "university", "college", "library", "authority",
                               "jury", "times", "department", "commission", "board"})
PLURAL_AREAS = frozenset({"counties", "parishes", "townships", "states", "provinces",
                          "districts", "cities", "towns", "villages", "boroughs"})
SINGULAR_AREAS = {"counties": "County", "parishes": "Parish", "provinces": "province",
                  "districts": "district", "states": "state"}
PARTY_LETTERS = frozenset({"D", "R", "I", "DFL"})
# Natural features the gazetteer lacks: "Neches River", "Lake Lanier", "Mount Hood", "the
# Smoky Mountains". Found like streets: detected, with no GeoNames id and no coordinates.
FEATURE_SUFFIXES = frozenset({"river", "lake", "creek", "bay", "valley", "mountains",
                              "mountain", "reservoir", "canyon", "peninsula", "sea", "ocean"})
FEATURE_PREFIXES = frozenset({"lake", "mount", "mt", "river", "isle", "gulf"})
FEATURE_WORDS = FEATURE_SUFFIXES | FEATURE_PREFIXES
ROAD_WORDS = STREET_WORDS - {"court", "ct", "circle", "plaza"}  # not "County Court"
PLURAL_STREETS = frozenset({"streets", "roads", "avenues", "drives", "lanes", "boulevards",
                            "rivers", "creeks"})
NUMBERED_ROADS = frozenset({"highway", "route", "interstate", "road", "hwy"})
# Endings that make an adjective or a people of a place, and the endings of the place's name
# they replace: "Ohioan" <- "Ohio", "Floridian" <- "Florida", "Ontarian" <- "Ontario",
# "Texan" <- "Texas", "Londoner" <- "London", "Dagestani" <- "Dagestan", "Abkhaz" <- "Abkhazia".
ADJECTIVE_ENDINGS = (("ian", ("ia", "a", "o", "")), ("an", ("", "a", "as", "e", "o")),
                     ("er", ("",)), ("ite", ("", "e")), ("i", ("",)), ("", ("ia",)))
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
    associative: bool = False  # an adjective or people of the place ``text`` ("Ohioans")


def _capitalised(token: Token) -> bool:
    return _capital(token.text)


def _capital(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text)


@dataclass(frozen=True, slots=True)
class _Tokens:
    """What the name scan asks of every token, computed once per doc (with the doc's text,
    which spaCy joins anew on each request): its text, lowercase form, character offset,
    trailing space, whether it is capitalised, and where the run of name words starting at
    it ends (a span ``start:end`` looks like one proper name when ``end <= runs[start]`` and
    its first and last words are capitalised: "Rostov-on-Don")."""

    source: str
    text: tuple[str, ...]
    lower: tuple[str, ...]
    idx: tuple[int, ...]
    spaced: tuple[bool, ...]
    capitalised: tuple[bool, ...]
    runs: tuple[int, ...]

    def span_text(self, start: int, end: int) -> str:
        """Return the text of tokens ``start:end`` (``doc[start:end].text``, sooner)."""
        return self.source[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]

    def joinable_ends(self, start: int, stop: int) -> list[int]:
        """Return the ends of the spans from ``start`` (at most ``MAX_TOKENS`` long, within
        ``stop``) that look like one proper name, longest first."""
        if not self.capitalised[start]:
            return []
        last = min(stop, start + MAX_TOKENS, self.runs[start])
        return [end for end in range(last, start, -1) if self.capitalised[end - 1]]


def _tokens(doc: Doc) -> _Tokens:
    """Return the :class:`_Tokens` of ``doc`` (computed once, kept in ``doc.user_data``)."""
    return _memo(doc, "tokens", _read_tokens)


def _read_tokens(doc: Doc) -> _Tokens:
    text, lower, idx, space = zip(*((t.text, t.lower_, t.idx, t.whitespace_) for t in doc),
                                  strict=True) if len(doc) else ((),) * 4
    source = "".join(word + after for word, after in zip(text, space, strict=True))
    capitalised = tuple(_capital(word) for word in text)
    runs = [len(doc)] * (len(doc) + 1)
    for i in range(len(doc) - 1, -1, -1):
        inside = capitalised[i] or text[i] in JOINERS
        runs[i] = runs[i + 1] if inside else i
    return _Tokens(source, text, lower, idx, tuple(map(bool, space)), capitalised, tuple(runs[:-1]))


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
    return token.is_sent_start and token.lower_ in _memo(doc, "texts", _texts)


@dataclass(frozen=True, slots=True)
class _Support:
    """What vouches for a name besides its own context: the source's focus (a town of the
    state the source covers) and the names the article itself marks as places elsewhere."""

    focus: Focus | None = None
    names: frozenset[str] = frozenset()

    def vouches(self, text: str, gaz: Gazetteer) -> bool:
        """Tell whether ``text`` is named as a place elsewhere, or is a county or a town (of
        ``SMALL_TOWN`` people or more) of the focus state."""
        if text in self.names:
            return True
        focus = self.focus
        if focus is None or focus.admin1 is None:
            return False
        return any(e.country_code == focus.country_code and e.admin1 == focus.admin1
                   and (e.feature == "admin2" or (e.feature == "city"
                                                  and e.population >= SMALL_TOWN))
                   for e in gaz.candidates(text))


def _accept(doc: Doc, span: Span, label: str, gaz: Gazetteer, ent: Span | None,
            support: _Support) -> bool:
    """Tell whether a gazetteer match in untrusted text (ORG, PERSON, FAC, none) is a place;
    ``support`` vouches for names of the source's state and names the article confirms."""
    top = gaz.candidates(span.text)[0]
    if len(span) == 1 and span[0].lower_ in GENERIC_WORDS:
        return False
    if _party_before(doc, span.start) and gaz.has_primary(span.text):
        return True  # a legislator's home town ("R-Marshall"), whatever spaCy made of it
    vouched = support.vouches(span.text, gaz)
    speaker = vouched or top.importance >= PROMINENT  # "Tbilisi says": a government
    if gaz.has_primary(span.text) and _state_after(doc, span.end, gaz):
        return True  # "Greer, South Carolina", whatever else the article calls Greer
    if _in_name(doc, span.start) or _person_like(doc, span, speaker) or _product(doc, span):
        return False  # inside a longer name ("Ohio State Gainesville"), a person, a car
    whole = ent is not None and (span.start, span.end) == (ent.start, ent.end)
    cue = vouched or _cue(doc, span, gaz)
    if top.feature == "city" and top.population < SMALL_TOWN and not vouched:
        return False  # a hamlet named like a firm or a person ("from Stevens & Wilkinson")
    # a big town's public body ("the Moscow Times"); a small town's name on a school or
    # university is mostly a person's ("Lipscomb University", "Bruton High School")
    cue = cue or (top.importance >= PROMINENT and _institution_after(doc, span.end))
    if span[-1].lower_ in ADMIN_WORDS:
        return True  # "Borno state": an area the gazetteer has under that name
    if _common_word(doc, span) and not (cue and span[0].pos_ == "PROPN"):
        return False
    if label == "PERSON":  # the small model files many towns under PERSON ("Gainesville")
        first = ent is not None and span.start == ent.start and gaz.has_primary(span.text)
        return first and (cue or top.importance >= PROMINENT or span.text in _place_texts(doc))
    if label == "ORG" and whole and not gaz.has_primary(span.text):
        return cue  # an organisation named like another place's alias ("Hamas": Hamm)
    if label == "ORG" and whole and top.feature == "city":
        return cue or top.importance >= METROPOLIS  # a firm named like a town ("Toyota")
    if not gaz.has_primary(span.text) and top.importance < PROMINENT:
        return False
    if _determined(doc, span) and top.feature == "city":
        return cue  # "the White House", "the Webb Center": a building named like a town
    return cue or top.importance >= PROMINENT - 1 or top.feature != "city"


def _cue(doc: Doc, span: Span, gaz: Gazetteer) -> bool:
    """Tell whether the words around ``span`` say it is a place: "in X", "city of X",
    "X airport", "X, Texas", "X police", "D-X", "X and Y counties"."""
    if _cue_before(doc, span.start) or _airport_end(doc, span.end) is not None:
        return True
    if _state_after(doc, span.end, gaz) or _party_before(doc, span.start):
        return True
    after = doc[span.end] if span.end < len(doc) else None
    noun = after is not None and after.lower_ in PLACE_NOUNS_AFTER
    return noun or _listed_areas(doc, span.end)


def _institution_after(doc: Doc, end: int) -> bool:
    """Tell whether a public institution, usually named for its place, follows token
    ``end``: "the Santa Ana Zoo", "the Vancouver Coastal Health Authority"."""
    for token in doc[end:end + 4]:
        if not _capitalised(token):
            return False
        if token.lower_ in INSTITUTION_WORDS:
            return True
    return False


def _party_before(doc: Doc, start: int) -> bool:
    """Tell whether a legislator's party letters come before token ``start`` ("R-Ocilla")."""
    if start < 2 or doc[start - 1].text != "-" or doc[start - 2].whitespace_:
        return False
    return doc[start - 2].text in PARTY_LETTERS and not doc[start - 1].whitespace_


def _listed_areas(doc: Doc, end: int) -> bool:
    """Tell whether the name ending at ``end`` belongs to a list closed by a plural area word
    ("Walton and Oconee counties", "Clay, Grant and Wilkin counties")."""
    return _list_word(doc, end) is not None


def _list_word(doc: Doc, end: int) -> str | None:
    """Return the plural area word closing the list the name ending at ``end`` belongs to
    ("counties" for "Walton" in "Walton and Oconee counties"), else None."""
    tokens = _tokens(doc)
    for i in range(end, min(len(doc), end + 24)):
        if tokens.lower[i] in PLURAL_AREAS:
            return tokens.lower[i]
        if not (tokens.capitalised[i] or tokens.text[i] in (",", "and", "or", "-", ".")):
            return None
    return None


def _listed_name(doc: Doc, span: Span, gaz: Gazetteer) -> str:
    """Return the name to look up for ``span``: "Walton County" for "Walton" in "Walton and
    Oconee counties" (the list's area word applies to each of its names), else its text."""
    word = SINGULAR_AREAS.get(_list_word(doc, span.end) or "")
    if word is None and _party_before(doc, span.start) and not gaz.has_primary(span.text):
        word = "County"  # a delegate's county ("D-Braxton"), where no town has the name
    named = f"{span.text} {word}" if word else span.text
    return named if word and gaz.known(named) else span.text


def _determined(doc: Doc, span: Span) -> bool:
    """Tell whether "the" comes right before ``span`` (towns rarely take an article)."""
    return span.start > 0 and doc[span.start - 1].lower_ == "the"


def _product(doc: Doc, span: Span) -> bool:
    """Tell whether a model year comes before ``span`` ("a 2001 Cadillac", "1992 Toyota")."""
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and len(before.text) == 4 and before.text[:2] in ("19", "20") \
        and before.text.isdigit()


def _in_name(doc: Doc, start: int) -> bool:
    """Tell whether a capitalised word (not a stop word, a compass word or the sentence's
    first) comes before token ``start``, past any compass words ("Rodeo Gainesville")."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in COMPASS_WORDS:
        i -= 1
    if i < 0 or doc[i + 1].is_sent_start:
        return False
    return _capitalised(doc[i]) and not doc[i].is_stop and not doc[i].is_sent_start


def _person_like(doc: Doc, span: Span, speaker: bool = False) -> bool:
    """Tell whether ``span`` names a person: after a title ("coach Ripley"), before a speech
    verb ("Walker said", unless a place may speak: ``speaker``), or a first or last name of a
    full name elsewhere in ``doc``."""
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_.rstrip(".") in TITLES:
        return True
    if span.end < len(doc) and doc[span.end].lemma_ in SPEECH_VERBS and not speaker:
        return True
    return span.text in _person_names(doc)


def _memo(doc: Doc, key: str, build: Callable[[Doc], T]) -> T:
    """``build(doc)``, computed once per document (kept in ``doc.user_data``)."""
    memo = doc.user_data.setdefault("eventcoder.places", {})
    if key not in memo:
        memo[key] = build(doc)
    return memo[key]


def _texts(doc: Doc) -> set[str]:
    return set(_tokens(doc).text)


def _person_names(doc: Doc) -> set[str]:
    """Return the first and last names of the multi-word PERSON entities of ``doc``."""
    return _memo(doc, "person_names", _full_name_parts)


def _full_name_parts(doc: Doc) -> set[str]:
    names = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1
             for t in (e[0], e[-1])
             if t is e[-1] or e[1].lower_ not in PLACE_NOUNS_AFTER | TITLES}  # "Huntsville Fire"
    return names - _place_texts(doc)


def _dateline(doc: Doc, span: Span) -> bool:
    """Tell whether ``span`` is an all-capitals dateline ("BEIRUT:", "COLUMBUS --")."""
    if not all(t.is_upper for t in span) or sum(len(t) for t in span) < 4:
        return False
    if any(doc.vocab[t.lower_].is_stop or t.lower_ in GENERIC_WORDS for t in span):
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and not (before.is_space or before.is_punct or before.like_num):
        return False  # a dateline follows a title, a line break or the date ("2009 NEWARK")
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


def _match(doc: Doc, start: int, stop: int, gaz: Gazetteer) -> Hit | None:
    """Return (end, demonym code) of the longest name or demonym starting at ``start``; the
    code is ``ADJECTIVE`` for the adjective of a state, region or city ("Ohioans")."""
    tokens = _tokens(doc)
    for end in tokens.joinable_ends(start, stop):  # every name starts with a capital
        if end == start + 1 and tokens.lower[start].rstrip(".") in NOT_NAMES:
            return None  # "North Texas" is Texas; "Nov", "March" are dates
        text = tokens.span_text(start, end)
        if tokens.lower[end - 1] in ADMIN_WORDS and not gaz.has_primary(text):
            continue  # "X State" as a name of its own, else left to _area_end
        dotted = end < len(doc) and tokens.text[end] == "." and not tokens.spaced[end - 1]
        if dotted and gaz.known(text + ".", verbatim=True):  # "W.Va" "." is one abbreviation
            return end + 1, None
        code = gaz.demonym(text)  # "Kazakh" is also an alternate name of a town
        if code:
            return end, code
        if gaz.known(text):
            return _area_end(doc, end, text, gaz), None
        if gaz.county_names(text) and _listed_name(doc, doc[start:end], gaz) != text:
            return end, None  # "Oconee" of "Walton and Oconee counties", "D-Braxton"
        if adjective_of(text, gaz):
            return end, ADJECTIVE
    return None


def adjective_of(word: str, gaz: Gazetteer) -> str | None:
    """Return the place whose adjective or people ``word`` is ("Ohioans" -> "Ohio",
    "South Ossetian" -> "South Ossetia", "Londoner" -> "London"): a country, a state or
    province, a world region or a town of 100k people named like the word less its ending."""
    singular = word[:-1] if word.endswith(("ans", "ers", "ites")) else word
    for ending, replacements in ADJECTIVE_ENDINGS:
        stem = singular[:len(singular) - len(ending)]
        if not singular.endswith(ending) or len(stem) < 3 or not stem[-1].isalpha():
            continue
        for place in (stem + tail for tail in replacements):
            if _adjective_base(place, gaz):
                return place
    return None


def _adjective_base(name: str, gaz: Gazetteer) -> bool:
    """Tell whether ``name``'s own (not alternate) reading is big enough that an adjective
    made of it means it: a country, an area of the first level, a region or a large town."""
    key = fold(name)
    own = [e for e in gaz.candidates(name) if fold(e.name) == key] if gaz.has_primary(name) else []
    return bool(own) and (own[0].feature in ("country", "admin1") or own[0].country_code
                          == REGION_CODE or own[0].importance >= PROMINENT)


def _scan(doc: Doc, start: int, stop: int, gaz: Gazetteer, ent: Span | None,
          support: _Support, hits: dict[tuple[int, int], Hit | None]) -> list[Mention]:
    """Return the mentions found in tokens ``start:stop`` (one entity or a gap between);
    ``hits`` keeps what :func:`_match` found, for the next pass over the same doc."""
    label = ent.label_ if ent is not None else ""
    found, i = [], start
    while i < stop:
        if (i, stop) not in hits:
            hits[i, stop] = _match(doc, i, stop, gaz)
        hit = hits[i, stop]
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
        if trusted and end < ent.end and (not gaz.has_primary(span.text) or _region(span, gaz)):
            trusted = False  # "West Africa Province": a region or another town's alias
        trusted = trusted or (not code and _dateline(doc, span) and gaz.has_primary(span.text))
        if code == ADJECTIVE:
            if label != "PERSON":  # "Brian", "Adrian": names, not adjectives
                found.append(Mention(i, end, adjective_of(span.text, gaz) or "",
                                     associative=True))
            i = end
            continue
        named = span.text if code else _listed_name(doc, span, gaz)
        if _street_after(doc, end) and not code:
            trusted = False
        elif code or trusted or named != span.text or _accept(doc, span, label, gaz, ent,
                                                               support):
            site = None if code else _airport_end(doc, end)
            found.append(Mention(i, end, named, code, site))
        i = end
    return found


def find_mentions(doc: Doc, gaz: Gazetteer, focus: Focus | None = None) -> list[Mention]:
    """Return toponym and demonym mentions in ``doc``, in text order, not overlapping.

    Two passes: the names found in the first (with a cue or spaCy's place label) vouch for
    their other mentions in the second ("Chiefland" after "of Chiefland"), as do the towns of
    ``focus``'s state, the state the article's source covers."""
    hits: dict[tuple[int, int], Hit | None] = {}  # the same in both passes
    first = _scan_doc(doc, gaz, _Support(focus), hits)
    confirmed = frozenset(m.text for m in first
                          if not (m.demonym or m.street or m.associative))
    found = _scan_doc(doc, gaz, _Support(focus, confirmed), hits)
    streets = find_streets(doc) + find_street_lists(doc)
    found = [m for m in found if not _overlaps(m, streets)]
    # a feature yields to a gazetteer name in it: "Kanawha" of "Kanawha River" has a point
    streets += [f for f in find_features(doc, gaz) if not _overlaps(f, found + streets)]
    kept: list[Mention] = []
    for mention in sorted(found + streets, key=lambda m: m.start):
        # an area word may reach past its entity ("Borno" + "state")
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _region(span: Span, gaz: Gazetteer) -> bool:
    """Tell whether ``span``'s likeliest reading is a continent or world region."""
    return gaz.candidates(span.text)[0].country_code == REGION_CODE


def _overlaps(mention: Mention, others: list[Mention]) -> bool:
    return any(mention.start < o.end and o.start < mention.end for o in others)


def _scan_doc(doc: Doc, gaz: Gazetteer, support: _Support,
              hits: dict[tuple[int, int], Hit | None]) -> list[Mention]:
    """Return the mentions of the whole doc, entity by entity and in the gaps between."""
    found, i = [], 0
    for ent in doc.ents:
        found += _scan(doc, i, ent.start, gaz, None, support, hits)
        if ent.label_ in SCANNED_LABELS:
            found += _scan(doc, ent.start, ent.end, gaz, ent, support, hits)
        i = ent.end
    return found + _scan(doc, i, len(doc), gaz, None, support, hits)


def find_features(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Return natural features by their generic word: "Neches River", "Lake Lanier", "Mount
    Hood", "River Lune" (unless the whole name is a gazetteer place: "Lake Charles")."""
    found, tokens = [], _tokens(doc)
    for token in (doc[i] for i, low in enumerate(tokens.lower)
                  if low.rstrip(".") in FEATURE_WORDS and tokens.capitalised[i]):
        if token.is_sent_start:
            continue
        word = token.lower_.rstrip(".")
        end = token.i + 1
        if word in FEATURE_SUFFIXES and token.i > 0 and _feature_word(doc[token.i - 1]):
            start = token.i - 1
            while start > max(0, token.i - 3) and _feature_word(doc[start - 1]):
                start -= 1
        elif word in FEATURE_PREFIXES and end < len(doc) and _feature_word(doc[end]):
            start, end = token.i, end + 1
        else:
            continue
        if end < len(doc) and _capitalised(doc[end]):
            continue  # "Lake Forest High School", "Neches River National Wildlife Refuge"
        if not gaz.known(doc[start:end].text):
            found.append(Mention(start, end, doc[start:end].text, street=True))
    return found


def _feature_word(token: Token) -> bool:
    """Tell whether ``token`` can be part of a feature's proper name ("Neches", "Smoky")."""
    return _capitalised(token) and token.pos_ == "PROPN" and not token.is_sent_start \
        and token.lower_ not in FEATURE_SUFFIXES


def find_streets(doc: Doc) -> list[Mention]:
    """Return street-level names: capitalised words or an ordinal before a capitalised street
    word ("Main Street", "40th Avenue", "Wichita Dr."), and numbered roads ("Highway 19")."""
    found, tokens = [], _tokens(doc)
    for token in (doc[i] for i, low in enumerate(tokens.lower)
                  if low.rstrip(".") in ROAD_WORDS and tokens.text[i][:1].isupper()):
        word = token.lower_.rstrip(".")
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


def find_street_lists(doc: Doc) -> list[Mention]:
    """Return the names of a list closed by a plural street or river word: "Culver" and
    "Charter" in "Culver and Charter streets", "Williams" in "the Williams and Cranberry
    rivers" (each name is a street or feature: no GeoNames id, no point)."""
    found = []
    for i, text in enumerate(_tokens(doc).text):
        if text in PLURAL_STREETS:  # lowercase: "Galaxy Lanes" is a bowling alley
            found += _list_names(doc, i)
    return found


def _list_names(doc: Doc, end: int) -> list[Mention]:
    """Return the capitalised names, separated by commas and "and", that end at ``end``."""
    names, stop, i = [], end, end - 1
    while i >= 0 and end - i <= 24:
        word = doc[i]
        if word.text in (",", "and", "or"):
            if stop == i + 1:
                break  # a separator with no name after it ends the list
            names.append(Mention(i + 1, stop, doc[i + 1:stop].text, street=True))
            stop = i
        elif not _capitalised(word) or word.is_stop:
            break
        elif word.is_sent_start:
            i -= 1
            break
        i -= 1
    if stop > i + 1:
        names.append(Mention(i + 1, stop, doc[i + 1:stop].text, street=True))
    return names


@dataclass(frozen=True, slots=True)
class _Reading:
    """What one mention says about the article before resolution."""

    key: str
    countries: frozenset[str]
    places: tuple[Entry, ...]
    vote: str | None
    state: tuple[str, str] | None  # (country, admin1) of the likeliest reading
    namesakes: tuple[Entry, ...] = ()  # states of other countries named like the country


def _read(mention: Mention, gaz: Gazetteer) -> _Reading:
    if mention.demonym or mention.street:
        codes = frozenset({mention.demonym}) if mention.demonym else frozenset()
        return _Reading(mention.text, codes, (), None, None)
    candidates = gaz.candidates(mention.text)
    top = candidates[0]
    if top.country_code == REGION_CODE:  # "Europe", "Middle East": no country to vote for
        return _Reading(fold(mention.text), frozenset(), (), None, None)
    namesakes = _foreign_states(top, candidates)
    sure = (top.feature == "country" and not namesakes) \
        or len({c.country_code for c in candidates}) == 1
    if top.feature == "admin1":  # unless another country has a state or country so named
        sure = sure or all(c.country_code == top.country_code for c in candidates
                           if c.feature in ("country", "admin1"))
    state = (top.country_code, top.admin1) if top.admin1 and top.feature != "country" else None
    return _Reading(fold(mention.text), frozenset({top.country_code}) if sure else frozenset(),
                    (top,) if sure else (), None if namesakes else top.country_code, state,
                    namesakes)


def _foreign_states(top: Entry, candidates: list[Entry]) -> tuple[Entry, ...]:
    """Return the states of other countries named like the country ``top`` ("Georgia"): the
    name then says nothing sure about which country the article is in."""
    if top.feature != "country":
        return ()
    return tuple(c for c in candidates
                 if c.feature == "admin1" and c.country_code != top.country_code)


def _context(readings: list[_Reading], key: str, gaz: Gazetteer,
             prior: ResolveContext | None = None) -> ResolveContext:
    """Return what the other toponyms say: the countries and states they name unambiguously,
    plus the home country and state most of their likeliest readings fall in (each name
    once, however often repeated), unless the source's state is known (``prior.home``):
    then a guess from likeliest readings, biased to big states, is left out. A country
    named like a state of a country the article is in ("Georgia" beside "Atlanta", or in
    a US paper) is that state. Mentions of the same name are left out, so that an
    ambiguous name cannot confirm itself."""
    prior = prior or ResolveContext()
    others = list({r.key: r for r in readings if r.key != key}.values())  # a name votes once
    countries = {c for r in others for c in r.countries}
    places = [p for r in others for p in r.places]
    votes = Counter(r.vote for r in others if r.vote)
    states = Counter(r.state for r in others if r.state and prior.home is None)
    countries.update(code for code, _ in votes.most_common(1))
    within = countries | prior.countries
    places += [e for r in others for e in r.namesakes if e.country_code in within]
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
    if after.demonym or after.street or after.associative or after.start != here.end + 1 \
            or doc[here.end].text != ",":
        return []
    top = gaz.candidates(after.text)[0]
    return [top] if top.feature in ("admin1", "country") else []


def focus_context(focus: Focus | None, gaz: Gazetteer) -> ResolveContext:
    """Return the prior a source's focus gives: its country, its state and its town."""
    if focus is None:
        return ResolveContext()
    places = [e for e in gaz.candidates(focus.admin1) if e.feature == "admin1"
              and e.country_code == focus.country_code][:1] if focus.admin1 else []
    if focus.lat is not None and focus.lon is not None:
        places.append(Entry(None, focus.place or "", focus.lat, focus.lon, focus.country_code,
                            "city", focus.admin1, None, 0))
    home = (focus.country_code, focus.admin1) if focus.admin1 else None
    return ResolveContext(frozenset({focus.country_code}), tuple(places), home)


def resolve_mentions(mentions: list[Mention], doc: Doc, gaz: Gazetteer,
                     focus: Focus | None = None) -> list[Place]:
    """Resolve every mention to a :class:`Place` (offsets are character offsets of ``doc``);
    ``focus``, where the article's source is usually set, steers ambiguous names."""
    readings, places = [_read(m, gaz) for m in mentions], []
    prior = focus_context(focus, gaz)
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
        context = _context(readings, fold(mention.text), gaz, prior)
        local = ResolveContext(context.countries | prior.countries
                               | {e.country_code for e in extra},
                               (*context.places, *prior.places, *extra), prior.home)
        entry = _local_namesake(gaz.resolve(mention.text, local), mention.text, context,
                                prior, gaz)
        if entry is not None:
            places.append(_place(doc, mention.start, mention.site_end or mention.end, entry,
                                 mention.associative, site=mention.site_end is not None))
    return places


def _local_namesake(entry: Entry | None, text: str, context: ResolveContext,
                    prior: ResolveContext, gaz: Gazetteer) -> Entry | None:
    """Return the town of the source's state named like a foreign country ("Jordan",
    "Lebanon" in a Minnesota or Indiana paper) when nothing else in the article is abroad;
    else ``entry``."""
    home = prior.home
    if entry is None or home is None or entry.feature != "country" or entry.country_code \
            == home[0] or context.countries - {home[0]}:
        return entry
    local = [e for e in gaz.candidates(text) if e.feature in ("city", "admin2")
             and (e.country_code, e.admin1) == home]
    return local[0] if local else entry


def _place(doc: Doc, start: int, end: int, entry: Entry, associative: bool,
           site: bool = False) -> Place:
    span = doc[start:end]
    if entry.country_code == REGION_CODE:  # a continent or region: no country, never an event's
        return Place(TextSpan(span.start_char, span.end_char, span.text), entry.name,
                     entry.geonameid, entry.lat, entry.lon, None, "region",
                     associative=associative)
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
    profile: SourceProfile | None = None  # source focus; else the settings' source_profile

    def warm_up(self) -> None:
        """Load (or build and cache) the gazetteer index."""
        load_gazetteer(self.settings)

    def __call__(self, article: Article, doc: Doc) -> Article:
        """Return ``article`` with its places found in ``doc``."""
        gaz = load_gazetteer(self.settings)
        profile = self.profile or _settings_profile(self.settings)
        focus = profile.focus(article.meta.source, article.meta.url) if profile else None
        places = resolve_mentions(find_mentions(doc, gaz, focus), doc, gaz, focus)
        return article.with_(places=tuple(sorted(places, key=lambda p: p.span.start)))


def _settings_profile(settings: Settings) -> SourceProfile | None:
    """Return the profile file ``settings.source_profile`` names, if any (read once)."""
    path = settings.source_profile
    return _read_profile(path) if path else None


@lru_cache(maxsize=4)
def _read_profile(path: str) -> SourceProfile:
    return load_profile(path)
