"""Area headings as the templates print them, wrapped and with their verdicts in several forms."""

import pytest

from ingest.headings import match_heading


@pytest.mark.parametrize(
    ("lines", "area", "grade", "used"),
    [
        # Croydon 2017: the heading wraps, the grade follows the second half.
        (
            ["Leadership, management and", "governance Inadequate", "Summary"],
            "leadership",
            "Inadequate",
            2,
        ),
        # SIF 2014: "… are good".
        (
            ["Leadership, management and governance are good", "96. In August"],
            "leadership",
            "Good",
            1,
        ),
        # ILACS 2018: "… is inadequate" after a wrap.
        (
            [
                "The impact of leaders on social work practice with children and",
                "families is inadequate",
            ],
            "leadership",
            "Inadequate",
            2,
        ),
        # ILACS 2019: the verdict on its own line after "is:".
        (
            [
                "The experiences and progress of children who need help and protection is:",
                "Good",
                "1. A",
            ],
            "help_and_protection",
            "Good",
            2,
        ),
        # ILACS 2020: "requires" left dangling, the rest on the next line.
        (
            [
                "The experiences and progress of children in care and care leavers: requires",
                "improvement to be good",
                "15. When it is",
            ],
            "in_care",
            "Requires improvement",
            2,
        ),
        # Oldham 2019 writes "experience" in the singular.
        (
            [
                "The experience and progress of children in care and care",
                "leavers: requires improvement to be good",
            ],
            "in_care",
            "Requires improvement",
            2,
        ),
    ],
)
def test_area_headings_and_their_grades(lines, area, grade, used):
    heading = match_heading(lines, 0)
    assert heading is not None
    assert (heading.area, heading.grade, heading.lines_used) == (area, grade, used)


def test_body_text_that_starts_like_a_heading_is_not_one():
    lines = ["Leadership, management and governance arrangements are weak and", "not effective."]
    assert match_heading(lines, 0) is None


def test_a_footnote_marker_after_a_question_heading_is_dropped():
    # Newham 2026 prints "What needs to improve?" with footnote 1 glued on; it was read as a
    # one-line paragraph and given as the answer to "What needs to improve?".
    heading = match_heading(["What needs to improve?1", "The effectiveness of …"], 0)
    assert heading is not None
    assert heading.title == "What needs to improve?"
