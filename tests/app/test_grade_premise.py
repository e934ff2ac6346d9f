"""Questions that carry a grade: "Why was X judged Y?", "Which councils were judged Y?"."""

from app import answer
from app.judgement_answers import stated_grade


def test_the_grade_a_question_takes_as_given():
    assert stated_grade("Why were services for care leavers inadequate?") == (
        "care_leavers",
        "Inadequate",
    )
    assert stated_grade("Why does the LSCB require improvement?") == (
        "lscb",
        "Requires improvement",
    )
    assert stated_grade("Why is the LSCB not good?") is None  # negated: no premise to correct
    assert stated_grade("Why are assessments good?") is None  # no judged area named


def test_a_wrong_grade_is_corrected_first_and_cited(full_index):
    a = answer(
        "Why were services for care leavers inadequate?", scope=["croydon-2017"], index=full_index
    )
    assert not a.refused
    assert a.sentences[0].text == (
        "Inspectors judged the experiences and progress of care leavers to require improvement "
        "to be good, not inadequate."
    )
    first = a.citations[0]
    assert first.marker == 1 and a.sentences[0].markers == [1]
    assert "care leavers" in first.paragraph_text.lower()
    # Every later marker still points at a citation that exists.
    markers = {m for s in a.sentences for m in s.markers}
    assert markers <= {c.marker for c in a.citations}


def test_a_right_grade_without_a_found_reason_is_explained_from_the_area(full_index):
    a = answer("Why was leadership inadequate?", scope=["croydon-2017"], index=full_index)
    assert not a.refused
    assert (
        a.sentences[0].text == "Inspectors judged leadership, management and governance inadequate."
    )
    assert all(c.section.startswith("Leadership") for c in a.citations)
    assert len(a.sentences) >= 2


def test_a_right_grade_leaves_the_answer_alone(full_index):
    a = answer("Why is the LSCB judged inadequate?", scope=["tower-hamlets-2017"], index=full_index)
    assert not a.sentences[0].text.startswith("Inspectors judged")


def test_which_councils_had_a_grade_lists_only_those(full_index):
    a = answer("Which councils were judged outstanding?", index=full_index)
    assert [s.text for s in a.sentences] == [
        "Newham 2026: overall effectiveness judged outstanding.",
        "Tower Hamlets 2025: overall effectiveness judged outstanding.",
    ]
    none = answer("Which councils were judged outstanding for the LSCB?", index=full_index)
    assert none.refused
    assert "judged outstanding" in none.refusal_reason
