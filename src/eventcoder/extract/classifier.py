"""A linear event-type classifier over the parsed sentence: the trained half of typing.

The lexicon (:mod:`eventcoder.extract.events`) finds the trigger words and the
rules of :mod:`eventcoder.ontology.acled` code them. Rules are precise where their
words are, but coders' hardest calls (peaceful protest or protest with
intervention, armed clash or attack, accident or attack) rest on the whole
sentence. This module holds a multinomial logistic-regression model with two
heads: ACLED sub-event type (25 sub-types plus ``NONE``, "no ACLED event") and
PLOVER type (16 types plus ``NONE``).

Features are binary and L2-normalised: lower-case lemmas, with named entities of
place, person, time and number kinds replaced by their label (so "Varesk" and
"Kabul" look alike), their bigrams, and subject/object arcs ("nsubj:police>fire").
The model is trained by ``tools/train_typing.py`` on the project's own written
sentences in ``training/typing/`` (see its README for their provenance) and ships
as ``ontology/typing-model.npz``; it loads offline with numpy alone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventcoder.errors import ResourceError

__all__ = ["MODEL_PATH", "NONE", "Decision", "LinearHead", "TypingModel", "features",
           "load_typing_model", "save_typing_model"]

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parents[1] / "ontology" / "typing-model.npz"
Probs = dict[str, float]
NONE = "NONE"  # the label for "no event of this scheme"

# Entity kinds whose words are replaced by their label: names of places, people,
# times and quantities say nothing about the kind of event.
MASKED_ENTITIES = {"GPE", "LOC", "FAC", "PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL",
                   "QUANTITY", "MONEY", "PERCENT"}
ARCS = {"nsubj", "nsubjpass", "dobj", "agent", "pobj", "compound", "amod"}


def _norm(token: Token) -> str:
    if token.ent_type_ in MASKED_ENTITIES:
        return "@" + token.ent_type_
    if token.like_num:
        return "@NUM"
    return token.lemma_.lower()


def _kept(token: Token) -> bool:
    return not (token.is_punct or token.is_space or token.is_quote)


def features(tokens: Iterable[Token]) -> list[str]:
    """The feature strings of a run of parsed tokens (a sentence or a snippet)."""
    kept = [t for t in tokens if _kept(t)]
    words = [_norm(t) for t in kept]
    found = set(words)
    found.update(f"{a}_{b}" for a, b in pairwise(words) if a != b)
    found.update(f"{t.dep_}:{_norm(t)}>{_norm(t.head)}" for t in kept if t.dep_ in ARCS)
    return sorted(found)


@dataclass(frozen=True, slots=True)
class LinearHead:
    """One softmax layer: ``labels`` by ``len(vocab)`` weights and a bias per label."""

    labels: tuple[str, ...]
    weights: np.ndarray  # (labels, features), float32
    bias: np.ndarray  # (labels,)

    def probabilities(self, indices: Sequence[int]) -> dict[str, float]:
        """Label probabilities for a binary, L2-normalised feature vector."""
        scores = self.bias.astype(np.float64)
        if indices:
            scores = scores + self.weights[:, list(indices)].sum(axis=1) / np.sqrt(len(indices))
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return {label: float(p) for label, p in zip(self.labels, scores, strict=True)}


@dataclass(frozen=True, slots=True)
class Decision:
    """How the model's reading is weighed against the rules (fitted with the model).

    ``rule_weight`` is added to the probability of the label the rules chose before
    the best label is taken; ``new_event`` is the probability of an ACLED sub-type
    above which a sentence where the lexicon found no trigger gets an event.
    """

    rule_weight: float = 0.3
    new_event: float = 0.6
    plover_rule_weight: float = 0.3

    def as_array(self) -> np.ndarray:
        """The parameters in field order (how the model file stores them)."""
        return np.array([self.rule_weight, self.new_event, self.plover_rule_weight])


@dataclass(frozen=True, slots=True)
class TypingModel:
    """The shared vocabulary and the two heads (``acled``, ``plover``)."""

    vocab: dict[str, int]
    acled: LinearHead
    plover: LinearHead
    decision: Decision = field(default_factory=lambda: Decision())

    def indices(self, feats: Iterable[str]) -> list[int]:
        """Vocabulary indices of the known features among ``feats``."""
        return sorted({self.vocab[f] for f in feats if f in self.vocab})

    def predict(self, span: SpacySpan | Sequence[Token]) -> tuple[Probs, Probs]:
        """ACLED and PLOVER label probabilities for a parsed sentence or snippet."""
        found = self.indices(features(span))
        return self.acled.probabilities(found), self.plover.probabilities(found)


def save_typing_model(model: TypingModel, path: Path) -> None:
    """Write ``model`` as a compressed numpy archive (what :func:`load_typing_model` reads)."""
    vocab = sorted(model.vocab, key=model.vocab.__getitem__)
    np.savez_compressed(
        path, vocab=np.array(vocab), acled_labels=np.array(model.acled.labels),
        acled_weights=model.acled.weights.astype(np.float32), acled_bias=model.acled.bias,
        plover_labels=np.array(model.plover.labels),
        plover_weights=model.plover.weights.astype(np.float32), plover_bias=model.plover.bias,
        decision=model.decision.as_array(),
    )


def _head(data: np.lib.npyio.NpzFile, name: str) -> LinearHead:
    labels = tuple(str(x) for x in data[f"{name}_labels"])
    return LinearHead(labels, data[f"{name}_weights"], data[f"{name}_bias"])


@lru_cache(maxsize=2)
def load_typing_model(path: str = str(MODEL_PATH)) -> TypingModel:
    """Load the typing model at ``path`` once per process."""
    try:
        with np.load(path, allow_pickle=False) as data:
            vocab = {str(f): i for i, f in enumerate(data["vocab"])}
            decision = Decision(*(float(x) for x in data["decision"]))
            model = TypingModel(vocab, _head(data, "acled"), _head(data, "plover"), decision)
    except (OSError, KeyError, ValueError) as err:
        raise ResourceError(
            f"can't load the typing model {path}: {err}; rebuild it with "
            "`python tools/train_typing.py` or reinstall eventcoder"
        ) from err
    log.info("loaded typing model %s (%d features)", path, len(vocab))
    return model
