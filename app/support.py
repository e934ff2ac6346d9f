"""What the refusal model reads: checks by question kind (a count needs a figure, a name a
name) and the question words no report in scope uses. The decision itself is fitted
(app/scorer.py, answerable)."""

from __future__ import annotations

import re

from index import ReportIndex, expansions
from index.glossary import TERMS
from index.terms import question_terms, terms

from .extractive import type_bonus

ASKS_FOR_A_COUNT = re.compile(
    r"\b(how many|how much|what number|what percentage|what proportion|what share)\b", re.I
)
ASKS_FOR_A_NAME = re.compile(r"\b(name of|named|called|who is the)\b", re.I)
PROPER_NAME = re.compile(r"(?<!^)(?<![.:] )\b[A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][a-z]{2,}\b")


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
