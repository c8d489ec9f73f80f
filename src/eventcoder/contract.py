"""Output contract v1: one JSON object per article (see docs/contract.md).

External scorers read exactly the keys the contract names; extra keys
(``evidence``, ``mentions``, ``labels``, ``timex``) only add evidence.
"""

from __future__ import annotations

from typing import Any

from eventcoder.model import (
    Actor,
    Article,
    Attribution,
    Count,
    Event,
    EventDate,
    EventLocation,
    Place,
    Span,
    TimeExpr,
)

CONTRACT_VERSION = "1"


def article_to_json(article: Article) -> dict[str, Any]:
    """Return the contract v1 object of ``article``."""
    meta = article.meta
    return {
        "article": {
            "id": meta.id,
            "title": meta.title,
            "published": meta.published.isoformat() if meta.published else None,
            "source": meta.source,
            "url": meta.url,
            "language": meta.language,
        },
        "events": [event_to_json(e) for e in article.events],
        "places": [place_to_json(p) for p in article.places],
        "dates": [time_to_json(t) for t in article.dates],
        "rejected": (
            {"reason": article.rejected.reason, "detail": article.rejected.detail}
            if article.rejected
            else None
        ),
    }


def event_to_json(event: Event) -> dict[str, Any]:
    """Return one event of the contract."""
    return {
        "id": event.id,
        "trigger": event.trigger.to_json(),
        "sentence": {"start": event.sentence.start, "end": event.sentence.end},
        "plover": {"event": event.plover, "mode": event.mode, "context": list(event.context)},
        "acled": {
            "event_type": event.acled_event_type,
            "sub_event_type": event.acled_sub_event_type,
            "disorder_type": event.disorder_type,
        },
        "cameo_root": event.cameo_root,
        "actors": [actor_to_json(a) for a in event.actors],
        "date": _date(event.date),
        "location": _location(event.location),
        "fatalities": event.count("killed"),
        "injured": event.count("injured"),
        "arrested": event.count("arrested"),
        "attribution": {**_attribution(event.attribution), "stance": stance(event)},
        "modality": event.modality,
        "confidence": round(event.confidence, 3),
        "typing": {"acled": _scores(event.acled_scores), "plover": _scores(event.plover_scores)},
        "mentions": [m.to_json() for m in event.mentions],
        "evidence": {
            kind: _count(chosen)
            for kind in dict.fromkeys(c.kind for c in event.counts)
            if (chosen := event.chosen(kind)) is not None
        },
        "counts": [{"kind": c.kind, **_count(c)} for c in event.counts],
        "labels": [
            {
                "label": a.label,
                "text": a.span.text,
                "start": a.span.start,
                "end": a.span.end,
                "speaker": a.name,
            }
            for a in event.labels
        ],
    }


def _scores(scores: tuple[tuple[str, float], ...]) -> list[dict[str, Any]]:
    return [{"label": label, "p": p} for label, p in scores]


def _count(count: Count) -> dict[str, Any]:
    return {**count.span.to_json(), "value": count.value, "update": count.update,
            "party": count.party, "group": count.group.to_json() if count.group else None}


def stance(event: Event) -> str:
    """Who vouches for the event: the outlet ("asserted"), or a source whose claim the
    outlet only reports ("claimed"); "denied" when the source denies it."""
    if event.modality == "negated" and event.attribution.kind != "author":
        return "denied"
    return "asserted" if event.attribution.kind == "author" else "claimed"


def actor_to_json(actor: Actor) -> dict[str, Any]:
    """Return one actor of the contract."""
    return {
        "role": actor.role,
        **actor.span.to_json(),
        "name": actor.name,
        "inter": actor.inter,
        "country_code": actor.country_code,
        "sector": actor.sector,
        "acled_name": actor.acled_name or actor.name,
    }


def place_to_json(place: Place) -> dict[str, Any]:
    """Return one resolved toponym of the contract's ``places`` list."""
    return {
        **place.span.to_json(),
        "name": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "feature": place.feature,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "associative": place.associative,
    }


def time_to_json(expr: TimeExpr) -> dict[str, Any]:
    """Return one temporal expression of the contract's ``dates`` list."""
    out = {**expr.span.to_json(), "value": expr.value, "precision": expr.precision}
    if expr.reason:
        out["reason"] = expr.reason
    return out


def _span_fields(span: Span | None) -> dict[str, Any]:
    return span.to_json() if span else {"text": None, "start": None, "end": None}


def _date(value: EventDate | None) -> dict[str, Any] | None:
    if value is None:
        return None
    out = {
        "value": value.value.isoformat() if value.value else None,
        "precision": value.precision,
        **_span_fields(value.span),
        "timex": value.timex,
    }
    if value.reason:
        out["reason"] = value.reason
    return out


def _location(loc: EventLocation | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    place = loc.place
    return {
        "name": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "feature": place.feature,
        "geo_precision": loc.geo_precision,
        **place.span.to_json(),
        "inherited": loc.inherited,
    }


def _attribution(attr: Attribution) -> dict[str, Any]:
    return {
        "kind": attr.kind,
        "source": attr.source,
        **_span_fields(attr.span),
        "verb": attr.verb.text if attr.verb else None,
        "verb_start": attr.verb.start if attr.verb else None,
        "verb_end": attr.verb.end if attr.verb else None,
    }
