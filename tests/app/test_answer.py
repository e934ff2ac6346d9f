"""answer(): extractive answers with citations, judgements, scope, refusals, follow-ups."""

import re

import pytest

from app import answer
from app.conversation import rewrite
from app.extractive import question_type
from app.plan import make_plan
from index.terms import question_terms

TH17 = ["tower-hamlets-2017"]


def test_number_question_leads_with_the_fact(full_index):
    a = answer("How many children were on a child protection plan?", scope=TH17, index=full_index)
    assert not a.refused
    assert a.sentences[0].text.startswith("At 31 January 2017, 401 children")
    assert a.citations[0].report_id == "tower-hamlets-2017"
    assert a.citations[0].quote in a.citations[0].paragraph_text


def test_every_answer_sentence_is_cited_to_a_paragraph_that_contains_it(full_index):
    a = answer("What did inspectors say about private fostering?", scope=TH17, index=full_index)
    by_marker = {c.marker: c for c in a.citations}
    for s in a.sentences:
        assert s.markers
        assert s.text in by_marker[s.markers[0]].paragraph_text


def test_judgement_question_uses_extracted_grades(full_index):
    a = answer("How was adoption performance judged?", scope=TH17, index=full_index)
    assert "adoption performance: requires improvement to be good" in a.text.lower()
    assert a.citations and a.citations[0].report_id == "tower-hamlets-2017"


def test_question_naming_another_council_rescopes(full_index):
    a = answer(
        "How many children were looked after in Croydon in 2017?",
        default_scope=TH17,
        index=full_index,
    )
    assert a.scope == ["croydon-2017"] and "Croydon" in a.scope_note
    assert a.citations and all(c.report_id == "croydon-2017" for c in a.citations)


@pytest.mark.parametrize(
    "question",
    [
        "How many children were on child protection plans in Manchester?",
        "What is the capital of France?",
        "",
        "x" * 2000,
    ],
)
def test_unsupported_questions_are_refused(full_index, question):
    a = answer(question, default_scope=TH17, index=full_index)
    assert a.refused and a.refusal_reason
    assert not a.citations


def test_follow_up_uses_the_history(full_index):
    history = ["How many children were on a child protection plan?"]
    a = answer("and what rate is that?", history=history, scope=TH17, index=full_index)
    assert a.rewritten_query == "what rate is that children child protection plan"
    assert "62 per 10,000" in a.text


def test_a_follow_up_naming_another_group_asks_the_same_of_it():
    assert rewrite("and care leavers?", ["How are children in care doing?"]) == (
        "How are care leavers doing"
    )
    # "why?" is about the turn just before, not the first question of the thread.
    history = ["How are children in care doing?", "and care leavers?"]
    assert rewrite("why?", history) == "How are care leavers doing why"
    assert rewrite("and for children in care?", ["How are care leavers' homes?"]) == (
        "How are children in care's homes"
    )


def test_a_question_naming_no_council_stays_where_the_conversation_went(full_index):
    history = ["What was Newham's grade in 2022?"]
    a = answer("What improved?", history=history, default_scope=TH17, index=full_index)
    assert a.scope == ["newham-2022"]
    assert a.scope_note == "Still on Newham 2022, as earlier in the conversation."


def test_rewrite_is_deterministic_and_only_reuses_history_words():
    h = ["How many children were on a child protection plan?"]
    assert rewrite("what about care leavers?", h) == "How many care leavers"
    assert rewrite("why?", ["Is the agency decision-maker effective?"]) == (
        "Is the agency decision-maker effective why"
    )
    assert rewrite("What did inspectors find about adoption?", h) == (
        "What did inspectors find about adoption?"
    )
    assert rewrite("and what rate is that?", []) == "and what rate is that?"


def test_paragraph_numbers_can_be_asked_for(full_index):
    a = answer("What does paragraph 27 say?", scope=TH17, index=full_index)
    assert a.citations[0].number == 27
    assert a.sentences[0].text.startswith("At the time of the inspection, 18 children")
    first = answer("What was the first recommendation?", scope=TH17, index=full_index)
    assert first.citations[0].number == 1


def test_list_of_recommendations_comes_from_the_report(full_index):
    a = answer("What were the recommendations for the LSCB?", scope=TH17, index=full_index)
    assert len(a.citations) == 5
    assert all("Safeguarding" in c.section for c in a.citations)
    assert a.sentences[0].text.startswith("Urgently review monitoring and governance")


def test_word_the_reports_never_use_is_refused(full_index):
    a = answer("What is the salary of a social worker?", scope=TH17, index=full_index)
    assert a.refused


def test_cover_details_answer_who_led_the_inspection(full_index):
    a = answer("Who was the lead inspector?", scope=["tower-hamlets-2019"], index=full_index)
    assert "Marcie Taylor" in a.text


def test_section_scope_limits_the_paragraphs(full_index):
    a = answer(
        "What is the quality of assessments?", scope=TH17, section="care leavers", index=full_index
    )
    assert all("care leavers" in c.section.lower() for c in a.citations)


def test_why_answer_leads_with_the_cause_not_the_consequence(full_index):
    a = answer(
        "Why did senior managers not know about critical practice issues?",
        scope=TH17,
        index=full_index,
    )
    assert not a.refused
    assert not a.sentences[0].text.startswith("Consequently")


def test_a_number_the_report_never_states_is_refused(full_index):
    a = answer("How many children were adopted in 1999?", scope=TH17, index=full_index)
    assert a.refused and not a.citations


def test_the_overall_grade_cites_the_cover_verdict_not_the_leadership_summary(full_index):
    # The seed states its overall grade only on the cover; "The leadership … of children's
    # services in Tower Hamlets are inadequate" is the leadership grade.
    a = answer("What was the overall judgement?", scope=TH17, index=full_index)
    cited = a.citations[0]
    assert cited.section == "Report details"
    assert cited.quote == "Children's services in Tower Hamlets are inadequate"


def test_grade_answers_cite_the_paragraph_that_states_the_grade(full_index):
    lscb = answer("Was the LSCB judged inadequate?", scope=TH17, index=full_index)
    text = lscb.citations[0].paragraph_text
    assert "judged to be inadequate" in text or text.endswith("Board is inadequate")
    newham = answer("How was leadership graded?", scope=["newham-2014"], index=full_index)
    assert newham.citations, newham.text
    assert "Key Judgement" not in newham.citations[0].paragraph_text


def test_how_many_needs_a_figure(full_index):
    # The 2020 ILACS report gives no count of children in care: a sentence about care in
    # April 2020 is no answer.
    a = answer("How many children were in care in 2020?", scope=["croydon-2020"], index=full_index)
    assert a.refused


def test_words_that_only_frame_the_verdict_do_not_force_a_refusal(full_index):
    # Newham 2019 never says "weakness"; it does say what the disabled children's service is like.
    a = answer(
        "What are the weaknesses in services for disabled children?",
        scope=["newham-2019"],
        index=full_index,
    )
    assert not a.refused
    assert "disabled children" in a.text.lower()


def test_doing_a_good_job_frames_the_question_and_is_no_missing_word(full_index):
    from app.support import unknown_terms

    question = "Is the front door doing its job?"
    assert unknown_terms(question, TH17, full_index) == []


def test_a_finding_answers_before_a_recommendation_unless_one_is_asked_for(full_index):
    how = answer("How do IROs challenge plans?", scope=TH17, index=full_index)
    assert how.citations[0].number == 41  # what inspectors found, not recommendation 5
    asked = answer("What did Ofsted recommend about IROs?", scope=TH17, index=full_index)
    assert asked.citations[0].number == 5


def test_caseloads_and_workloads_are_the_same_thing(full_index):
    a = answer("Are caseloads manageable?", scope=["tower-hamlets-2025"], index=full_index)
    assert not a.refused
    assert "manageable workloads" in a.text


def test_in_care_means_looked_after(full_index):
    # The seed counts children in care as "looked after"; "section 47" is no count.
    a = answer("How many children were in care?", scope=TH17, index=full_index)
    assert "333 children were being looked after" in a.text


def test_the_front_door_is_the_mash(full_index):
    a = answer(
        "How good is practice in the front door?", scope=["tower-hamlets-2019"], index=full_index
    )
    assert not a.refused
    assert "multi-agency safeguarding hub" in a.text


def test_the_last_inspection_is_the_previous_one(full_index):
    a = answer(
        "What has improved since the last inspection?",
        scope=["tower-hamlets-2019"],
        index=full_index,
    )
    assert not a.refused
    assert "previous inspection" in a.text


@pytest.mark.parametrize(
    ("question", "report"),
    [
        ("Do care leavers have good accommodation?", "tower-hamlets-2025"),
        ("What is the quality of assessments for children in need?", "tower-hamlets-2017"),
        ("How many key priorities does the LSCB annual report identify?", "tower-hamlets-2017"),
    ],
)
def test_a_sentence_leaning_on_the_one_before_is_not_shown_without_it(full_index, question, report):
    a = answer(question, scope=[report], index=full_index)
    by_marker = {c.marker: c for c in a.citations}
    for i, s in enumerate(a.sentences):
        if re.match(r"(It|This|These|However|But)\b", s.text):
            assert i > 0, s.text
            before = a.sentences[i - 1]
            paragraph = by_marker[s.markers[0]].paragraph_text
            assert before.markers == s.markers
            assert paragraph.index(before.text) < paragraph.index(s.text)


def test_croydon_2017_leadership_has_its_own_section(full_index):
    # Its heading wraps ("Leadership, management and" / "governance Inadequate"); it used to be
    # missed, filing 30 leadership paragraphs under children looked after.
    a = answer("How was leadership judged?", scope=["croydon-2017"], index=full_index)
    assert "inadequate" in a.text.lower()
    assert a.citations[0].section.startswith("Leadership, management and governance")


def test_what_inspectors_said_is_not_how_they_inspected(full_index):
    # "Inspectors considered the quality of work …" describes the method, not plans.
    a = answer(
        "What did inspectors say about the quality of plans?",
        scope=["croydon-2017"],
        index=full_index,
    )
    assert all(c.section != "Information about this inspection" for c in a.citations)


def test_how_the_inspection_was_done_answers_only_questions_about_the_inspection(full_index):
    # The method paragraph says "how well it is doing": it is not how the council is doing.
    doing = answer(
        "How well is the council doing for the children it looks after?",
        scope=TH17,
        index=full_index,
    )
    assert all(c.section != "Information about this inspection" for c in doing.citations)
    asked = answer("What did inspectors do during the inspection?", scope=TH17, index=full_index)
    assert asked.citations[0].section == "Information about this inspection"


def test_a_sentence_that_lost_its_beginning_is_shown_with_an_ellipsis():
    from app.types import Answer, AnswerSentence

    lost = AnswerSentence("young people through the AREC sub-group.", [1])
    whole = AnswerSentence("The board has an AREC sub-group.", [1], trimmed=True)
    assert lost.shown == "… young people through the AREC sub-group."
    assert whole.shown == "The board has an AREC sub-group. …"
    assert Answer("q", sentences=[lost]).text == "… young people through the AREC sub-group. [1]"


def test_a_paragraph_or_recommendation_that_does_not_exist_is_named_as_such(full_index):
    para = answer("What does paragraph 500 say?", scope=TH17, index=full_index)
    assert para.refusal_reason.startswith(
        "Tower Hamlets 2017 has no paragraph 500: its numbered paragraphs run from 1 to 11"
    )
    rec = answer("What is recommendation 99?", scope=TH17, index=full_index)
    assert rec.refusal_reason == (
        "Tower Hamlets 2017 makes 15 recommendations, so there is no recommendation 99."
    )


def test_who_the_inspectors_were_comes_from_the_team_list(full_index):
    sif = answer("Who were the inspectors?", scope=TH17, index=full_index)
    assert sif.sentences[0].text.startswith("Lead inspector: Brenda McLaughlin")
    assert "Team inspectors:" in sif.text
    assert sif.citations[0].section.endswith("The inspection team")
    ilacs = answer("Who inspected Croydon in 2020?", index=full_index)
    assert ilacs.text == "Lead inspector: Tara Geere, Her Majesty's Inspector. [1]"


def test_a_question_for_a_name_is_refused_when_the_report_names_no_one(full_index):
    # The report names the mayor's office, not the mayor: a role is no answer to "called?".
    a = answer("What is the mayor of Tower Hamlets called?", scope=TH17, index=full_index)
    assert a.refused, a.text


def test_who_was_the_lead_inspector_is_read_from_the_cover(full_index):
    a = answer("Who was the lead inspector?", scope=["tower-hamlets-2025"], index=full_index)
    assert not a.refused
    assert "Lead inspector" in a.citations[0].quote, a.text


def test_a_contraction_is_the_words_it_contracts(full_index):
    # "what's" once counted as a word no report uses, and pushed typed questions to a refusal.
    assert question_terms("What's MAGIC, and who's on it? They're not sure.") == ["magic", "sure"]
    typed = answer("What's the virtual school like?", scope=TH17, index=full_index)
    written = answer("What is the virtual school like?", scope=TH17, index=full_index)
    assert not typed.refused and typed.text == written.text
    assert "virtual school" in typed.text


def test_a_quantity_named_rather_than_counted_asks_for_a_figure():
    assert question_type("What's the average caseload for a social worker?") == "number"
    assert question_type("what is the social work vacancy rate?") == "number"
    assert question_type("What's the quality of plans like?") == "general"


def test_a_follow_up_asking_for_a_figure_is_not_the_grade_again(full_index):
    first = "Is adoption any good?"
    assert "requires improvement" in answer(first, scope=TH17, index=full_index).text
    a = answer(
        "How long does it take for children to be placed with adopters?",
        history=[first],
        scope=TH17,
        index=full_index,
    )
    assert "509 days" in a.text


@pytest.mark.parametrize(
    "question",
    [
        "How many children were on child protection plans, and how many ponies does the "
        "council own?",
        # the first part answered by the grades, the rest by search
        "What grade did adoption get, and what is the mayor's favourite football team?",
    ],
)
def test_a_part_nothing_answers_is_named_in_a_notice(full_index, question):
    # Half an answer, silently, reads as if the rest had been overlooked.
    a = answer(question, scope=["tower-hamlets-2017"], index=full_index)
    assert not a.refused and a.sentences
    assert a.notice.startswith("This answers only part of the question")
    assert ("ponies" in a.notice) != ("football" in a.notice)
    both = answer(
        "How many children were on child protection plans, and what rate is that?",
        scope=["tower-hamlets-2017"],
        index=full_index,
    )
    assert "only part" not in both.notice


def test_a_finding_comes_with_the_sentence_of_its_paragraph_that_qualifies_it(full_index):
    # Tower Hamlets 2017 ¶ on children who go missing: the improvements, then "However,
    # operational practice remains weak." Without it the answer reads as the verdict.
    from dataclasses import replace

    from app.scorer import current_weights, trying

    question = "Are return home interviews happening for children who go missing?"
    a = answer(question, scope=["tower-hamlets-2017"], index=full_index)
    assert "However, operational practice remains weak." in a.text
    # It cites no new paragraph: it is from one the answer cites already.
    with trying(replace(current_weights(), qualifiers=0)):
        without = answer(question, scope=["tower-hamlets-2017"], index=full_index)
    assert "operational practice remains weak" not in without.text
    assert {c.paragraph_id for c in a.citations} == {c.paragraph_id for c in without.citations}


def test_a_count_answered_without_a_figure_says_so():
    from app.answer import _note_no_figure
    from app.types import Answer, AnswerSentence

    def notice(question, sentence):
        a = Answer(question=question, sentences=[AnswerSentence(sentence, [1])])
        _note_no_figure(a, make_plan(question, question))
        return a.notice

    described = "Care leavers benefit from the creativity of workers in arranging education."
    assert notice("How many care leavers are in education or work?", described).startswith(
        "No figure for this was found"
    )
    assert notice("How many care leavers are in education or work?", "Of 204, 58% are.") == ""
    assert notice("How are care leavers helped into education?", described) == ""


def test_a_grade_and_what_is_right_or_wrong_with_it(full_index):
    # "… and what are the main strengths?" names no topic of its own: the graded area's own
    # section answers it, its praise for a strong grade and its concerns for a weak one. A
    # search for "main strengths" found nothing, and the answer gave the grade alone.
    from app import judgement_answers as ja

    strong = answer(
        "What is the overall grade, and what are the main strengths?",
        scope=["newham-2026"],
        index=full_index,
    )
    assert strong.sentences[0].text.lower().startswith("overall effectiveness: outstanding")
    assert len(strong.sentences) >= 2 and not strong.notice
    assert all(ja.praises(s.text) for s in strong.sentences[1:])
    weak = answer(
        "How was leadership judged, and what were the main concerns?",
        scope=["croydon-2017"],
        index=full_index,
    )
    assert "inadequate" in weak.sentences[0].text.lower() and len(weak.sentences) >= 2
    assert all(ja.concern(s.text) > 0 for s in weak.sentences[1:])
