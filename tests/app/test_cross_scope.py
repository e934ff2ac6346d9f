"""Scope that follows the question: every report, a council since a year, two named reports."""

from app.cross_plan import make_plan
from app.cross_scope import cross_scope
from ingest import Judgement, Report


def _report(council: str, published: str, framework: str = "ILACS", **grades) -> Report:
    slug = council.lower().replace(" ", "-")
    return Report(
        id=f"{slug}-{published[:4]}",
        council=council,
        title="",
        framework=framework,
        inspection_dates=published[:4],
        published=published,
        lead_inspector="",
        source="",
        judgements=[Judgement(a, g) for a, g in grades.items()],
    )


REPORTS = [
    _report("Croydon", "2017-09-04", "SIF", overall="Inadequate"),
    _report("Croydon", "2020-03-16", overall="Good"),
    _report("Croydon", "2024-12-03", overall="Good"),
    _report("Newham", "2019-03-25", overall="Inadequate"),
    _report("Newham", "2022-09-21", overall="Good"),
    _report("Tower Hamlets", "2019-07-22", overall="Good"),
]


def ids(question, history=(), default=None):
    return cross_scope(question, question, list(history), default, REPORTS).report_ids


def test_since_a_year_means_that_councils_reports_from_it_on():
    assert ids("How has Croydon changed since 2017?") == [
        "croydon-2017",
        "croydon-2020",
        "croydon-2024",
    ]
    assert ids("Since 2020, have Croydon's services got better?") == [
        "croydon-2020",
        "croydon-2024",
    ]


def test_between_and_from_to_mean_both_ends_and_what_lies_between():
    assert ids("What changed in Croydon between 2017 and 2020?") == ["croydon-2017", "croydon-2020"]
    assert ids("Croydon from 2020 to 2024") == ["croydon-2020", "croydon-2024"]


def test_two_councils_each_with_its_year():
    assert ids("Compare Croydon 2024 with Tower Hamlets 2019") == [
        "tower-hamlets-2019",
        "croydon-2024",
    ]


def test_which_councils_means_every_report_whatever_the_sidebar_says():
    scope = cross_scope(
        "Which councils were judged outstanding?",
        "Which councils were judged outstanding?",
        ["How did Croydon do in 2024?"],
        ["croydon-2024"],
        REPORTS,
    )
    assert scope.every and len(scope.report_ids) == len(REPORTS)
    assert scope.note == f"Searched all {len(REPORTS)} indexed reports."


def test_the_ones_who_are_people_not_reports():
    # "what about the ones who aren't in work?" after a question on care leavers asked about
    # care leavers in the selected report, and was answered from all eighteen.
    question = "and what about the ones who aren't in work or college?"
    assert not cross_scope(question, question, [], ["croydon-2024"], REPORTS).every
    assert cross_scope("and which ones were inadequate?", "", [], ["croydon-2024"], REPORTS).every


def test_the_previous_inspections_are_the_selected_reports_history_not_every_report():
    # "When were the previous inspections?" with Wiltshire 2015 selected searched all ten.
    for question in ("When were the previous inspections?", "What did the last inspections find?"):
        assert not cross_scope(question, question, [], ["croydon-2024"], REPORTS).every
    assert cross_scope("What did all the inspections find?", "", [], None, REPORTS).every


def test_a_year_alone_stays_on_the_council_of_the_conversation():
    assert ids("And in 2020?", ["What did Croydon's 2024 report say about housing?"]) == [
        "croydon-2020"
    ]


def test_a_council_not_indexed_is_named():
    assert cross_scope("How has Leeds changed?", "", [], None, REPORTS).unknown_council == "Leeds"


def test_plans_kinds():
    def kind(q, history=(), default=None):
        plan = make_plan(q, q, list(history), default, REPORTS)
        return plan.kind if plan else None

    assert kind("How has Croydon changed since 2017?") == "timeline"
    assert kind("Compare Newham 2019 and Croydon 2020 on leadership") == "comparison"
    assert kind("Which inspections judged children in care inadequate?") == "filter"
    assert kind("Which reports mention private fostering?") == "topic"
    assert kind("Compare Hackney and Newham") == "refuse"
    assert kind("How many children were looked after?", default=["croydon-2024"]) is None
