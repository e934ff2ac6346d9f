"""Questions across reports, answered over the ten shipped reports: one test per component."""

import pytest

from app import answer
from app.presentation import conversation_markdown

pytestmark = pytest.mark.slow


def test_timeline_tables_every_report_since_the_year_and_quotes_progress(full_index):
    a = answer("How has Croydon changed since 2017?", index=full_index)
    assert not a.refused and a.scope == ["croydon-2017", "croydon-2020", "croydon-2024"]
    assert [r.label for r in a.table.rows] == ["Croydon 2017", "Croydon 2020", "Croydon 2024"]
    overall = a.table.areas.index("overall")
    assert [r.cells[overall].grade for r in a.table.rows] == ["Inadequate", "Good", "Good"]
    assert all(r.cells[overall].marker for r in a.table.rows)
    assert "improved dramatically" in a.text
    assert all(s.source.startswith("Croydon") for s in a.sentences)
    assert "Newham" not in a.text
    data = a.to_dict()["table"]
    assert data["rows"][0]["cells"][overall] == {"grade": "Inadequate", "marker": 1}


def test_timeline_says_an_area_one_framework_does_not_grade_is_not_graded(full_index):
    a = answer("How has adoption in Tower Hamlets changed over time?", index=full_index)
    assert "Adoption: not graded" in a.text


def test_comparison_gives_each_reports_grade_then_its_sentences(full_index):
    a = answer("Compare Newham 2019 and Newham 2022 on leadership", index=full_index)
    assert a.scope == ["newham-2019", "newham-2022"] and a.table.kind == "comparison"
    assert "Newham 2019: Leadership: inadequate." in a.text
    assert "Newham 2022: Leadership: outstanding." in a.text
    assert sum(s.source == "Newham 2022" for s in a.sentences) >= 3


def test_filter_lists_exactly_the_matching_reports_and_counts_the_search(full_index):
    a = answer(
        "Which councils were judged outstanding?",
        history=["How did Croydon do on care leavers?"],
        default_scope=["croydon-2024"],
        index=full_index,
    )
    assert "Of the 10 reports searched, 2 were judged outstanding" in a.text
    assert "Newham 2026" in a.text and "Tower Hamlets 2025" in a.text
    assert "Croydon" not in a.text and a.scope_note == "Searched all 10 indexed reports."


def test_topic_is_grouped_by_report_each_sentence_naming_its_report(full_index):
    a = answer("Which reports mention private fostering?", index=full_index)
    sources = [s.source for s in a.sentences if s.markers]
    assert sources and all(sources)
    assert {"Croydon 2017", "Newham 2014", "Tower Hamlets 2017"} <= set(sources)
    assert sources == sorted(sources, key=lambda s: (s.rsplit(" ", 1)[0], s))


def test_a_year_alone_stays_on_the_council_of_the_conversation(full_index):
    a = answer(
        "And in 2020?",
        history=["What did inspectors find about Croydon's out-of-hours service in 2024?"],
        index=full_index,
    )
    assert a.scope == ["croydon-2020"] and a.scope_note.startswith("Still on Croydon")


def test_councils_not_indexed_are_refused(full_index):
    for q in ("How has Leeds changed since 2018?", "Compare Hackney and Newham"):
        a = answer(q, index=full_index)
        assert a.refused and "is indexed" in a.refusal_reason


def test_markdown_export_has_the_table(full_index):
    a = answer("How have Newham's grades changed over time?", index=full_index)
    md = conversation_markdown([(a.question, a)], {})
    assert "| Report | Overall |" in md and "| Newham 2014 | Requires improvement [" in md


def test_a_question_about_the_selected_report_is_not_read_as_one_across_reports(full_index):
    # "what should the council …" is not "which council", nor "any good" a filter by grade
    for question in (
        "What should the council do about care leavers?",
        "How many children were on child protection plans and are the plans any good?",
    ):
        a = answer(question, default_scope=["tower-hamlets-2017"], index=full_index)
        assert a.scope == ["tower-hamlets-2017"], (question, a.scope)
        assert "reports searched" not in a.text
    a = answer("Were any councils judged inadequate?", index=full_index)
    assert "reports searched" in a.text
