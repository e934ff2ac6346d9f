"""Structural answers on template variants of ../shared/corpus/scale (skipped where absent):
the ILACS that date the inspection before theirs by its year alone, the SIF 2014-15 whose
overall section is "Section 1: the local authority", and the 2026 ILACS with no overall
grade. None of these reports is in a gold split."""

from pathlib import Path

import pytest

from app.structure_answers import previous_inspection
from app.types import Answer
from app.verdicts import answer_summary
from tests.conftest import SHARED

SCALE = SHARED / "corpus" / "scale"


def _report(name: str):
    from ingest import parse_report

    path = SCALE / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return parse_report(Path(path))


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("swindon-2019-08-12.pdf", "Following the inspection of 2014"),
        ("slough-2019-03-04.pdf", "Since the single inspection in 2015"),
        ("luton-2020-02-24.pdf", "Following the focused visit in 2019"),
    ],
)
def test_an_earlier_inspection_dated_by_its_year_alone_answers_when_it_was(name, said):
    found = previous_inspection("When was the council last inspected?", [_report(name)])
    assert len(found) == 1 and found[0][2].startswith(said), found


@pytest.mark.parametrize(
    ("name", "grade"),
    [
        ("sheffield-2014-02-21.pdf", "to require improvement to be good"),
        ("essex-2014-03-21.pdf", "good"),
        ("plymouth-2015-01-06.pdf", "to require improvement to be good"),
    ],
)
def test_a_sif_2014_summary_states_the_overall_grade_and_its_findings(name, grade):
    result = Answer(question="Give me a summary")
    answer_summary(result, [_report(name)])
    assert not result.refused
    assert result.sentences[0].text == f"Inspectors judged overall effectiveness {grade}."
    assert len(result.sentences) > 1
    assert all(
        c.section.lower().startswith(("section 1", "the local authority")) for c in result.citations
    )


def test_a_report_without_an_overall_grade_is_summarised_by_its_area_grades():
    report = _report("trafford-2026-08-03.pdf")
    assert report.judgement("overall") is None and len(report.judgements) == 4
    result = Answer(question="Give me a summary")
    answer_summary(result, [report])
    first = result.sentences[0]
    assert first.text.startswith("The report gives no overall grade. Inspectors judged")
    assert "children in care good" in first.text
    assert len(first.markers) == 4  # each area's grade is cited
    assert result.sentences[1].text.startswith("Since the previous inspection in 2022")


def test_the_overall_grade_of_a_report_without_one_is_given_as_its_area_grades(tmp_path):
    from app import answer
    from index import ReportIndex, Settings

    path = SCALE / "trafford-2026-08-03.pdf"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    index = ReportIndex(Settings(index_dir=tmp_path / "index"))
    assert not index.ingest([path]).errors
    a = answer("What was the overall grade?", index=index)
    assert not a.refused
    assert len(a.sentences) == 4 and len(a.citations) == 4
    assert "gives no overall grade" in a.notice


@pytest.mark.parametrize(
    ("question", "first", "count"),
    [
        # The SIF's "Priority and immediate action" is a heading of its own
        ("What's the priority and immediate action they have to take?", "Cease the use of bed", 1),
        ("What do they have to do about social work practice?", "Review and strengthen", 6),
    ],
)
def test_an_improvement_question_that_names_a_heading_of_the_list_gets_its_items(
    question, first, count
):
    # Lincolnshire 2015 (fresh set) as a template only: its recommendations sit under
    # "Priority and immediate action" and "Areas for improvement › Social work practice".
    from app.improvement_answers import improvement_items
    from app.plan import make_plan

    report = _report("lincolnshire-2015-01-06.pdf")
    items = improvement_items(make_plan(question, question), [report])
    assert items and len(items) == count and items[0].text.startswith(first)


def test_when_inspectors_were_in_with_an_adverb_is_the_inspection_dates():
    from app.structure_answers import INSPECTION_WHEN

    for question in (
        "when were inspectors actually in Bromley?",
        "When did Ofsted actually visit?",
        "when were the inspectors here?",
    ):
        assert INSPECTION_WHEN.search(question), question
    assert not INSPECTION_WHEN.search("when were inspectors worried about children?")
