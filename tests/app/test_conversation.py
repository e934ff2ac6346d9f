"""Follow-ups rewritten against the history: only words from the history are added."""

from app.conversation import rewrite


def test_a_long_follow_up_that_points_back_carries_the_topic():
    history = ["How good is the PA support for care leavers?"]
    out = rewrite("Anything not working so well with that?", history)
    assert "care leavers" in out and "working" in out


def test_why_not_asks_why_of_the_previous_question():
    assert rewrite("why not?", ["Is PLO being used properly?"]) == "Is PLO being used properly why"


def test_a_question_that_stands_alone_is_left_as_asked():
    history = ["How good is the PA support for care leavers?"]
    assert rewrite("How many children are looked after?", history) == (
        "How many children are looked after?"
    )
    assert rewrite("Anything not working so well with that?", []) == (
        "Anything not working so well with that?"
    )


def test_a_pronoun_that_points_inside_the_question_makes_no_follow_up():
    history = ["What grade did Barnsley get overall?"]
    for question in (
        # "they" are the care leavers of the first part; "the way it was" points nowhere
        "How are care leavers doing in Barnsley, and do they have good pathway plans?",
        "Why was help and protection judged the way it was?",
    ):
        assert rewrite(question, history) == question
    # ... while a pronoun of the question's only part still points back
    assert "grade" in rewrite("What have leaders done about it?", history)


def test_a_follow_up_that_asks_its_own_question_leads_with_it():
    # Its own question words stay ("why", "how many"); the topic it lacks follows, once.
    assert rewrite("why did it get that grade?", ["What grade did adoption get?"]) == (
        "why did it get that grade adoption"
    )
    assert (
        rewrite(
            "and how many of them live outside the borough?", ["How many kids are looked after?"]
        )
        == "how many of them live outside the borough kids looked after"
    )
    # The earlier question's improvement wording is not its topic: carried, it would make
    # "why …?" ask for the recommendations again.
    assert rewrite(
        "why did inspectors flag that? what went wrong?", ["what needs fixing at the front door?"]
    ) == ("why did inspectors flag that? what went wrong front door")
    # A follow-up with no question of its own still reads as the question before it.
    history = ["What proportion of children looked after have a personal education plan?"]
    assert rewrite("and a year before that?", history).startswith("What proportion of children")


def test_what_about_after_a_follow_up_swaps_that_follow_ups_own_topic():
    # "what about their health assessments?" replaces "see their social worker alone", the
    # topic the last follow-up asked about, and keeps the subject it borrowed.
    history = [
        "How good is support for children in care?",
        "do they see their social worker alone?",
    ]
    out = rewrite("what about their health assessments?", history)
    assert "health assessments" in out and "children in care" in out
    assert "alone" not in out
    # A follow-up with no question of its own narrowed the question before it: that stays.
    history = ["What are caseloads like?", "and in the front door teams?"]
    assert "front door" in rewrite("what about agency staff?", history)
