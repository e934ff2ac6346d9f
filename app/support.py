"""Whether the indexed reports support an answer: the checks behind every refusal.

The score thresholds were calibrated on the gold set's unanswerable questions. The checks by
question kind hold for every question of that kind: a count needs a figure, a name a name.
"""

from __future__ import annotations

import re

from index import ReportIndex, expansions
from index.glossary import TERMS
from index.terms import question_terms, terms

from .extractive import type_bonus

# Below these the reports do not support an answer (calibrated on the gold unanswerables).
MIN_SENTENCE_SIMILARITY = 0.40
MIN_SENTENCE_SCORE = 0.42
# A sentence that shares few of the question's words must be close in meaning to count.
LOW_OVERLAP = 0.4
MIN_SIMILARITY_AT_LOW_OVERLAP = 0.55
FULL_OVERLAP = 0.99
ASKS_FOR_A_COUNT = re.compile(
    r"\b(how many|how much|what number|what percentage|what proportion|what share)\b", re.I
)
ASKS_FOR_A_NAME = re.compile(r"\b(name of|named|called|who is the)\b", re.I)
PROPER_NAME = re.compile(r"(?<!^)(?<![.:] )\b[A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][a-z]{2,}\b")
STRONG_SIMILARITY = 0.62  # close enough in meaning to stand without word-level checks


def findings_first(scored: list, answers) -> list:
    """A recommendation says what should change; "how do IROs challenge plans?" asks what
    happens. Unless recommendations were asked for, the best finding leads whenever it
    `answers` the question well enough to be given on its own."""
    if not scored or scored[0].hit.paragraph.kind != "recommendation":
        return scored
    findings = [s for s in scored if s.hit.paragraph.kind != "recommendation"]
    if not findings or not answers(findings[0]):
        return scored
    return findings + [s for s in scored if s.hit.paragraph.kind == "recommendation"]


def supported(best, query: str, report_ids, index: ReportIndex, missing: list[str]) -> bool:
    """Whether the best sentence answers the question well enough to be given as an answer."""
    if best.score < MIN_SENTENCE_SCORE:
        return False
    if ASKS_FOR_A_NAME.search(query) and not PROPER_NAME.search(best.text):
        return False  # "what is the director called?" needs a name, not a role
    if ASKS_FOR_A_COUNT.search(query) and not figure_near(best):
        return False  # "how many …?" needs a figure, not a sentence that only shares words
    if best.similarity >= STRONG_SIMILARITY and best.overlap > 0:
        return True
    if missing:
        return False  # the report never uses a word the question turns on ("salary")
    # A sentence with all the question's words may be phrased far from it.
    if best.similarity < MIN_SENTENCE_SIMILARITY and best.overlap < FULL_OVERLAP:
        return False
    return best.overlap >= LOW_OVERLAP or best.similarity >= MIN_SIMILARITY_AT_LOW_OVERLAP


def figure_near(best) -> bool:
    """Whether the best sentence, or the one after it ("For example, only 4.2% …"), gives a
    figure other than a year."""
    texts = best.hit.paragraph.sentence_texts()[best.index : best.index + 2]
    return any(type_bonus("number", t) for t in texts)


GLOSSARY_TERMS = {t for key in TERMS for t in terms(key)}
# Words that only frame the verdict asked for ("what are the weaknesses in …?"): a report that
# never says "weakness" may still answer, so their absence is no reason to refuse.
EVALUATIVE = set(
    terms(
        "weakness weaknesses weak strength strengths strong concern concerns problem problems "
        "issue issues good bad poor well badly worry worries positive negative"
    )
)


def _scope_words(index: ReportIndex) -> set[str]:
    return {t for r in index.reports() for t in terms(r.council)}


def unknown_terms(query: str, report_ids, index: ReportIndex) -> list[str]:
    """Question words (beyond glossary terms and council names) that no indexed report uses.

    Glossary terms ("CLA") count as known: the glossary maps them onto the reports' words.
    """
    df = index.document_frequencies(report_ids)
    known = set(terms(" ".join(expansions(query)))) | _scope_words(index) | GLOSSARY_TERMS
    return [
        t
        for t in question_terms(query)
        if df.get(t, 0) == 0 and t not in known and t not in EVALUATIVE and not t.isdigit()
    ]
