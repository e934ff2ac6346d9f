"""Follow-up questions: each one offered after an answer is itself answered, not refused."""

import pytest

from app import answer
from app.suggestions import cited_areas, follow_ups

# An answer from each kind of section, on every shipped report.
SEEDS = [
    "What did inspectors find about care leavers?",
    "What did inspectors say about children in care?",
    "How well do leaders know their services?",
]


@pytest.mark.slow
def test_every_offered_follow_up_is_answered(full_index):
    offered = 0
    for report in full_index.reports():
        for seed in SEEDS:
            first = answer(seed, scope=[report.id], index=full_index)
            if first.refused:
                continue
            questions = follow_ups(first, report, full_index.reports())
            assert 1 <= len(questions) <= 3, (report.id, seed)
            for q in questions:
                offered += 1
                # Asked as the chat asks it: the report as default scope, the seed as history.
                a = answer(q, history=[seed], default_scope=[report.id], index=full_index)
                assert not a.refused, (report.id, seed, q, a.refusal_reason)
                assert a.citations, (report.id, q)
    assert offered >= 40


def test_follow_ups_name_the_cited_area_and_the_councils_other_report(full_index):
    report = full_index.report("tower-hamlets-2025")
    first = answer(
        "What did inspectors find about care leavers?", scope=[report.id], index=full_index
    )
    assert cited_areas(first)[0] == "care_leavers"
    questions = follow_ups(first, report, full_index.reports())
    assert questions[:2] == ["What was the judgement for care leavers?", "What needs to improve?"]
    # The 2019 ILACS grades care leavers with children in care, so its overall grade is offered.
    assert questions[2] == "What was the overall judgement in Tower Hamlets in 2019?"
