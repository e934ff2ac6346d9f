"""A topic across reports: which reports discuss it and what each says, grouped by report."""

from __future__ import annotations

import math
import re

from index import ReportIndex
from index.glossary import expansions
from index.terms import terms

from .cross_plan import CrossPlan
from .cross_text import add_sentences, best_sentences, paragraph_terms, term_key
from .types import Answer, AnswerSentence

COVERAGE = 0.6  # of a long topic's words, a paragraph about it has at least this share
SHOWN_REPORTS = 6  # reports quoted; the others are named
SUPERLATIVE = re.compile(r"\b(most|highest|lowest|least|cheapest|largest|biggest)\b", re.I)
RANKING = re.compile(r"\b(which|what)\s+(of the \w+ )?(councils?|boroughs?|authorit\w+)\b", re.I)


def matching_paragraphs(plan: CrossPlan, report, df: dict[str, int]) -> list:
    """The report's paragraphs about the topic: with its rarest word and most of the others
    that the reports use (all of a topic of one or two words), or a synonym ('FGM')."""
    keys = [term_key(t) for t in plan.topic_terms]
    known = sorted((k for k in dict.fromkeys(keys) if df.get(k)), key=lambda k: df[k])
    enough = len(known) if len(known) < 3 else math.ceil(COVERAGE * len(known))
    synonyms = [{term_key(t) for t in terms(s)} for s in expansions(plan.topic)]
    out = []
    for p in report.paragraphs:
        have = paragraph_terms(p)
        shared = sum(k in have for k in known)
        if (known and known[0] in have and shared >= enough) or any(
            syn and syn <= have for syn in synonyms
        ):
            out.append(p)
    return out


_FREQUENCIES: dict[tuple, dict[str, int]] = {}


def key_frequencies(index: ReportIndex, report_ids: list[str]) -> dict[str, int]:
    """Paragraph counts by term key over the scoped reports, cached per scope."""
    key = (id(index), tuple(sorted(report_ids)))
    if key not in _FREQUENCIES:
        out: dict[str, int] = {}
        for rid in key[1]:
            for p in index.report(rid).paragraphs:
                for k in paragraph_terms(p):
                    out[k] = out.get(k, 0) + 1
        _FREQUENCIES[key] = out
    return _FREQUENCIES[key]


def answer_topic(result: Answer, plan: CrossPlan, index: ReportIndex, qvec) -> None:
    if SUPERLATIVE.search(plan.query) and RANKING.search(plan.query):
        result.refused = True
        result.refusal_reason = (
            "The reports do not rank councils against each other on that; each reports on "
            "one council."
        )
        return
    df = key_frequencies(index, plan.report_ids)
    found = []
    for rid in plan.report_ids:
        report = index.report(rid)
        paragraphs = matching_paragraphs(plan, report, df)
        if paragraphs:
            found.append((report, paragraphs))
    if not found:
        result.refused = True
        result.refusal_reason = (
            f"None of the {len(plan.report_ids)} reports searched says enough to answer that."
        )
        return
    if len(found) > SHOWN_REPORTS:
        found.sort(key=lambda rp: -len(rp[1]))
    shown, rest = found[:SHOWN_REPORTS], found[SHOWN_REPORTS:]
    shown.sort(key=lambda rp: (rp[0].council, rp[0].published))
    n = 3 if len(shown) <= 3 else 2
    for report, paragraphs in shown:
        chosen = best_sentences(report, paragraphs, qvec, index, n, plan.topic_terms)
        add_sentences(result, report, chosen)
    if rest:
        names = ", ".join(r.display_name() for r, _p in rest)
        result.sentences.append(AnswerSentence(f"Also discussed in {names}.", []))
