"""Comparisons: for each report, its grade for the area, then its best sentences on it."""

from __future__ import annotations

from index import ReportIndex
from ingest import AREAS

from .cross_plan import CrossPlan
from .cross_text import (
    add_sentences,
    area_paragraphs,
    best_sentences,
    grade_pattern,
    grade_sentence,
    grades_table,
)
from .types import Answer


def answer_comparison(result: Answer, plan: CrossPlan, index: ReportIndex, qvec) -> None:
    reports = [index.report(r) for r in plan.report_ids]
    result.table = grades_table(result, "comparison", reports)
    named = [a for a in plan.areas if a != "overall"]
    # Without an area, every graded area: "where do they differ?" is in the grades.
    areas = named or [a for a in AREAS if any(r.judgement(a) for r in reports)]
    for report in reports:
        result.sentences.append(grade_sentence(result, report, areas))
        pool = report.paragraphs
        if named and not plan.topic_terms:
            pool = [p for a in named for p in area_paragraphs(report, a)] or pool
        states = grade_pattern([report], named) if named else None
        chosen = best_sentences(report, pool, qvec, index, 3, plan.topic_terms, None, states)
        add_sentences(result, report, chosen)
