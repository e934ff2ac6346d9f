"""Filters across the corpus: exactly the reports judged GRADE for an area, each cited."""

from __future__ import annotations

from index import ReportIndex

from .cross_plan import CrossPlan
from .cross_text import area_name, cite_grade, grade_words
from .types import Answer, AnswerSentence


def answer_filter(result: Answer, plan: CrossPlan, index: ReportIndex, _qvec=None) -> None:
    reports = [index.report(r) for r in plan.report_ids]
    area = (plan.areas or ["overall"])[0]
    grade = plan.grade
    graded = [r for r in reports if r.judgement(area) is not None]
    matching = [r for r in graded if r.grade(area) == grade]
    searched = f"{len(reports)} report{'s' if len(reports) != 1 else ''} searched"
    what = f"{grade_words(grade)} for {area_name(area)}"
    if len(graded) < len(reports):
        frameworks = sorted({r.framework for r in graded}) or ["none"]
        lead = (
            f"Of the {searched}, {len(graded)} grade {area_name(area)} (the "
            f"{' and '.join(frameworks)} framework{'s' if len(frameworks) > 1 else ''}); "
            f"{len(matching)} of them {'was' if len(matching) == 1 else 'were'} judged {what}"
        )
    else:
        lead = (
            f"Of the {searched}, {len(matching)} {'was' if len(matching) == 1 else 'were'} "
            f"judged {what}"
        )
    result.sentences.append(AnswerSentence(lead + (":" if matching else "."), []))
    for r in sorted(matching, key=lambda r: (r.council, r.published)):
        _grade, marker = cite_grade(result, r, area)
        result.sentences.append(
            AnswerSentence(
                f"{area_name(area).capitalize()} {grade_words(grade)}.",
                [marker] if marker else [],
                source=r.display_name(),
            )
        )
