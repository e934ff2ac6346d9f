"""The grades table as HTML chips, Markdown, and the points of the timeline chart."""

from app.presentation import conversation_markdown
from app.table_view import chart_rows, table_html, table_markdown, timeline_chart
from app.types import Answer, AnswerSentence, Table, TableCell, TableRow

TABLE = Table(
    "timeline",
    ["overall", "adoption"],
    ["Overall", "Adoption"],
    [
        TableRow(
            "croydon-2017", "Croydon 2017", [TableCell("Inadequate", 1), TableCell("Good", 2)]
        ),
        TableRow("croydon-2020", "Croydon 2020", [TableCell("Good", 3), TableCell(None)]),
    ],
)


def test_html_has_a_chip_per_grade_and_says_not_graded():
    out = table_html(TABLE)
    assert out.count("border-radius") == 3
    assert "not graded" in out and "<sup>[3]</sup>" in out


def test_markdown_rows_carry_grades_and_markers():
    lines = table_markdown(TABLE)
    assert lines[0] == "| Report | Overall | Adoption |"
    assert "| Croydon 2017 | Inadequate [1] | Good [2] |" in lines
    assert "| Croydon 2020 | Good [3] | not graded |" in lines


def test_chart_has_a_point_per_graded_cell():
    rows = chart_rows(TABLE)
    assert len(rows) == 3
    assert {
        "report": "Croydon 2017",
        "year": 2017,
        "area": "Overall",
        "grade": "Inadequate",
        "rank": 1,
    } in rows
    assert timeline_chart(TABLE).to_dict()["mark"]["type"] == "line"


def test_markdown_export_includes_the_table():
    a = Answer("How has Croydon changed?", sentences=[AnswerSentence("Inadequate.", [])])
    a.table = TABLE
    assert "| Croydon 2017 | Inadequate [1] | Good [2] |" in conversation_markdown([("q", a)], {})
