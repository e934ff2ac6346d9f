"""A number the question turns on must be in the paragraph that answers it."""

from app.numbers import missing_numbers, numbers_in


def test_year_ranges_cover_both_years():
    assert {"2015", "2016"} <= numbers_in("In 2015–16, 58% of care leavers progressed")
    assert {"2015", "2016"} <= numbers_in("during 201516")


def test_a_different_number_does_not_count():
    paragraph = (
        "Approximately 65,000 children and young people under the age of 18 years live here."
    )
    assert missing_numbers("What is the population aged over 65?", paragraph) == {"65"}
    assert missing_numbers("How many of 65,000 children are under 18?", paragraph) == set()


def test_years_that_only_chose_the_report_are_ignored():
    paragraph = "The DCS has been in post since July 2016."
    question = "When did the DCS of the 2017 report start?"
    assert missing_numbers(question, paragraph, ignore={"2017"}) == set()
    assert missing_numbers(question, paragraph) == {"2017"}


def test_questions_without_numbers_need_nothing():
    assert missing_numbers("How many children were looked after?", "333 children") == set()


def test_an_abbreviated_section_is_the_section_asked_about():
    paragraph = "When children become accommodated under s20 Children Act 1989, planning drifts."
    assert missing_numbers("Why are kids left on section 20 so long?", paragraph) == set()
    assert (
        missing_numbers("What about section 47 enquiries?", "s.47 enquiries are timely.") == set()
    )
    assert missing_numbers("What about section 47 enquiries?", paragraph) == {"47"}
