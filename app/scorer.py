"""One scorer over named features, with weights fitted on the dev split.

The weights and the selection constants live in app/weights.json, written by
`python -m evals.fit_weights`; never edit that file by hand.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .features import ANSWERABLE, FEATURES

WEIGHTS_FILE = Path(__file__).with_name("weights.json")


@dataclass(frozen=True)
class Weights:
    weights: dict[str, float]
    intercept: float
    # Selection constants, fitted alongside the weights.
    answer_above: float = 0.5  # the best sentence's probability below which we refuse
    part_above: float = 0.5  # a part whose best sentence is not believed: answered above this
    runner_up_within: float = 0.1  # a further sentence within this of the best probability
    # ... and, when it would cite a paragraph the answer does not cite yet, at least this:
    # each new paragraph is a citation that may be wrong, so it must earn its place.
    new_paragraph_above: float = 0.0
    # The most sentences a one-part answer gives, and one of several parts.
    max_sentences: int = 3
    max_sentences_multi: int = 5
    # A why-question's reasons are often several, in several paragraphs: its own bar for a
    # new paragraph and its own length, fitted apart (None: as for any other question).
    why_new_paragraph_above: float | None = None
    why_max_sentences: int | None = None
    # A part that asks for a figure or date, answered without one, gets its best candidate
    # that gives one when at least this likely (above 1: never).
    typed_above: float = 2.0
    # How many sentences that qualify a cited paragraph's finding ("However, take-up has
    # been patchy.") an answer may add beyond its length.
    qualifiers: int = 0
    # How many of the area's sentences of concern explain a grade ("why inadequate?").
    explain_sentences: int = 2
    fitted_on: dict = field(default_factory=dict)  # what the fit saw, for the record
    # Whether to answer at all: a second logistic model over question-level features
    # (app/features.py ANSWERABLE), fitted on answerable vs unanswerable dev questions.
    answerable: dict[str, float] = field(default_factory=dict)
    answerable_intercept: float = 0.0
    # The Zipf frequency from which a question word no report uses counts as common English
    # ("hold", "meant"), not the subject asked about ("vacancy"): see missing_common_share.
    common_word_zipf: float = 5.0

    def new_paragraph_bar(self, kind: str) -> float:
        if kind == "why" and self.why_new_paragraph_above is not None:
            return self.why_new_paragraph_above
        return self.new_paragraph_above

    def most_sentences(self, kind: str) -> int:
        if kind == "why" and self.why_max_sentences is not None:
            return self.why_max_sentences
        return self.max_sentences

    def logit(self, features: dict[str, float]) -> float:
        return self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def probability(self, features: dict[str, float]) -> float:
        return _sigmoid(self.logit(features))

    def answerable_probability(self, features: dict[str, float]) -> float:
        z = self.answerable_intercept + sum(
            self.answerable.get(k, 0.0) * v for k, v in features.items()
        )
        return _sigmoid(z)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def from_dict(data: dict) -> Weights:
    unknown = (set(data["weights"]) - set(FEATURES)) | (
        set(data.get("answerable", {})) - set(ANSWERABLE)
    )
    if unknown:
        raise ValueError(f"{WEIGHTS_FILE.name}: unknown features {sorted(unknown)}")
    return Weights(
        weights=data["weights"],
        intercept=data["intercept"],
        answer_above=data["answer_above"],
        part_above=data["part_above"],
        runner_up_within=data["runner_up_within"],
        new_paragraph_above=data.get("new_paragraph_above", 0.0),
        explain_sentences=data.get("explain_sentences", 2),
        max_sentences=data.get("max_sentences", 3),
        max_sentences_multi=data.get("max_sentences_multi", 5),
        why_new_paragraph_above=data.get("why_new_paragraph_above"),
        why_max_sentences=data.get("why_max_sentences"),
        typed_above=data.get("typed_above", 2.0),
        qualifiers=data.get("qualifiers", 0),
        fitted_on=data.get("fitted_on", {}),
        answerable=data.get("answerable", {}),
        answerable_intercept=data.get("answerable_intercept", 0.0),
        common_word_zipf=data.get("common_word_zipf", 5.0),
    )


@lru_cache(maxsize=1)
def load_weights(path: Path = WEIGHTS_FILE) -> Weights:
    return from_dict(json.loads(Path(path).read_text()))


_override: Weights | None = None


def current_weights() -> Weights:
    """The shipped weights, or the candidate weights a fit is trying (see `trying`)."""
    return _override if _override is not None else load_weights()


class trying:
    """`with trying(weights): …` answers with candidate weights: what the fit script scores."""

    def __init__(self, weights: Weights):
        self.weights = weights

    def __enter__(self):
        global _override
        self._previous, _override = _override, self.weights
        return self.weights

    def __exit__(self, *exc):
        global _override
        _override = self._previous
