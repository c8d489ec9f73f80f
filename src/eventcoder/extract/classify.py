"""The typing model's reading of each event sentence, weighed against the lexicon's.

Runs right after the trigger lexicon (``events``). For every sentence holding
an event it keeps the model's ACLED and PLOVER probabilities on the event
(``acled_scores``, ``plover_scores``: evidence a user can inspect) and settles
the PLOVER type: the lexicon's type gets ``plover_rule_weight`` added to its
probability and the best type wins. The ACLED sub-type is settled the same way
in ``coding`` (:func:`decide`), once actors are known to the rules.

A sentence where the lexicon found no trigger gets an event when the model
gives one ACLED sub-type at least ``new_event`` probability; its trigger is the
sentence's main verb (the parse root), the evidence a reader checks.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventcoder.extract._doc import token_span
from eventcoder.extract.classifier import MODEL_PATH, NONE, TypingModel, load_typing_model
from eventcoder.extract.events import modality_of
from eventcoder.model import Article, Event, Span, content_id
from eventcoder.pipeline import Stage, register
from eventcoder.settings import Settings

__all__ = ["MODEL_HINT", "Classify", "decide", "model_label", "typing_model"]

Scores = tuple[tuple[str, float], ...]
KEEP = 0.02  # probabilities below this are not kept as evidence
MODEL_HINT = "model"  # the hint of events the model found where the lexicon found none

# The PLOVER type of an event found by the model alone when its PLOVER head says none.
PLOVER_OF_SUB_TYPE = {
    "Peaceful protest": "PROTEST", "Protest with intervention": "PROTEST",
    "Violent demonstration": "PROTEST", "Agreement": "AGREE", "Arrests": "COERCE",
    "Disrupted weapons use": "COERCE", "Headquarters or base established": "MOBILIZE",
    "Non-violent transfer of territory": "RETREAT", "Change to group/activity": "MOBILIZE",
    "Other": "COERCE",
}


def typing_model(settings: Settings) -> TypingModel | None:
    """The configured typing model (loaded once), None when ``typing_model = "off"``."""
    if settings.typing_model == "off":
        return None
    return load_typing_model(settings.typing_model or str(MODEL_PATH))


def _scores(probs: dict[str, float]) -> Scores:
    ranked = sorted(probs.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple((label, round(p, 4)) for label, p in ranked if p >= KEEP)


def model_label(scores: Scores) -> str | None:
    """The model's best label other than NONE."""
    return next((label for label, _ in scores if label != NONE), None)


def decide(rule: str | None, scores: Scores, rule_weight: float) -> str | None:
    """The label with the best probability once ``rule_weight`` is added to the rules' label.

    ``rule`` None and the model's ``NONE`` both mean "no event of this scheme";
    with no scores the rules' label stands.
    """
    if not scores:
        return rule
    weighed = {label: p for label, p in scores}
    key = rule or NONE
    weighed[key] = weighed.get(key, 0.0) + rule_weight
    best = max(weighed, key=lambda label: (weighed[label], label == key))
    return None if best == NONE else best


def _sentence_span(doc: Doc, sentence: Span) -> SpacySpan | None:
    return doc.char_span(sentence.start, sentence.end, alignment_mode="expand")


def _with_scores(event: Event, acled: Scores, plover: Scores, weight: float) -> Event:
    kind = decide(event.plover, plover, weight) or event.plover
    return replace(event, acled_scores=acled, plover_scores=plover, plover=kind)


# Verbs of saying and thinking: the event is in the clause they govern, never the verb itself.
REPORTING = {"say", "tell", "report", "state", "claim", "add", "confirm", "announce", "allege",
             "note", "stress", "emphasise", "emphasize", "believe", "think", "explain", "recall",
             "warn", "write", "insist", "argue", "accord", "quote", "reiterate", "declare"}


def _main_verb(span: SpacySpan) -> Token | None:
    """The sentence's main verb: the root, or the clause a reporting root reports; None when
    the sentence only reports speech with no event clause."""
    root = span.root
    if root.lemma_.lower() in REPORTING:
        said = [c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ == "VERB"]
        return said[0] if said else None
    if root.pos_ in ("VERB", "NOUN", "PROPN"):
        return root
    return next((t for t in span if t.pos_ == "VERB"), None)


def _new_event(article: Article, token: Token, acled: Scores, plover: Scores) -> Event:
    sub = model_label(acled) or NONE
    kind = model_label(plover) or PLOVER_OF_SUB_TYPE.get(sub, "ASSAULT")
    span = token_span(article, token)
    sentence = next(s for s in article.sentences if s.start <= span.start < s.end)
    return Event(id=content_id(article.id, str(span.start), kind), trigger=span,
                 sentence=sentence, plover=kind, modality=modality_of(token), hint=MODEL_HINT,
                 confidence=round(dict(acled)[sub], 3), acled_scores=acled,
                 plover_scores=plover)


def _best_event_probability(acled: Scores) -> float:
    return max((p for label, p in acled if label != NONE), default=0.0)


def _in_sentences(article: Article, event: Event) -> bool:
    return any(s.start <= event.trigger.start < s.end for s in article.sentences)


def _sentence_events(article: Article, doc: Doc, sentence: Span,
                     model: TypingModel) -> list[Event]:
    """The events of one sentence, scored, plus the model's event if it has one."""
    inside = [e for e in article.events if sentence.start <= e.trigger.start < sentence.end]
    span = _sentence_span(doc, sentence)
    verb = _main_verb(span) if span is not None and len(span) and not inside else None
    if span is None or not len(span) or (not inside and verb is None):
        return inside  # nothing to score and no event verb to hang a model event on
    acled, plover = (_scores(p) for p in model.predict(span))
    out = [_with_scores(e, acled, plover, model.decision.plover_rule_weight) for e in inside]
    if verb is not None and _best_event_probability(acled) >= model.decision.new_event:
        out.append(_new_event(article, verb, acled, plover))
    return out


def score_events(article: Article, doc: Doc, model: TypingModel) -> tuple[Event, ...]:
    """The article's events with the model's scores, plus the model's own events."""
    out = [e for s in article.sentences for e in _sentence_events(article, doc, s, model)]
    out.extend(e for e in article.events if not _in_sentences(article, e))
    return tuple(sorted(out, key=lambda e: e.trigger.start))


@register
class Classify(Stage):
    """Adds the typing model's scores to events, settles PLOVER types, adds model events."""

    name = "classify"
    reads = ("sentences", "events")
    adds = ("events.scored",)

    def warm_up(self) -> None:
        """Load the typing model."""
        typing_model(self.settings)

    def __call__(self, article: Article, doc: Doc) -> Article:
        """Return ``article`` with scored events."""
        model = typing_model(self.settings)
        if model is None:
            return article
        return article.with_(events=score_events(article, doc, model))
