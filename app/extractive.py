"""The grounded extractive answerer: the report's own sentences, chosen and ordered to answer.

Each sentence of a retrieved paragraph is scored by meaning (precomputed MiniLM vectors), by
the question's words it contains, and by whether it has what the question type asks for (a
number for "how many", a date for "when", a cause for "why").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from index import Hit
from index.glossary import expansions
from index.terms import question_terms, terms

MAX_SENTENCES = 3
FRAGMENT_PENALTY = 0.1
RUNNER_UP_RANK = 2  # further sentences from other paragraphs only from the top ones
RUNNER_UP = 0.92  # a further sentence must score this share of the best one
NEAR_DUPLICATE = 0.9  # cosine above which two sentences say the same thing

NUMBER = re.compile(
    r"\b\d[\d,.]*%?|\b(one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|twenty|thirty|hundred)\b",
    re.I,
)
DATE = re.compile(
    r"\b(19|20)\d\d\b|\b(january|february|march|april|may|june|july|august|"
    r"september|october|november|december|spring|summer|autumn|winter)\b",
    re.I,
)
CAUSE = re.compile(
    r"\b(because|as a result|due to|owing to|therefore|consequently|this means|"
    r"which means|so that|leading to|leaves|leaving|as)\b",
    re.I,
)
PERSON = re.compile(
    r"\b(inspector|chair|director|dcs|chief executive|member|manager|officer|"
    r"[A-Z][a-z]+ [A-Z][a-z]+)\b"
)


@dataclass
class Scored:
    hit: Hit
    index: int  # sentence index within the paragraph
    text: str
    vector: np.ndarray
    score: float
    similarity: float
    overlap: float


def question_type(question: str) -> str:
    q = question.lower()
    if re.search(
        r"\b(how many|how much|what number|what percentage|what proportion|"
        r"what rate|how long|how often|what share|how quickly|what was the rate)\b",
        q,
    ):
        return "number"
    if re.search(r"\b(when|what date|which year|since when|how recently)\b", q):
        return "date"
    if re.search(r"\b(who|whose|which inspector|led by)\b", q):
        return "who"
    if re.search(r"\bwhy\b|\breason", q):
        return "why"
    return "general"


def lexical_overlap(
    question_words: set[str],
    sentence: str,
    synonyms: set[str] = frozenset(),
    weight=lambda _term: 1.0,
) -> float:
    """Share of the question's words in the sentence, each word weighted (by rarity, when a
    weight is given); a glossary synonym in the sentence counts as one more match."""
    if not question_words:
        return 0.0
    words = set(terms(sentence))
    total = sum(weight(t) for t in question_words)
    matched = sum(weight(t) for t in question_words & words)
    if synonyms & words:
        matched += total / len(question_words)
    return min(matched, total) / total


def type_bonus(qtype: str, sentence: str) -> float:
    pattern = {"number": NUMBER, "date": DATE, "why": CAUSE, "who": PERSON}.get(qtype)
    return 1.0 if pattern is not None and pattern.search(sentence) else 0.0


ASKS_FOR_RECOMMENDATION = re.compile(
    r"\brecommend|\bneeds? to improve|\bshould\b|\bwhat must\b|\bimprovements? needed\b", re.I
)
# Continuations that only make sense after the sentence before them ("This is an increase
# from 298"): read with their lead sentence, never alone.
CONTINUATION = re.compile(
    r"^(this|these|it|that|however, (this|it)|although this|for example|as a result)\b", re.I
)


def rarity(document_frequencies: dict[str, int]):
    """An IDF-style weight: 'dashboard' (rare) counts for more than 'board' (everywhere)."""
    n = max(document_frequencies.values(), default=1)
    return lambda term: math.log(1 + n / (1 + document_frequencies.get(term, 0)))


def score_sentences(
    question: str,
    query_vector: np.ndarray,
    hits: list[Hit],
    vectors_for,
    document_frequencies: dict[str, int] | None = None,
) -> list[Scored]:
    qtype = question_type(question)
    weight = rarity(document_frequencies) if document_frequencies else (lambda _t: 1.0)
    qwords = set(question_terms(question))
    synonyms = set(terms(" ".join(expansions(question)))) - qwords
    # A recommendation says what should change, not what inspectors found: it answers only
    # questions that ask for one.
    kind_weight = {"recommendation": 0.12 if ASKS_FOR_RECOMMENDATION.search(question) else -0.15}
    type_weight = 0.25 if qtype == "number" else 0.15
    scored: list[Scored] = []
    for hit in hits:
        texts = hit.paragraph.sentence_texts()
        vectors = vectors_for(hit.paragraph)
        rank_prior = 1.0 / hit.rank
        for i, (text, vec) in enumerate(zip(texts, vectors)):
            if len(text.split()) < 4:
                continue  # fragments left by the damaged extraction make poor answers
            similarity = float(vec @ query_vector)
            overlap = lexical_overlap(qwords, text, synonyms)
            weighted = lexical_overlap(qwords, text, synonyms, weight)
            score = (
                0.55 * similarity
                + 0.35 * weighted
                + type_weight * type_bonus(qtype, text)
                + 0.10 * rank_prior
                + kind_weight.get(hit.paragraph.kind, 0.0)
                # A sentence starting in lower case lost its beginning in the extraction.
                - (FRAGMENT_PENALTY if text[:1].islower() else 0.0)
            )
            scored.append(Scored(hit, i, text, vec, score, similarity, overlap))
    return sorted(scored, key=lambda s: -s.score)


CONSEQUENCE = re.compile(r"^(consequently|as a result|therefore|thus|this means)\b", re.I)


def select(
    scored: list[Scored], max_sentences: int = MAX_SENTENCES, why: bool = False
) -> list[Scored]:
    """The best sentence first, with its continuation; then close runners-up in reading order.

    For a "why" question whose best sentence is a consequence ("As a result, …"), the
    sentence before it, which states the cause, leads.
    """
    if not scored:
        return []
    best = scored[0]
    lead = [best, *_continuation(best, scored)]
    if why and CONSEQUENCE.match(best.text):
        cause = _neighbour(best, scored, -1)
        if cause is not None:
            lead.insert(0, cause)
    chosen = list(lead)
    for cand in scored[1:]:
        if len(chosen) >= max_sentences or cand.score < best.score * RUNNER_UP:
            break
        if any(_same(cand, c) or float(cand.vector @ c.vector) > NEAR_DUPLICATE for c in chosen):
            continue
        if CONTINUATION.match(cand.text):
            continue  # a "This ..." sentence away from its lead would mislead
        if cand.hit.paragraph.id != best.hit.paragraph.id and cand.hit.rank > RUNNER_UP_RANK:
            continue  # a lower-ranked paragraph adds a citation more often than an answer
        chosen.append(cand)
    rest = sorted(chosen[len(lead) :], key=lambda s: (s.hit.rank, s.index))
    return [*lead, *rest]


def _same(a: Scored, b: Scored) -> bool:
    return a.hit.paragraph.id == b.hit.paragraph.id and a.index == b.index


def _neighbour(lead: Scored, scored: list[Scored], offset: int) -> Scored | None:
    return next(
        (
            s
            for s in scored
            if s.hit.paragraph.id == lead.hit.paragraph.id and s.index == lead.index + offset
        ),
        None,
    )


def _continuation(lead: Scored, scored: list[Scored]) -> list[Scored]:
    nxt = _neighbour(lead, scored, 1)
    return [nxt] if nxt is not None and CONTINUATION.match(nxt.text) else []
