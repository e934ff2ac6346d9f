"""Change over time: a council's reports with their grades, then what the later reports say
about progress since the inspection before."""

from __future__ import annotations

import re

from index import ReportIndex

from .cross_plan import CrossPlan
from .cross_text import (
    add_sentences,
    area_paragraphs,
    best_sentences,
    grade_pattern,
    grade_sentence,
    grades_table,
    opening_paragraphs,
)
from .types import Answer

PROGRESS = re.compile(
    r"\bsince (the|its|their) (last|previous|most recent)\b|\bsince (the )?(\w+ )?"
    r"(inspection|ilacs|sif|judgement)s? in (19|20)\d\d|\bsince (19|20)\d\d\b|"
    r"\bsince then\b|\b(improved|deteriorated|declined|progress|improvement)\b",
    re.I,
)

# "What got worse?": sentences about decline first.
DECLINE = re.compile(r"\b(worse|deteriorat\w*|declin\w*|slip\w*|weak\w*|poor)\b", re.I)


def answer_timeline(result: Answer, plan: CrossPlan, index: ReportIndex, qvec) -> None:
    reports = [index.report(r) for r in plan.report_ids]
    graded = [a for a in plan.areas if any(r.judgement(a) for r in reports)]
    areas = graded or plan.areas or ["overall"]
    result.table = grades_table(result, "timeline", reports, areas)
    for report in reports:
        result.sentences.append(grade_sentence(result, report, areas))
    wanted = plan.topic_terms
    for i, report in enumerate(reports):
        # Where a report weighs up progress: its summary, and the areas asked about.
        summary = [p for p in report.paragraphs if p.kind == "summary"]
        pool = report.paragraphs
        if not wanted:
            pool = summary + [p for a in plan.areas for p in area_paragraphs(report, a)] or pool
        n = 1 if i == 0 else 3
        prefer = None if i == 0 and wanted else PROGRESS
        if i == 0 and not wanted:
            continue  # the first report's grades say where the story starts
        states = grade_pattern([report], plan.areas) if plan.areas else None
        lead = opening_paragraphs(report, plan.areas) if plan.areas else None
        prefer = DECLINE if i and DECLINE.search(plan.query) else prefer
        chosen = best_sentences(report, pool, qvec, index, n, wanted, prefer, states, lead)
        add_sentences(result, report, chosen)
