"""A cross-report question as a typed plan: its kind, its reports, its areas, its grade, its
topic. The components (timeline, comparison, filter, topic) read the plan, not the question."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from index.terms import question_terms
from ingest import AREAS

from . import judgement_answers as ja
from .conversation import rewrite
from .cross_scope import EVERY, CrossScope, cross_scope
from .cross_text import AREA_NAMES
from .extractive import question_type
from .scope import YEAR, mentions

TIMELINE = re.compile(
    r"\b(chang\w*|improv\w*|better|worse|deteriorat\w*|slip\w*|progress\w*|over time|"
    r"over the years|across the (inspections|years|reports)|gone up or down|each time|"
    r"turned? (it )?around|story|got better|get any better)\b",
    re.I,
)
COMPARISON = re.compile(
    r"\b(compar\w*|versus|vs\.?|stack up|doing better|which was (worse|better)|differ\w*|"
    r"as (bad|good) as each other|both)\b",
    re.I,
)
# ... "any" too, but not in "are the plans any good?", which asks how good, not which reports.
FILTER_ASK = re.compile(
    r"\b(which|what|where|list|any(?!\s+good\b))\b|\bwho\b|\bdid any\b|\bwere any\b", re.I
)
TOPIC_LEAD = re.compile(
    r"^.*?\b(mentions?|discuss(?:es)?|talks? about|says? about|said about|write about|"
    r"uses?|find about|found about|deal with|dealt with)\b\s*",
    re.I,
)
TOPIC_ASK = re.compile(
    r"\b(which|what|where|does|do|did|are|is|have|has)\b.*\b(reports?|inspections?|councils?|"
    r"inspectors|ofsted|any)\b",
    re.I,
)
# Words of the question that say what to do, not what the reports should be about.
FRAME = set(
    "compar compare compared comparison chang change changed improv improve improved better "
    "worse deterior slip slipped time year years differ differ stack council councils borough "
    "boroughs authority report reports inspection inspections inspector inspectors ofsted "
    "mention mentions discuss talk say said grade graded rate rated judg judged which what "
    "where list ani each everi all both other mani story across servic service services got get "
    "over up down gone go turn around still last previous latest recent current now when fail sinc "
    "judgement judgment grade "
    "failed how has have did do does is are was were the".split()
)


# "What do they still need to improve?" asks what one report says is to do, not what changed.
STILL_TO_DO = re.compile(r"\b(needs? to|to|should) (improve|get better|change)\b", re.I)
PRONOUN = re.compile(r"\b(that|this|it|them|those)\b", re.I)
SHORT_FOLLOW_UP = 5  # words: "And Newham?", "what about Croydon's?"


@dataclass
class CrossPlan:
    kind: str  # "timeline", "comparison", "filter", "topic", "scope" or "refuse"
    scope: CrossScope
    areas: list[str] = field(default_factory=list)  # judgement areas the question names
    grade: str | None = None  # the grade a filter asks for
    topic: str = ""  # what the reports should be about ("private fostering")
    topic_terms: list[str] = field(default_factory=list)  # its stemmed words
    query: str = ""
    asked: str = ""  # a follow-up made standalone ("And in 2020?" -> the question before, of 2020)

    @property
    def report_ids(self) -> list[str]:
        return self.scope.report_ids


def make_plan(
    question: str, query: str, history: list[str], default_scope, reports
) -> CrossPlan | None:
    """The plan for a question that spans reports, or None when it is one report's question."""
    swapped = _swap_council(question, history, reports)
    if swapped:
        question = query = swapped
    scope = cross_scope(question, query, history, default_scope, reports)
    if STILL_TO_DO.search(question):
        return _still_to_do(scope, reports, default_scope)
    if history and COMPARISON.search(question) and PRONOUN.search(question):
        scope = _with_earlier(scope, history, reports)
    text = query if query != question and not _own_kind(question) else question
    kind = _kind(text, scope)
    if scope.unknown_council:
        return CrossPlan("refuse", scope) if kind or _own_kind(question) else None
    if kind not in ("timeline", "comparison") and _selected_council(
        question, default_scope, reports
    ):
        return None  # "What did inspectors say about advocacy in Croydon?" on Croydon 2017
    if kind is None:
        return _scope_only(question, scope, reports, default_scope, history)
    if kind != "filter" and len(scope.report_ids) < 2:
        return None
    areas = areas_named(text)
    topic = _topic(text, scope)
    return CrossPlan(
        kind,
        scope,
        areas=areas,
        grade=_grade(text) if kind == "filter" else None,
        topic=topic,
        topic_terms=_topic_terms(topic),
        query=text,
    )


EXTRA_AREAS = [
    ("lscb", r"safeguarding boards?|\blscbs\b"),
    ("care_leavers", r"care leaver"),
]


ALL_AREAS = re.compile(r"\b(judgements|judgments|grades|ratings)\b", re.I)


def areas_named(text: str) -> list[str]:
    """The judged areas a question names, with the plural and informal names too; every
    area for 'the judgements' or 'the grades'."""
    if ALL_AREAS.search(text) and not ja.areas_named(text):
        return list(AREAS)
    found = ja.areas_named(text)
    for area, pattern in EXTRA_AREAS:
        if area not in found and re.search(pattern, text, re.I):
            found.append(area)
    return found


def _own_kind(question: str) -> bool:
    question = STILL_TO_DO.sub(" ", question)
    return bool(
        TIMELINE.search(question)
        or COMPARISON.search(question)
        or TOPIC_LEAD.match(question)
        or (FILTER_ASK.search(question) and _grade(question))
    )


def _kind(text: str, scope: CrossScope) -> str | None:
    text = STILL_TO_DO.sub(" ", text)
    # "What are the reasons the board was rated inadequate?" asks why, not which reports.
    grade = _grade(text) if question_type(text) != "why" else None
    if grade and FILTER_ASK.search(text) and (scope.every or len(scope.councils) == 0):
        return "filter"
    if grade and scope.every:
        return "filter"
    if len(scope.report_ids) < 2 and not scope.every:
        return None
    councils = set(scope.councils)
    if COMPARISON.search(text) or (len(councils) > 1 and not scope.every and _asks_how(text)):
        return "comparison"
    if TIMELINE.search(text) and len(councils) == 1:
        return "timeline"
    if scope.every or TOPIC_LEAD.match(text) or TOPIC_ASK.search(text):
        return "topic"
    return None


def _asks_how(text: str) -> bool:
    return bool(re.match(r"^\s*(how|what|were|was|did)\b", text, re.I))


def _grade(text: str) -> str | None:
    grades = ja._grades_named(text)
    if len(grades) != 1:
        return None
    if grades[0] == "Good" and not re.search(
        r"\b(judged|rated|graded?|got|get|as|were|was|"
        r"came out|had)\b",
        text,
        re.I,
    ):
        return None
    return grades[0]


def _topic(text: str, scope: CrossScope) -> str:
    lead = TOPIC_LEAD.match(text)
    rest = text[lead.end() :] if lead else text
    for council in scope.councils:
        rest = re.sub(rf"(?i)\b{re.escape(council)}('s|s')?\b", " ", rest)
    rest = re.sub(r"\b20[012]\d\b", " ", rest)
    return " ".join(rest.strip(" ?.!").split())


def _topic_terms(topic: str) -> list[str]:
    words = question_terms(topic) + question_terms(re.sub(r"(?<=\w)-(?=\w)", " ", topic))
    return [t for t in dict.fromkeys(words) if t not in FRAME]


def _scope_only(
    question: str, scope: CrossScope, reports, default_scope, history: list[str]
) -> CrossPlan | None:
    """A follow-up naming only a year ('And in 2020?') stays on the council of the
    conversation; a question about every report ignores the selected one."""
    if scope.every and default_scope:
        return CrossPlan("scope", scope)
    if scope.from_history and scope.named_years and len(scope.councils) == 1 and scope.report_ids:
        names = ", ".join(r.display_name() for r in reports if r.id in scope.report_ids)
        scope.note = f"Still on {scope.councils[0]}, as earlier in the conversation: {names}."
        return CrossPlan("scope", scope, asked=_swap_year(question, history))
    return None


def _selected_council(question: str, default_scope, reports) -> bool:
    """Whether the question names only the council of the selected report, and no year:
    naming the selected council keeps the selection."""
    if not default_scope or YEAR.search(question) or EVERY.search(question):
        return False
    named = {r.council for r in reports if mentions(question.lower(), r.council.lower())}
    selected = {r.council for r in reports if r.id in default_scope}
    return bool(named) and named <= selected


def _still_to_do(scope: CrossScope, reports, default_scope) -> CrossPlan | None:
    """'What do they still need to improve?' asks the council's latest report (or the one
    selected, when it is the council's)."""
    if len(scope.councils) != 1 or len(scope.report_ids) < 2:
        return None
    chosen = [r for r in scope.report_ids if r in (default_scope or [])] or scope.report_ids
    latest = [r for r in reports if r.id == chosen[-1]][0]
    note = f"Searched {latest.display_name()}, {scope.councils[0]}'s latest report."
    # What a report says is still to do is its list of what needs to improve.
    asked = "What needs to improve?"
    return CrossPlan("scope", replace(scope, report_ids=[latest.id], note=note), asked=asked)


def _swap_year(question: str, history: list[str]) -> str:
    """'And in 2020?' after a question about Croydon's 2024 report asks it of 2020."""
    years = YEAR.findall(question)
    if not history or len(years) != 1:
        return ""
    if len(question.split()) > SHORT_FOLLOW_UP:
        return _pronoun_to_area(question, history[-1])
    # The scope holds the year: as a search word it would find the inspection dates.
    anchor = rewrite(history[-1], history[:-1]).rstrip(" ?.")
    return " ".join(re.sub(r"\b(in|of|from)?\s*(the\s+)?20[012]\d\b", " ", anchor).split()) + "?"


def _swap_council(question: str, history: list[str], reports) -> str | None:
    """'And Newham?' after 'How has Croydon changed since 2017?' asks the same of Newham."""
    if not history or len(question.split()) > SHORT_FOLLOW_UP or _own_kind(question):
        return None
    councils = {r.council for r in reports}
    low = question.lower()
    new = [c for c in councils if mentions(low, c.lower())]
    anchor = rewrite(history[-1], history[:-1])
    old = [c for c in councils if mentions(anchor.lower(), c.lower())]
    if len(new) != 1 or len(old) != 1 or new == old:
        return None
    return re.sub(rf"(?i)\b{re.escape(old[0])}(?=\b|')", new[0], anchor)


def _with_earlier(scope: CrossScope, history: list[str], reports) -> CrossScope:
    """'How does that compare with Newham's latest?': that is what the turn before was about."""
    prior = cross_scope(history[-1], history[-1], history[:-1], None, reports)
    if prior.every or not prior.report_ids:
        return scope
    ids = list(dict.fromkeys(prior.report_ids + scope.report_ids))
    order = {r.id: r.published for r in reports}
    ids.sort(key=order.get)
    names = ", ".join(r.display_name() for r in reports if r.id in ids)
    return replace(
        scope,
        report_ids=ids,
        note=f"Searched {names}.",
        councils=tuple(dict.fromkeys(prior.councils + scope.councils)),
    )


def _pronoun_to_area(question: str, anchor: str) -> str:
    """'Why was it so bad in 2019?' after a question on leadership: 'Why was leadership so
    bad?'; the year is in the scope."""
    areas = areas_named(anchor)
    if len(areas) != 1 or not re.search(r"\b(it|that|this|they)\b", question, re.I):
        return ""
    name = AREA_NAMES[areas[0]]
    out = re.sub(r"\b(it|that|this|they)\b", name, question, count=1, flags=re.I)
    return " ".join(re.sub(r"\b(in|of|from)?\s*(the\s+)?20[012]\d\b", " ", out).split())
