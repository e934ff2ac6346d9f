"""The grounded extractive answerer: the report's own sentences, chosen and ordered to answer.

Each sentence of a retrieved paragraph is scored by meaning (precomputed MiniLM vectors), by
the question's words it contains, and by whether it has what the question type asks for (a
number for "how many", a date for "when", a cause for "why").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from index import Hit

from .conversation import content_words

MAX_SENTENCES = 3
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


def _stem(word: str) -> str:
    return re.sub(r"(ies|es|s|ing|ed)$", "", word) if len(word) > 4 else word


def lexical_overlap(question_words: set[str], sentence: str) -> float:
    if not question_words:
        return 0.0
    words = {_stem(w) for w in content_words(sentence)}
    return len(question_words & words) / len(question_words)


def type_bonus(qtype: str, sentence: str) -> float:
    pattern = {"number": NUMBER, "date": DATE, "why": CAUSE, "who": PERSON}.get(qtype)
    return 1.0 if pattern is not None and pattern.search(sentence) else 0.0


def score_sentences(
    question: str, query_vector: np.ndarray, hits: list[Hit], vectors_for
) -> list[Scored]:
    qtype = question_type(question)
    qwords = {_stem(w) for w in content_words(question)}
    scored: list[Scored] = []
    for hit in hits:
        texts = hit.paragraph.sentence_texts()
        vectors = vectors_for(hit.paragraph)
        rank_prior = 1.0 / hit.rank
        for i, (text, vec) in enumerate(zip(texts, vectors)):
            if len(text.split()) < 4:
                continue  # fragments left by the damaged extraction make poor answers
            similarity = float(vec @ query_vector)
            overlap = lexical_overlap(qwords, text)
            score = (
                0.55 * similarity
                + 0.35 * overlap
                + 0.15 * type_bonus(qtype, text)
                + 0.10 * rank_prior
            )
            scored.append(Scored(hit, i, text, vec, score, similarity, overlap))
    return sorted(scored, key=lambda s: -s.score)


def select(scored: list[Scored], max_sentences: int = MAX_SENTENCES) -> list[Scored]:
    """The best sentence first; then close runners-up that add something, in reading order."""
    if not scored:
        return []
    best = scored[0]
    chosen = [best]
    for cand in scored[1:]:
        if len(chosen) >= max_sentences or cand.score < best.score * 0.85:
            break
        if any(float(cand.vector @ c.vector) > NEAR_DUPLICATE for c in chosen):
            continue
        chosen.append(cand)
    rest = sorted(chosen[1:], key=lambda s: (s.hit.rank, s.index))
    return [best, *rest]
