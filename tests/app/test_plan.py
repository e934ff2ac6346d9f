"""The question plan: parts, their kinds, and what an improvement or list question asks."""

import pytest

from app.plan import make_plan


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        (
            "How many children were on CP plans and were the plans good enough?",
            ["number", "general"],
        ),
        (
            "Why are care leavers' outcomes poor, and what is the council doing about it?",
            ["why", "general"],
        ),
        ("What's wrong with supervision and what is planned?", ["general", "general"]),
        ("How many children are looked after?", ["number"]),
        ("Are there enough foster carers and carers for teenagers?", ["general"]),
    ],
)
def test_a_question_is_split_where_it_asks_a_second_thing(question, kinds):
    assert [p.kind for p in make_plan(question, question).parts] == kinds


def test_a_part_with_no_topic_of_its_own_searches_with_the_first_parts_topic():
    plan = make_plan("q", "What's wrong with supervision and what is planned?")
    assert "supervision" in plan.parts[1].query
    assert plan.parts[0].query == "What's wrong with supervision"


@pytest.mark.parametrize(
    "question",
    [
        "What must the local authority improve?",
        "List all the recommendations",
        "What should they do about care leavers?",
        "What are the areas for improvement?",
        "What does Ofsted want them to do about workloads?",
        "what do they need to get better at for looked after children?",
        "What's the priority and immediate action they have to take?",
        "What do they need to fix at the front door?",
        "anything they still need to sort out there?",
        "what's the one thing Thurrock has to fix?",
        "what needs fixing at the front door?",
    ],
)
def test_improvement_questions_are_planned_as_such(question):
    plan = make_plan(question, question)
    assert plan.improve and all(p.kind == "improve" for p in plan.parts)


def test_list_all_is_a_request_for_a_complete_list():
    assert make_plan("q", "List all the recommendations").wants_all
    assert not make_plan("q", "What did inspectors say about private fostering?").wants_all


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What's going wrong at the front door?", "weakness"),
        ("Why is the re-referral rate so high?", "weakness"),
        ("What is working well for care leavers?", "strength"),
        ("How many children are looked after?", ""),
        ("Are the plans any good?", "quality"),
        ("How effective is the MASH?", "quality"),
    ],
)
def test_a_part_says_whether_it_asks_what_is_wrong_or_what_is_right(question, expected):
    assert make_plan(question, question).parts[0].stance == expected


def test_recommend_as_a_verb_of_others_and_why_questions_are_not_improvement_questions():
    assert not make_plan("q", "Would adopters recommend Tower Hamlets?").improve
    assert not make_plan("q", "Are panel recommendations effective why").improve
    assert make_plan("q", "What did inspectors recommend?").improve
    # what was done, or how children fare, is no request for the recommendations
    assert not make_plan("q", "What immediate action did leaders take?").improve
    assert not make_plan("q", "Do children in care do better at school here?").improve


def test_a_part_that_asks_what_was_done_is_marked():
    plan = make_plan("q", "What's wrong with supervision and what have leaders done about it?")
    assert [p.asks_action for p in plan.parts] == [False, True]


def test_asking_what_inspectors_want_done_is_a_part_answered_from_the_recommendations():
    plan = make_plan(
        "q", "What's wrong with supervision and what do inspectors want done about it?"
    )
    assert [p.kind for p in plan.parts] == ["general", "improve"]


def test_a_part_that_only_judges_searches_with_the_first_parts_topic():
    plan = make_plan("q", "How many children are on CP plans and were the plans good enough?")
    assert "cp" in plan.parts[1].query.lower()


def test_a_grade_word_asks_for_a_grade_only_when_the_area_is_its_subject():
    from app.judgement_answers import is_grade_question

    assert is_grade_question("Was leadership inadequate?")
    assert is_grade_question("Is Tameside's help and protection good?")
    assert is_grade_question("Is adoption performance good?")
    assert not is_grade_question("Are care leavers' pathway plans any good?")
    # what a judged area "got" is its grade; what care leavers got from the council is not
    assert is_grade_question("what did help and protection get?")
    assert is_grade_question("What did Hampshire get for leadership?")
    assert not is_grade_question("What did care leavers get from the council?")


@pytest.mark.parametrize(
    ("question", "kept", "excluded"),
    [
        (
            "Can you list all the recommendations for the council? Not the LSCB ones",
            "Can you list all the recommendations for the council?",
            ["lscb"],
        ),
        ("What must improve, apart from care leavers?", "What must improve?", ["care_leavers"]),
        ("What needs to improve except for adoption?", "What needs to improve?", ["adoption"]),
        # "not" that qualifies what is asked sets nothing aside
        ("Why was it not outstanding?", "Why was it not outstanding?", []),
        (
            "Are children not in education supported?",
            "Are children not in education supported?",
            [],
        ),
    ],
)
def test_what_a_question_sets_aside_is_neither_a_part_nor_an_area(question, kept, excluded):
    plan = make_plan(question, question)
    assert plan.query == kept
    assert plan.excluded == excluded
    assert not set(plan.areas) & set(excluded)
    assert len(plan.parts) == 1


def test_a_follow_up_asks_what_its_own_words_ask_about_the_earlier_topic():
    from app.conversation import rewrite

    history = ["What did inspectors make of the LSCB?"]
    question = "What does it need to improve?"
    plan = make_plan(question, rewrite(question, history))
    assert plan.improve and "lscb" in plan.parts[0].query.lower()
    question = "What's being done about it?"
    plan = make_plan(question, rewrite(question, ["Are there enough foster carers?"]))
    assert plan.parts[0].asks_action and "foster" in plan.parts[0].query
    # A follow-up that only narrows the same ask keeps the earlier question's shape.
    question = "and what rate is that?"
    plan = make_plan(question, rewrite(question, ["How many children were on a CP plan?"]))
    assert plan.parts[0].kind == "number"


def test_care_leaving_services_name_the_care_leavers_area():
    from app.judgement_answers import areas_named

    assert areas_named("why are some not engaging with care leaving services?") == ["care_leavers"]
