"""Named features of a candidate sentence for one part of a question.

The scorer (app/scorer.py) weighs these with weights fitted on the dev split by
evals/fit_weights.py; nothing here decides on its own. Each feature is a number in about
[0, 1] and its name says what it measures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from index import Hit

from .extractive import CAUSE, CONTINUATION, lexical_overlap, type_bonus
from .judgement_answers import CONCERN, PRAISE
from .plan import Part, QuestionPlan

FEATURES = (
    "dense",  # cosine of the sentence and the part
    "dense_question",  # cosine of the sentence and the whole question (or its part, if closer)
    "overlap",  # share of the part's words in the sentence, rare words weighing more
    "overlap_plain",  # the same, every word counting once
    "rare_term",  # share of the part's rare words (few paragraphs have them) it contains
    "paragraph_rank",  # 1 / √(the paragraph's rank in hybrid retrieval for the part)
    "dense_rank",  # 1 / √(its rank by cosine alone; 0 when that retriever missed it)
    "bm25_rank",  # 1 / √(its rank by BM25 alone; 0 when that retriever missed it)
    "sentence_dense_rank",  # 1 / √(its rank by cosine with the question among the part's sentences)
    "type_dense_rank",  # the same rank among the part's sentences that have what it asks for
    "first_sentence",  # the paragraph's opening sentence
    "fragment",  # starts in lower case: lost its beginning in the extraction
    "short",  # fewer than eight words
    "recommendation",  # from a list of recommendations / what needs to improve
    "recommendation_asked",  # ... and the question asks what must improve
    "summary",  # from a summary paragraph
    "fact",  # from the facts about the area or the cover
    "method",  # from the account of how the inspection was done
    "section_match",  # its section is about an area the question names
    "type_match",  # has what the part asks for: a count, a date, a name, a cause
    "why_states_grade",  # a why-question answered by a sentence that states a grade
    "continuation",  # opens with "This", "It", "However": leans on the sentence before
    "next_carries",  # the next sentence has what the part asks for and this one has not
    "critical_for_weakness",  # the part asks what is wrong and the sentence criticises
    "praise_for_weakness",  # the part asks what is wrong and the sentence only praises
    "praise_for_strength",  # the part asks what is right and the sentence praises
    "verdict_for_quality",  # the part asks how good something is and the sentence judges it
    "action_for_action",  # the part asks what was done and the sentence tells of an action
)
# Whether a question is answered at all: features of the question and its best sentence.
ANSWERABLE = (
    "best",  # the scorer's probability for the first part's best sentence
    "best_dense",  # that sentence's cosine with the question
    "best_overlap",  # share of the question's words (rare ones weighing more) it has
    "missing_share",  # share of the question's words (weighted) that no report in scope uses
    "missing_common_share",  # ... of those, the words common in everyday English
    "count_unmet",  # a "how many" question whose best sentence has no figure near it
    "name_unmet",  # a question for a name whose best sentence names no one
    "best_in_area",  # that sentence is in the section of an area the question names
    "paragraph_overlap",  # share of the question's words (weighted) in its paragraph + heading
    "asks_why",  # the first part asks why: causes score lower than facts, so the bar moves
    "several_parts",  # the question asks more than one thing
)
GRADE_WORD = re.compile(r"\b(inadequate|requires? improvement|good|outstanding)\b", re.I)
METHOD_SECTION = "Information about this inspection"
# The reports name each judged area in their section headings.
AREA_SECTION = {
    "overall": r"overall|executive summary",
    "help_and_protection": r"help and protection|need help",
    "in_care": r"looked after|in care",
    "adoption": r"adoption",
    "care_leavers": r"care leavers",
    "leadership": r"leader|management",
    "lscb": r"safeguarding children board|lscb",
}
# What a report says was or will be done: "leaders commissioned a review", "plans to …".
ACTION_TAKEN = re.compile(
    r"\b(?:commissioned|introduced|appointed|established|invested|recruited|implemented|"
    r"launched|restructured|created|developed|increased|reduced|strengthened|put in place|"
    r"set up|took (?:swift |prompt |immediate )?action|taken (?:swift |prompt )?action|"
    r"plans? to|planned|are developing|is developing|will be|in response|responded|"
    r"has (?:recently )?(?:begun|started|agreed)|have (?:recently )?(?:begun|started|agreed))\b",
    re.I,
)
RARE_PARAGRAPHS = 3  # a word in at most this many paragraphs of the scope is rare


@dataclass
class Candidate:
    hit: Hit
    index: int  # sentence index within the paragraph
    text: str
    vector: np.ndarray
    part: int  # which part of the plan it was found for
    features: dict[str, float]
    score: float = 0.0

    @property
    def paragraph(self):
        return self.hit.paragraph


def rare_terms(part: Part, document_frequencies: dict[str, int]) -> set[str]:
    return {t for t in part.terms if 0 < document_frequencies.get(t, 0) <= RARE_PARAGRAPHS}


def sentence_features(
    plan: QuestionPlan,
    part: Part,
    hit: Hit,
    i: int,
    texts: list[str],
    vector: np.ndarray,
    part_vector: np.ndarray,
    question_vector: np.ndarray,
    weight,
    rare: set[str],
) -> dict[str, float]:
    text = texts[i]
    p = hit.paragraph
    words = part.terms
    has_type = type_bonus(part.kind, text, part.text) if part.kind != "general" else 0.0
    nxt = texts[i + 1] if i + 1 < len(texts) else ""
    next_has = type_bonus(part.kind, nxt, part.text) if nxt and part.kind != "general" else 0.0
    section = p.section_path.lower()
    sentence_terms = set(_terms(text))
    dense = float(vector @ part_vector)
    asked = float(vector @ question_vector)
    return {
        "dense": dense,
        # A further part ("… and were the plans good enough?") is a question of its own: its
        # sentences may match it better than the whole question, whose topic is the first's.
        "dense_question": max(asked, dense) if part is not plan.parts[0] else asked,
        "overlap": lexical_overlap(set(words), text, (), weight),
        "overlap_plain": lexical_overlap(set(words), text),
        "rare_term": len(rare & sentence_terms) / len(rare) if rare else 0.0,
        "paragraph_rank": 1.0 / hit.rank**0.5,
        "dense_rank": _channel(hit, "dense"),
        "bm25_rank": _channel(hit, "bm25"),
        "first_sentence": 1.0 if i == 0 else 0.0,
        "fragment": 1.0 if text[:1].islower() else 0.0,
        "short": 1.0 if len(text.split()) < 8 else 0.0,
        "recommendation": 1.0 if p.kind == "recommendation" else 0.0,
        "recommendation_asked": 1.0
        if p.kind == "recommendation" and part.kind == "improve"
        else 0.0,
        "summary": 1.0 if p.kind == "summary" else 0.0,
        "fact": 1.0 if p.kind == "fact" else 0.0,
        "method": 1.0 if p.section and p.section[0] == METHOD_SECTION else 0.0,
        "section_match": 1.0
        if any(re.search(AREA_SECTION[a], section) for a in plan.areas if a in AREA_SECTION)
        else 0.0,
        "type_match": has_type,
        "why_states_grade": 1.0
        if part.kind == "why" and GRADE_WORD.search(text) and not CAUSE.search(text)
        else 0.0,
        "continuation": 1.0 if CONTINUATION.match(text) else 0.0,
        "next_carries": 1.0 if next_has and not has_type else 0.0,
        **_stance_features(part.stance, text),
        "action_for_action": 1.0 if part.asks_action and ACTION_TAKEN.search(text) else 0.0,
    }


def add_relative_features(found: list[Candidate]) -> None:
    """Features that compare a sentence with the part's other candidates. The cosine alone
    says little (its scale varies with the question's wording); which sentence the
    embedding likes best among those retrieved says more than the paragraph's fused rank,
    which a common word's BM25 score can decide ("ceased to be looked after" twice in a
    short line outranks the count of children looked after)."""
    order = sorted(found, key=lambda c: -c.features["dense_question"])
    for rank, c in enumerate(order, start=1):
        c.features["sentence_dense_rank"] = 1.0 / rank**0.5
    # "How quickly does the MASH deal with contacts?": of the sentences that give a figure,
    # the one closest to the question; the closest sentence overall may give none.
    typed = [c for c in order if c.features["type_match"] > 0]
    for c in found:
        c.features["type_dense_rank"] = 0.0
    for rank, c in enumerate(typed, start=1):
        c.features["type_dense_rank"] = 1.0 / rank**0.5


def _channel(hit: Hit, name: str) -> float:
    rank = hit.channel_ranks.get(name)
    return 1.0 / rank**0.5 if rank else 0.0


def _stance_features(asked: str, text: str) -> dict[str, float]:
    critical, praise = len(CONCERN.findall(text)), len(PRAISE.findall(text))
    return {
        "critical_for_weakness": min(critical, 3) / 3 if asked == "weakness" else 0.0,
        "praise_for_weakness": 1.0 if asked == "weakness" and praise and not critical else 0.0,
        "praise_for_strength": min(praise, 3) / 3 if asked == "strength" else 0.0,
        "verdict_for_quality": min(critical + praise, 3) / 3 if asked == "quality" else 0.0,
    }


def _terms(text: str) -> list[str]:
    from index.terms import terms

    return terms(text)
