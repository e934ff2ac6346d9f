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
