"""Comparisons: for each report, its grade for the area, then its best sentences on it."""

from __future__ import annotations

import re

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
    opening_paragraphs,
    stated_grade_sentence,
)
from .types import Answer

# Where a report was graded below good, what went wrong is what distinguishes it.
WEAKNESS = re.compile(
    r"\b(not|too|weak\w*|poor\w*|delay\w*|drift|inconsisten\w*|remain\w*|lack\w*|var(y|ies|iable)|"
    r"insufficient\w*|ineffective|wait\w*|limited|turnover|deficit\w*|fail\w*)\b",
    re.I,
)
DIFFER = re.compile(r"\bdiffer\w*|\bwhere\b", re.I)
BELOW_GOOD = {"Requires improvement", "Inadequate"}


def focus_areas(reports, named: list[str]) -> list[str]:
    """The areas to quote on: those named, else those the reports' grades differ on, else
    overall effectiveness."""
    if named:
        return named
    differ = [
        a
        for a in AREAS
        if a != "overall" and len({r.grade(a) for r in reports if r.judgement(a)}) > 1
    ]
    return differ or ["overall"]


def answer_comparison(result: Answer, plan: CrossPlan, index: ReportIndex, qvec) -> None:
    reports = [index.report(r) for r in plan.report_ids]
    every_area = set(plan.areas) == set(AREAS)  # "compare the judgements"
    named = [] if every_area else [a for a in plan.areas if a != "overall"]
    # Without an area, every graded area: "where do they differ?" is in the grades.
    areas = named or [a for a in AREAS if any(r.judgement(a) for r in reports)]
    focus = focus_areas(reports, named)
    if plan.areas == ["overall"] and not DIFFER.search(plan.query):
        areas = focus = ["overall"]  # "the overall effectiveness of A compared with B"
    result.table = grades_table(result, "comparison", reports, areas)
    for report in reports:
        stated = stated_grade_sentence(result, report, named[0]) if len(named) == 1 else None
        result.sentences.append(stated or grade_sentence(result, report, areas))
        pool = report.paragraphs
        if not plan.topic_terms:
            pool = [p for a in focus for p in area_paragraphs(report, a)] or pool
        weak = any(report.grade(a) in BELOW_GOOD for a in focus)
        states = WEAKNESS if weak else grade_pattern([report], focus)
        lead = opening_paragraphs(report, focus)
        chosen = best_sentences(report, pool, qvec, index, 3, plan.topic_terms, None, states, lead)
        add_sentences(result, report, chosen)
