"""One event, many reports: merging event mentions across articles, and stories.

Every decision is a pure function of the two things compared (:func:`compare`
for two event mentions, :func:`~eventcoder.resolve.dedup.is_near_duplicate` for
two articles), and every pair within a block is compared exactly once, whichever
arrives first. Mentions joined by a link form one merged event (connected
components); the merged id hashes the smallest member id. So the same articles
give the same merged events in any order and in any split into batches.

* :func:`resolve` — incremental: signs the new articles (SimHash, term counts),
  links near duplicates, compares each new event with the events of its block
  (same country, block day within :data:`BLOCK_DAYS`), keeps every positive
  link with the scores that made it, and recomputes merged events and stories.
* :func:`reconcile` — the fields of one merged event from its mentions.
* :func:`unmerge` — vetoes links (kept, marked) so that a merge can be undone.

See docs/crossdoc.md for the rules and their reasons.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventcoder.model import content_id
from eventcoder.resolve import dedup
from eventcoder.store import Store
from eventcoder.store.resolution import ResolutionTables

BLOCK_DAYS = 7  # events further apart than this (by block day) are never compared
DAY_TOLERANCE = {"day": 1, "week": 7, "month": 31, "year": 366}
UNDATED_TOLERANCE = 3  # days between publication dates when an event has no date
KM_LIMIT = {1: 30.0, 2: 100.0, 3: 400.0}  # by the coarser geo_precision of the two
TYPE_GROUPS = {
    "Protests": "unrest", "Riots": "unrest",
    "Battles": "violence", "Violence against civilians": "violence",
    "Explosions/Remote violence": "violence",
}
WEIGHTS = {"type": 0.3, "text": 0.3, "actors": 0.2, "place": 0.1, "date": 0.1}
MERGE_SCORE = 0.55  # weighted score needed to merge ...
MIN_TEXT = 0.2  # ... and at least this much similarity of the two sentences
CONFLICT_TEXT = 0.5  # named actors that differ only merge when the sentences are this alike
STORY_THRESHOLD = 0.12  # average-link tf-idf cosine for two groups of articles to join
STORY_EVENT_BONUS = 0.1  # added to the similarity of two articles reporting one merged event
STORY_TOP_TERMS = 20  # an article is a candidate of those sharing one of its top terms
STORY_MAX_DF = 50  # ... unless more articles share it (not distinctive; bounds the pairs)
STORY_ABROAD_THRESHOLD = 0.25  # text alone joins articles about other countries only above this

COUNT_KEYS = (("fatalities", "killed"), ("injured", "injured"), ("arrested", "arrested"))
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True, slots=True)
class Mention:
    """One event as one article reports it: what the comparison reads."""

    id: str
    article_id: str
    published: date | None
    day: date | None
    precision: str | None
    plover: str | None
    acled_type: str | None
    acled_sub_type: str | None
    country: str
    lat: float | None
    lon: float | None
    geo_precision: int | None
    actors: frozenset[str]
    terms: dict[str, float]

    @property
    def block_day(self) -> date | None:
        """The day the event is blocked under: its date unless vague, else the report's."""
        if self.day and self.precision in ("day", "week"):
            return self.day
        return self.published or self.day


@dataclass(frozen=True, slots=True)
class Decision:
    """Whether two mentions report one event, with the scores that decided it."""

    same: bool
    score: float
    reason: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ResolveSummary:
    """What one :func:`resolve` call did."""

    new_articles: int
    duplicate_links: int
    new_events: int
    comparisons: int
    event_links: int
    merged_events: int
    stories: int


def mention(event: dict[str, Any]) -> Mention:
    """Return the :class:`Mention` of a stored event dict (as :meth:`Store.events` gives)."""
    when = event.get("date") or {}
    loc = event.get("location") or {}
    acled = event.get("acled") or {}
    article = event.get("article") or {}
    sentence = (event.get("sentence") or {}).get("text") or event["trigger"]["text"]
    return Mention(
        id=event["id"], article_id=article.get("id") or "",
        published=_day(article.get("published")), day=_day(when.get("value")),
        precision=when.get("precision"), plover=(event.get("plover") or {}).get("event"),
        acled_type=acled.get("event_type"), acled_sub_type=acled.get("sub_event_type"),
        country=loc.get("country_code") or "", lat=loc.get("lat"), lon=loc.get("lon"),
        geo_precision=loc.get("geo_precision"), actors=_actor_names(event),
        terms=dedup.unit_vector(dedup.terms(sentence)),
    )


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _actor_names(event: dict[str, Any]) -> frozenset[str]:
    return frozenset((a.get("name") or a.get("text") or "").lower()
                     for a in event.get("actors") or ()
                     if (a.get("name") or a.get("text")) and a.get("role") != "recipient")


# --- the pairwise decision ---------------------------------------------------

def compare(a: Mention, b: Mention) -> Decision:
    """Decide whether ``a`` and ``b`` are one real-world event; symmetric in its arguments.

    Hard rules first (different articles, compatible types, dates and places within
    tolerance), then a weighted score of type, sentence similarity, actor overlap,
    distance and days apart. The reason holds every score.
    """
    if a.id > b.id:
        a, b = b, a
    reason: dict[str, Any] = {
        "type": type_score(a, b), "days": days_apart(a, b), "day_limit": day_limit(a, b),
        "km": km_apart(a, b), "km_limit": km_limit(a, b), "actors": actor_overlap(a, b),
        "text": round(dedup.cosine(a.terms, b.terms), 3),
    }
    veto = _veto(a, b, reason)
    score = _score(reason)
    reason["score"] = score
    if veto:
        reason["rule"] = veto
        return Decision(False, score, reason)
    same = score >= MERGE_SCORE and reason["text"] >= MIN_TEXT
    reason["rule"] = "merged" if same else "too little evidence"
    return Decision(same, score, reason)


def _veto(a: Mention, b: Mention, reason: dict[str, Any]) -> str | None:
    if a.article_id == b.article_id:
        return "same article (merged by the extractor, not across reports)"
    if a.country != b.country:
        return "different countries"
    if reason["type"] == 0.0:
        return "incompatible event types"
    if reason["days"] is not None and reason["days"] > reason["day_limit"]:
        return "dates too far apart"
    if reason["km"] is not None and reason["km"] > reason["km_limit"]:
        return "places too far apart"
    if reason["actors"] == 0.0 and reason["text"] < CONFLICT_TEXT:
        return "different named actors"
    return None


def _score(reason: dict[str, Any]) -> float:
    days, km = reason["days"], reason["km"]
    parts = {
        "type": reason["type"],
        "text": min(1.0, reason["text"] / CONFLICT_TEXT),
        "actors": 0.5 if reason["actors"] is None else reason["actors"],
        "place": 0.5 if km is None else max(0.0, 1.0 - km / reason["km_limit"]),
        "date": 0.5 if days is None else max(0.0, 1.0 - days / (reason["day_limit"] + 1)),
    }
    return round(sum(WEIGHTS[k] * v for k, v in parts.items()), 3)


def type_score(a: Mention, b: Mention) -> float:
    """1 same ACLED sub-type, .8 same ACLED type, .7 same PLOVER type, .5 related, 0 else."""
    if a.acled_type and a.acled_type == b.acled_type:
        return 1.0 if a.acled_sub_type == b.acled_sub_type else 0.8
    if a.plover and a.plover == b.plover:
        return 0.7
    group = TYPE_GROUPS.get(a.acled_type or "")
    return 0.5 if group and group == TYPE_GROUPS.get(b.acled_type or "") else 0.0


def days_apart(a: Mention, b: Mention) -> int | None:
    """Days between the event dates (publication dates when either is undated)."""
    first, second = (a.day, b.day) if a.day and b.day else (a.published, b.published)
    return abs((first - second).days) if first and second else None


def day_limit(a: Mention, b: Mention) -> int:
    """The days two mentions may be apart: the vaguer date's tolerance."""
    if not (a.day and b.day):
        return UNDATED_TOLERANCE
    return max(DAY_TOLERANCE.get(p or "day", 1) for p in (a.precision, b.precision))


def km_apart(a: Mention, b: Mention) -> float | None:
    """Great-circle distance between the two locations, or None when one is not placed."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return round(2 * 6371.0 * math.asin(min(1.0, math.sqrt(h))), 1)


def km_limit(a: Mention, b: Mention) -> float:
    """The distance two mentions may be apart: by the coarser geo_precision."""
    coarse = max(a.geo_precision or 1, b.geo_precision or 1)
    return KM_LIMIT.get(coarse, KM_LIMIT[3])


def actor_overlap(a: Mention, b: Mention) -> float | None:
    """Jaccard overlap of the actors' names, or None when either names none."""
    if not a.actors or not b.actors:
        return None
    return round(len(a.actors & b.actors) / len(a.actors | b.actors), 3)


# --- incremental resolution ----------------------------------------------------

def resolve(store: Store) -> ResolveSummary:
    """Resolve what is new in ``store``: duplicates, event links, merged events, stories."""
    tables = store.resolution
    with store.batch():
        articles, dup_links = _sign_articles(tables)
        new_events, comparisons, links = _link_events(store, tables)
        merged = _merge(tables)
        stories = build_stories(tables)
    return ResolveSummary(articles, dup_links, new_events, comparisons, links,
                          len(set(merged.values())), len(set(stories.values())))


def _sign_articles(tables: ResolutionTables) -> tuple[int, int]:
    pending, links = tables.unsigned_articles(), 0
    for article_id, title, _published, text in pending:
        fingerprint = dedup.simhash(text)
        keys = dedup.bands(fingerprint)
        tables.add_signature(article_id, fingerprint, dict(dedup.terms(f"{title or ''}\n{text}")),
                             keys)
        for other, theirs in tables.band_neighbours(article_id, keys):
            bits = dedup.hamming(fingerprint, theirs)
            if bits <= dedup.MAX_BITS:
                reason = {"simhash_bits_apart": bits, "max_bits": dedup.MAX_BITS}
                tables.add_article_link(article_id, other, "near_duplicate", bits, reason)
                links += 1
    return len(pending), links


def _link_events(store: Store, tables: ResolutionTables) -> tuple[int, int, int]:
    new = [mention(e) for e in tables.unresolved_events()]
    cache = {m.id: m for m in new}
    comparisons = links = 0
    for m in new:
        day = m.block_day.toordinal() if m.block_day else 0
        ids = tables.block_candidates(m.country, day - BLOCK_DAYS, day + BLOCK_DAYS)
        for other in _load(store, cache, ids):
            decision = compare(m, other)
            comparisons += 1
            if decision.same:
                tables.add_event_link(m.id, other.id, decision.score, decision.reason)
                links += 1
        tables.add_block(m.id, m.country, day)
    return len(new), comparisons, links


def _load(store: Store, cache: dict[str, Mention], ids: list[str]) -> list[Mention]:
    missing = [i for i in ids if i not in cache]
    if missing:
        cache.update((e["id"], mention(e)) for e in store.events(ids=missing))
    return [cache[i] for i in ids]


def _merge(tables: ResolutionTables) -> dict[str, str]:
    ids = tables.event_ids()
    groups = components(ids, ((k["a"], k["b"]) for k in tables.event_links()))
    merged = {i: content_id("event", root) for i, root in groups.items()}
    tables.set_merged(merged)
    return merged


def components(ids: Iterable[str], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Return each id's component, named by its smallest member (union-find)."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            parent[max(ra, rb)] = min(ra, rb)
    return {i: find(i) for i in parent}


def unmerge(store: Store, event_id: str, other: str | None = None) -> int:
    """Split ``event_id`` from its merged event (or only from ``other``); return links vetoed.

    The links stay in the table, marked vetoed, so the split is explained and a
    later :func:`resolve` does not merge them again.
    """
    with store.batch():
        vetoed = store.resolution.veto_links(event_id, other)
        _merge(store.resolution)
        build_stories(store.resolution)
    return vetoed


# --- stories ---------------------------------------------------------------------

def build_stories(tables: ResolutionTables) -> dict[str, str]:
    """Group every article into a story; store and return article id -> story id.

    Articles are joined by average-link clustering over their similarity: the
    tf-idf cosine of title and text, plus :data:`STORY_EVENT_BONUS` for articles
    reporting one merged event, and 1 for near duplicates. Two groups
    join while their average similarity is at least :data:`STORY_THRESHOLD`.
    """
    signatures = tables.signatures()
    similarity = _same_place(_article_similarity(signatures), tables.article_countries())
    for a, b in _event_pairs(tables):
        similarity[(a, b)] = similarity.get((a, b), 0.0) + STORY_EVENT_BONUS
    for link in tables.article_links():
        similarity[(link["a"], link["b"])] = 1.0
    groups = average_link([aid for aid, _ in signatures], similarity, STORY_THRESHOLD)
    stories = {aid: content_id("story", root) for aid, root in groups.items()}
    tables.set_stories(stories)
    return stories


def _same_place(similarity: dict[tuple[str, str], float],
                countries: dict[str, set[str]]) -> dict[tuple[str, str], float]:
    """Drop text-only similarity between articles whose events are in different countries.

    Two reports of attacks, one in Pakistan and one in Nigeria, read alike but are not
    one story. Country coding is noisy, so a pair that reads very alike
    (:data:`STORY_ABROAD_THRESHOLD`) is kept; articles with no located event keep theirs.
    """
    def apart(a: str, b: str) -> bool:
        ca, cb = countries.get(a), countries.get(b)
        return bool(ca and cb and not ca & cb)

    return {pair: score for pair, score in similarity.items()
            if score >= STORY_ABROAD_THRESHOLD or not apart(*pair)}


def _article_similarity(signatures: list[tuple[str, dict[str, int]]]
                        ) -> dict[tuple[str, str], float]:
    df = Counter(t for _, terms in signatures for t in terms)
    n = len(signatures)
    idf = {t: math.log((1 + n) / (1 + k)) + 1.0 for t, k in df.items()}
    vectors = {aid: dedup.unit_vector(terms, idf) for aid, terms in signatures}
    index: dict[str, list[str]] = defaultdict(list)
    for aid, vector in vectors.items():
        for term in sorted(vector, key=lambda t: (-vector[t], t))[:STORY_TOP_TERMS]:
            index[term].append(aid)
    pairs = {(x, y) for ids in index.values() if len(ids) <= STORY_MAX_DF
             for x in ids for y in ids if x < y}
    return {(a, b): dedup.cosine(vectors[a], vectors[b]) for a, b in sorted(pairs)}


def _event_pairs(tables: ResolutionTables) -> set[tuple[str, str]]:
    by_event: dict[str, set[str]] = defaultdict(set)
    for merged_id, _event_id, article_id in tables.merged_members():
        by_event[merged_id].add(article_id)
    return {tuple(sorted((x, y))) for ids in by_event.values() if len(ids) > 1
            for x in ids for y in ids if x != y}


def average_link(ids: list[str], similarity: dict[tuple[str, str], float],
                 threshold: float) -> dict[str, str]:
    """Average-link clustering over a sparse similarity (missing pairs count 0).

    Returns each id's cluster, named by its smallest member. Ties break on the
    names, so the result depends only on the ids and the similarities.
    """
    members = {i: [i] for i in ids}
    sums: dict[str, dict[str, float]] = {i: {} for i in ids}
    for (a, b), s in similarity.items():
        if a in sums and b in sums and s > 0:
            sums[a][b] = sums[b][a] = s
    heap = [(-s / 1, a, b) for a in sorted(sums) for b, s in sums[a].items() if a < b]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if -neg < threshold:
            break
        if a not in members or b not in members or _average(sums, members, a, b) != -neg:
            continue
        _join(sums, members, heap, a, b)
    return {i: root for root, group in members.items() for i in group}


def _average(sums: dict[str, dict[str, float]], members: dict[str, list[str]],
             a: str, b: str) -> float:
    return sums[a].get(b, 0.0) / (len(members[a]) * len(members[b]))


def _join(sums: dict[str, dict[str, float]], members: dict[str, list[str]],
          heap: list[tuple[float, str, str]], a: str, b: str) -> None:
    keep, gone = min(a, b), max(a, b)
    members[keep] = sorted(members[keep] + members.pop(gone))
    for other, s in sums.pop(gone).items():
        if other != keep:
            sums[other].pop(gone, None)
            sums[keep][other] = sums[other][keep] = sums[keep].get(other, 0.0) + s
    sums[keep].pop(gone, None)
    for other in sums[keep]:
        x, y = sorted((keep, other))
        heapq.heappush(heap, (-_average(sums, members, x, y), x, y))


# --- reconciliation ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Report:
    """One figure as one report gives it."""

    value: int
    article_id: str
    source: str | None
    published: str | None
    update: bool


@dataclass(frozen=True, slots=True)
class Figure:
    """A reconciled count: the value, the rule that chose it, and every report's figure."""

    kind: str
    value: int
    rule: str
    reports: tuple[Report, ...]

    @property
    def disagreement(self) -> bool:
        """True when the reports do not all give the same figure."""
        return len({r.value for r in self.reports}) > 1


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One real-world event with every mention that reports it and its reconciled fields."""

    id: str
    event: dict[str, Any]  # the chosen fields, shaped like a stored event dict
    mentions: tuple[dict[str, Any], ...]
    figures: tuple[Figure, ...]
    sources: int  # reporting articles, near duplicates counted once
    links: tuple[dict[str, Any], ...]  # why the mentions were merged

    def figure(self, kind: str) -> Figure | None:
        """Return the reconciled figure of ``kind`` (fatalities, injured, arrested)."""
        return next((f for f in self.figures if f.kind == kind), None)


def reconcile(merged_id: str, mentions: list[dict[str, Any]],
              duplicates: Iterable[tuple[str, str]] = (),
              links: Iterable[dict[str, Any]] = ()) -> MergedEvent:
    """Return the merged event of ``mentions`` (stored event dicts) with stated rules.

    * counts: the latest report stating an update ("rose to 18") supersedes earlier
      ones; otherwise the lowest figure (ACLED's most conservative), every report's
      figure kept so the disagreement shows;
    * location: the most precise (lowest geo_precision) wins; date: the most precise;
    * type: the most reported (ACLED type, sub-type, PLOVER type); ties to the earliest;
    * sources: distinct articles, near-duplicate articles counted once.
    """
    ordered = sorted(mentions, key=_report_order)
    figures = tuple(f for key, kind in COUNT_KEYS if (f := _figure(ordered, key, kind)))
    event = dict(_most_reported_type(ordered))
    event["location"] = _most_precise(ordered, "location", _place_rank)
    event["date"] = _most_precise(ordered, "date", _date_rank)
    for figure in figures:
        event[figure.kind] = figure.value
    event["actors"] = _actors(ordered)
    event["id"] = merged_id
    articles = sorted({m["article"]["id"] for m in ordered})
    groups = components(articles, duplicates)
    return MergedEvent(merged_id, event, tuple(ordered), figures, len(set(groups.values())),
                       tuple(links))


def _report_order(event: dict[str, Any]) -> tuple:
    article = event.get("article") or {}
    return (article.get("published") or "9999", article.get("id") or "", event["id"])


def _figure(ordered: list[dict[str, Any]], key: str, kind: str) -> Figure | None:
    reports = tuple(
        Report(m[key], m["article"]["id"], m["article"].get("source"),
               m["article"].get("published"), _is_update(m, kind))
        for m in ordered if m.get(key) is not None
    )
    if not reports:
        return None
    updates = [r for r in reports if r.update]
    if updates:
        return Figure(key, updates[-1].value, "latest update supersedes earlier reports", reports)
    if len({r.value for r in reports}) == 1:
        return Figure(key, reports[0].value, "all reports agree", reports)
    return Figure(key, min(r.value for r in reports), "lowest figure (sources disagree)", reports)


def _is_update(event: dict[str, Any], kind: str) -> bool:
    figure = event.get({kind: key for key, kind in COUNT_KEYS}[kind])
    return any(c.get("kind") == kind and c.get("update") and c.get("value") == figure
               for c in event.get("counts") or ())


def _most_reported_type(ordered: list[dict[str, Any]]) -> dict[str, Any]:
    keys = [(_type_key(m), n) for n, m in enumerate(ordered)]
    tally = Counter(k for k, _ in keys)
    best = min(keys, key=lambda kn: (-tally[kn[0]], kn[1]))[1]
    chosen = ordered[best]
    return {"acled": chosen.get("acled"), "plover": chosen.get("plover"),
            "cameo_root": chosen.get("cameo_root")}


def _type_key(event: dict[str, Any]) -> tuple:
    acled = event.get("acled") or {}
    return (acled.get("event_type"), acled.get("sub_event_type"),
            (event.get("plover") or {}).get("event"))


def _most_precise(ordered: list[dict[str, Any]], field: str, rank: Any) -> dict[str, Any] | None:
    present = [(rank(m[field]), n, m[field]) for n, m in enumerate(ordered) if m.get(field)]
    return min(present, key=lambda p: (p[0], p[1]))[2] if present else None


def _place_rank(location: dict[str, Any]) -> int:
    return location.get("geo_precision") or 4


def _date_rank(when: dict[str, Any]) -> int:
    if not when.get("value"):
        return 9
    return PRECISION_RANK.get(when.get("precision") or "day", 4)


def _actors(ordered: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for m in ordered:
        for actor in m.get("actors") or ():
            key = (actor.get("role") or "", actor.get("name") or actor.get("text") or "")
            seen.setdefault(key, actor)
    return list(seen.values())


def merged_events(store: Store, **filters: Any) -> list[MergedEvent]:
    """Return the merged events of ``store`` (filters as in :meth:`Store.events`), by date.

    A merged event is listed when any of its mentions passes the filters; it
    then carries all of its mentions.
    """
    hits = store.events(**filters)
    wanted = sorted({e["merged_id"] or e["id"] for e in hits})
    members: dict[str, list[str]] = defaultdict(list)
    tables, wanted_set = store.resolution, set(wanted)
    for merged_id, event_id, _article in tables.merged_members():
        if merged_id in wanted_set:
            members[merged_id].append(event_id)
    events = {e["id"]: e for e in store.events(ids=[i for ids in members.values() for i in ids])}
    events.update({e["id"]: e for e in hits})
    duplicates = [(k["a"], k["b"]) for k in tables.article_links()]
    links: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for link in tables.event_links():
        if link["a"] in events:
            links[events[link["a"]]["merged_id"]].append(link)
    unresolved = {e["id"]: [e] for e in hits if not e["merged_id"]}
    out = [reconcile(m, [events[i] for i in members[m]] or unresolved[m], duplicates,
                     links.get(m, ())) for m in wanted]
    return sorted(out, key=_merged_order)


def _merged_order(merged: MergedEvent) -> tuple:
    day = (merged.event.get("date") or {}).get("value")
    return (day is None, day or "", merged.id)
