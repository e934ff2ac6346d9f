"""Answers built on verdicts: why-questions that assume a grade, "which councils were judged
Y?", and summaries of a report."""

import pytest

from app import answer
from app.judgement_answers import concern, praises, stated_grade
from app.plan import make_plan, overall_stance
from tests.conftest import SHARED


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


def test_a_right_grade_is_explained_by_the_reasons_not_restated(full_index):
    a = answer("Why is the LSCB judged inadequate?", scope=["tower-hamlets-2017"], index=full_index)
    # The report gives the grade with its cause in one sentence: that sentence leads, and
    # no bare "Inspectors judged the LSCB inadequate." restates it.
    first = a.sentences[0].text
    assert "inadequate, as it is not discharging all of its statutory functions" in first
    assert len(a.sentences) > 1
    assert all("inadequate" not in s.text.lower() for s in a.sentences[1:])
    # Without such a sentence, the grade is stated and the reasons follow.
    a = answer(
        "Why was leadership judged inadequate?", scope=["tower-hamlets-2017"], index=full_index
    )
    assert a.sentences[0].text.startswith("Inspectors judged leadership")


def test_which_councils_had_a_grade_lists_only_those(full_index):
    a = answer("Which councils were judged outstanding?", index=full_index)
    named = {r.display_name() for r in full_index.reports() if r.display_name() in a.text}
    assert named == {"Newham 2026", "Tower Hamlets 2025"}, a.text
    none = answer("Which councils were judged outstanding for the LSCB?", index=full_index)
    said = none.refusal_reason if none.refused else none.text
    assert not any(r.display_name() in said for r in full_index.reports()), said
    assert "outstanding" in said


def test_a_summary_is_the_overall_grade_and_the_summary_opening(full_index):
    a = answer("Summarise the report", scope=["tower-hamlets-2017"], index=full_index)
    assert not a.refused
    assert a.sentences[0].text == "Inspectors judged overall effectiveness inadequate."
    assert a.sentences[1].text.startswith("There are widespread and serious failures")
    assert [c.section for c in a.citations] == ["Report details", "Executive summary"]


def test_the_2014_template_is_summarised_from_its_list_of_reasons(full_index):
    a = answer("What were the key findings?", scope=["newham-2014"], index=full_index)
    assert not a.refused
    assert "require improvement" in a.sentences[0].text
    assert all("Summary of findings" in c.section for c in a.citations)


def test_a_topic_question_is_not_taken_for_a_summary(full_index):
    a = answer(
        "What did inspectors find about private fostering?",
        scope=["tower-hamlets-2017"],
        index=full_index,
    )
    assert "private fostering" in a.text


def test_a_correction_citing_a_paragraph_the_answer_cites_shares_its_marker(full_index):
    a = answer(
        "Why were services for care leavers inadequate in Croydon in 2017?",
        scope=["croydon-2017"],
        index=full_index,
    )
    ids = [c.paragraph_id for c in a.citations]
    assert len(ids) == len(set(ids)), ids
    assert [c.marker for c in a.citations] == list(range(1, len(ids) + 1))
    assert {m for s in a.sentences for m in s.markers} == {c.marker for c in a.citations}


def test_why_it_got_that_grade_explains_the_grade_it_got(full_index):
    from app import answer

    history = ["What grade did adoption get?"]
    a = answer(
        "why did it get that grade?",
        history=history,
        scope=["tower-hamlets-2017"],
        index=full_index,
    )
    assert not a.refused
    assert a.sentences[0].text.startswith("Inspectors judged adoption performance")
    assert len(a.sentences) >= 2  # and reasons, not the verdict alone


def _report(framework: str, published: str, judgement, *paragraphs):
    """A one-judgement report of the given paragraphs, for the grade explanations."""
    from ingest import Report

    return Report(
        "r", "Somewhere", "t", framework, "", published, "", "r.pdf",
        judgements=[judgement], paragraphs=list(paragraphs),
    )  # fmt: skip


def _paragraph(i: int, kind: str, section: tuple[str, ...], text: str):
    from ingest import Paragraph

    return Paragraph(f"r:{i}", "r", None, kind, section, 1, text, [(0, len(text))])


def test_a_section_that_only_states_the_grade_keeps_the_answer_search_found():
    # Haringey 2014's LSCB section opens with "The effectiveness of the LSCB requires
    # improvement" and then lists recommendations: there is no reason to give, and the
    # answer used to come back empty (neither answered nor refused).
    from app.types import Answer, AnswerSentence
    from app.verdicts import answer_why_graded
    from ingest import Judgement

    board = ("The Local Safeguarding Children Board",)
    grade = "The effectiveness of the LSCB requires improvement"
    report = _report(
        "SIF", "2014-05-01", Judgement("lscb", "Requires improvement", grade),
        _paragraph(0, "summary", board, grade),
        _paragraph(1, "recommendation", board, "Ensure that schools are involved."),
    )  # fmt: skip
    result = Answer(question="Why did the LSCB only get requires improvement?")
    found = AnswerSentence("A sentence search found about the board's work.", [1])
    result.sentences.append(found)
    answer_why_graded(result, result.question, report)
    assert result.sentences == [found]


def test_the_board_is_named_by_a_councils_own_initials_or_as_the_safeguarding_board():
    for question in (
        "Why was the WSCB rated inadequate?",
        "What are the reasons the safeguarding board was rated inadequate?",
    ):
        assert stated_grade(question) == ("lscb", "Inadequate"), question
    assert stated_grade("Why were the SCBX figures inadequate?") is None


HARINGEY_2014 = SHARED / "corpus" / "scale" / "haringey-2014-07-18.pdf"


@pytest.mark.skipif(not HARINGEY_2014.is_file(), reason=f"{HARINGEY_2014} is absent")
def test_a_weak_grade_whose_section_opens_with_strengths_is_explained_by_its_concerns():
    # The SIF 2014's review of the LSCB gives its strengths first; its reasons come later.
    from app.judgement_answers import concern
    from app.types import Answer
    from app.verdicts import answer_why_graded
    from ingest import parse_report

    report = parse_report(HARINGEY_2014)
    result = Answer(question="Why did the LSCB only get requires improvement?")
    answer_why_graded(result, result.question, report)
    assert result.sentences[0].text.startswith("Inspectors judged the Local Safeguarding")
    reasons = result.sentences[1:]
    assert reasons, "no reasons after the grade"
    assert all(concern(s.text) > 0 for s in reasons)
    assert all("Safeguarding Children Board" in c.section for c in result.citations)


def _sentences(i: int, kind: str, section: tuple[str, ...], *sentences: str):
    from ingest import Paragraph

    text, spans = "", []
    for s in sentences:
        start = len(text) + (1 if text else 0)
        text = f"{text} {s}" if text else s
        spans.append((start, len(text)))
    return Paragraph(f"r:{i}", "r", i + 1, kind, section, 1, text, spans)


def _reasons(report, question: str) -> list[str]:
    """The sentences after the grade of the answer to a why-question about `report`."""
    from app.types import Answer
    from app.verdicts import answer_why_graded

    result = Answer(question=question)
    answer_why_graded(result, question, report)
    return [s.text for s in result.sentences[1:]]


def _items(report, question: str):
    from app.improvement_answers import improvement_items
    from app.plan import make_plan

    items = improvement_items(make_plan(question, question), [report])
    return None if items is None else [p.id for p in items]


def test_a_short_summary_is_filled_from_the_section_and_a_restated_cause_given_once():
    # Wirral 2016: the board's summary and its section open with the same cause, one with
    # the statutes named. Suffolk 2016: a summary of one reason left the answer one reason.
    from app.types import Answer
    from app.verdicts import answer_why_graded
    from ingest import Judgement

    board = ("Review of the Local Safeguarding Children Board",)
    cause = "The LSCB is judged to be inadequate, as it is not discharging its statutory functions"
    report = _report(
        "SIF", "2016-05-01", Judgement("lscb", "Inadequate", cause),
        _sentences(0, "summary", board, f"{cause}.",
                   "Its governance arrangements do not ensure that it is independent."),
        _sentences(1, "finding", board, f"{cause} as set out in the 2015 guidance.",
                   "The board does not notify Ofsted of serious incidents on time."),
    )  # fmt: skip
    result = Answer(question="Why was the LSCB rated inadequate?")
    answer_why_graded(result, result.question, report)
    text = " ".join(s.text for s in result.sentences)
    assert text.count("is judged to be inadequate, as") == 1
    assert "independent" in text and "notify Ofsted" in text


def test_a_good_grade_asked_why_it_fell_short_is_explained_by_its_concerns():
    from ingest import Judgement

    leavers = ("The experiences and progress of care leavers",)
    report = _report(
        "ILACS", "2025-05-09", Judgement("care_leavers", "Good", "care leavers: good"),
        _sentences(0, "finding", leavers,
                   "Care leavers receive a strong service from ambitious advisers.",
                   "Advisers know the young people they support very well indeed.",
                   "The offer does not give enough detail about discretionary entitlements."),
    )  # fmt: skip
    for question in (
        "Why was the care leavers service only judged good?",
        "why were care leavers good rather than outstanding - what held it back?",
    ):
        assert _reasons(report, question) == [
            "The offer does not give enough detail about discretionary entitlements."
        ], question
    # Asked why it was good, the strengths explain it.
    assert "strong service" in " ".join(_reasons(report, "Why were care leavers judged good?"))


def test_no_priority_action_heads_the_list_and_is_no_item_of_it():
    # Sheffield 2014: "There are no areas for priority or immediate action." under that
    # heading was listed, and counted, as the first recommendation.
    from ingest import Judgement

    heading = ("Recommendations", "Priority and immediate action")
    items = ("Recommendations", "Areas for improvement")
    report = _report(
        "SIF",
        "2014-02-21",
        Judgement("overall", "Good", "Overall effectiveness is good"),
        _paragraph(
            1, "recommendation", heading, "There are no areas for priority or immediate action."
        ),
        _paragraph(
            2, "recommendation", items, "Ensure that strategy discussions include partners."
        ),
        _paragraph(3, "recommendation", items, "Improve the quality of written records."),
    )
    assert _items(report, "List all the recommendations") == ["r:2", "r:3"]


def test_a_word_every_item_uses_names_no_topic():
    # Hampshire 2019: "anything they should do better for disabled children?" got both its
    # items, neither about disabled children, because both say "children".
    from ingest import Judgement

    items = ("What needs to improve?",)
    report = _report(
        "ILACS",
        "2019-06-11",
        Judgement("overall", "Good", "Overall effectiveness Good"),
        _paragraph(1, "recommendation", items, "Return home interviews for children missing."),
        _paragraph(2, "recommendation", items, "Holding partners to account for children."),
    )
    assert _items(report, "What should they do for disabled children?") is None
    assert _items(report, "What should they do for children who go missing?") == ["r:1"]


def test_a_sentence_that_restates_a_weak_grade_in_another_form_is_no_reason():
    # Northumberland 2016: "Children's services in Northumberland require improvement" was
    # given as a reason why leadership requires improvement.
    from ingest import Judgement

    section = ("Leadership, management and governance",)
    report = _report(
        "SIF", "2016-04-14", Judgement("leadership", "Requires improvement", "leadership RI"),
        _sentences(0, "summary", section,
                   "Children's services in Northumberland require improvement overall.",
                   "Senior leaders do not have enough scrutiny of frontline practice."),
    )  # fmt: skip
    text = " ".join(_reasons(report, "Why did leadership only get requires improvement?"))
    assert "scrutiny" in text and "require improvement overall" not in text, text


def test_a_question_about_the_whole_service_has_an_overall_stance():
    def stance(question, council=()):
        return overall_stance(make_plan(question, question), set(council))

    assert stance("What's the biggest worry inspectors had?") == "weakness"
    assert stance("Are there any serious problems?") == "weakness"
    assert stance("What are Essex's strengths?", ["essex"]) == "strength"
    assert stance("What went well?") == "strength"
    # A topic, an area or a request for the recommendations is not about the whole service.
    assert stance("What are the strengths of the MASH?") == ""
    assert stance("What concerns were there about care leavers?") == ""
    assert stance("What needs to get better?") == ""
    assert stance("What are Essex's strengths?") == ""  # without the council: a topic
    # Neither: how the service did, which its summary answers.
    assert stance("Is anything good?") == "summary"
    assert stance("How did they do?") == "summary"
    assert stance("What is Aspire?") == ""
    assert stance("Why?") == ""


def test_how_the_council_did_is_answered_by_the_summary(full_index):
    a = answer("How is the council doing?", scope=["tower-hamlets-2019"], index=full_index)
    assert not a.refused
    assert a.sentences[0].text == "Inspectors judged overall effectiveness good."
    assert {c.section for c in a.citations} == {"Overall effectiveness"}


def test_what_worried_inspectors_is_answered_from_the_summary(full_index):
    a = answer(
        "What was the biggest worry inspectors had?",
        scope=["tower-hamlets-2017"],
        index=full_index,
    )
    assert not a.refused
    assert a.sentences[0].text == "Inspectors judged overall effectiveness inadequate."
    reasons = a.sentences[1:]
    assert len(reasons) >= 2
    assert all(concern(s.text) > 0 for s in reasons)
    cited = {c.marker: c for c in a.citations}
    assert all(cited[m].section == "Executive summary" for s in reasons for m in s.markers)
    assert "15 things that must improve" in a.notice


def test_a_summary_that_only_praises_gives_the_things_to_improve_as_the_worries(full_index):
    a = answer(
        "What were inspectors most worried about?",
        scope=["tower-hamlets-2025"],
        index=full_index,
    )
    assert not a.refused
    assert [c.section for c in a.citations] == ["What needs to improve?"] * 2
    assert a.notice == "The inspectors' concerns: the 2 things they said must improve."


def test_what_went_well_is_the_summary_s_praise(full_index):
    a = answer("What went well?", scope=["newham-2022"], index=full_index)
    assert not a.refused
    assert a.sentences[0].text == "Inspectors judged overall effectiveness good."
    praise = a.sentences[1:]
    assert praise and all(praises(s.text) for s in praise)


def test_why_a_council_got_its_grade_is_about_the_overall_grade(full_index):
    a = answer("Why did Croydon get that grade?", scope=["croydon-2017"], index=full_index)
    assert not a.refused
    assert a.sentences[0].text == "Inspectors judged overall effectiveness inadequate."
    assert len(a.sentences) >= 2


def test_a_grade_and_why_gives_the_grade_then_its_reasons(full_index):
    a = answer("How was leadership judged, and why?", scope=["newham-2019"], index=full_index)
    assert not a.refused and not a.notice  # nothing of the question is left unanswered
    first, *reasons = a.sentences
    assert first.text.endswith(": inadequate.")
    assert len(reasons) >= 2
    assert all("inadequate" not in s.text.lower() for s in reasons)  # reasons, not the verdict
    cited = {c.marker: c for c in a.citations}
    assert all(
        cited[m].section.startswith("The impact of leaders") for s in reasons for m in s.markers
    )
