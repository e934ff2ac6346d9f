"""The Report overview's content: reasons for each grade, recommendations in full, practise."""

from app import answer
from app.judgement_answers import WEAK, explains_weak_grade
from app.overview import (
    judgement_reasons,
    practise_questions,
    recommendation_groups,
    section_summaries,
)


def test_every_judgement_has_a_reason_and_a_weak_grade_never_gets_praise(full_index):
    for report in full_index.reports():
        for reason in judgement_reasons(report):
            assert reason.paragraph is not None, (report.id, reason.judgement.area)
            if reason.judgement.grade in WEAK:
                assert explains_weak_grade(reason.paragraph, reason.judgement.grade), (
                    report.id,
                    reason.judgement.area,
                    reason.paragraph.text[:120],
                )


def test_recommendations_are_listed_in_full_and_in_order(full_index):
    report = full_index.report("tower-hamlets-2017")
    groups = recommendation_groups(report)
    listed = [p for _, paras in groups for p in paras]
    assert listed == [p for p in report.paragraphs if p.kind == "recommendation"]
    assert listed[0].number == 1 and listed[0].text.startswith("Take immediate action")


def test_each_report_has_section_summaries(full_index):
    for report in full_index.reports():
        assert section_summaries(report), report.id


def test_practise_questions_are_answered(full_index):
    for report in full_index.reports():
        for q in practise_questions(report):
            a = answer(q, scope=[report.id], index=full_index)
            assert not a.refused and a.citations, (report.id, q, a.refusal_reason)
