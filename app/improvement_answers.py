"""'What must improve?', 'List all the recommendations', 'What should they do about care
leavers?': answered from the report's own recommendations ("What needs to improve" in ILACS),
complete, and scoped to the topic when the question names one."""

from __future__ import annotations

import re

from index import expansions
from index.terms import terms
from ingest import Paragraph, Report

from . import judgement_answers as ja
from .plan import QuestionPlan
from .structure_answers import of_board
from .types import Answer, AnswerSentence, citation_for, related_for

# Words that frame an improvement question rather than name its topic.
FRAMING = set(
    terms(
        "improve improvement improvements improving need needs must should recommend "
        "recommended recommendation recommendations area areas do does done list all every "
        "each full complete give council local authority authorities they them it leaders "
        "inspection inspectors ofsted report change changes happen better next step steps "
        "key main priority priorities action actions work required require "
        # "what have they been told to do?", "what did inspectors think they should do?"
        "told think "
        # "what does Bromley still need to improve?", "what do they want fixed?"
        "still now currently actually really want wants wanted get fix fixing fixed"
    )
)
NONE = re.compile(r"^there (?:are|were|is|was) no (?:areas?|recommendations?|priority)\b", re.I)
BOARD = re.compile(r"\b(lscb|board|safeguarding children)\b", re.I)
# What only care leavers have: "Some young people have pathway plans that are not good".
LEAVERS = re.compile(r"\bpathway plans?\b|\bpersonal advis[eo]rs?\b", re.I)
# The areas a finding's section can put it in; the overall summary restates them all.
AREAS = [a for a in ja.AREA_SECTIONS if a != "overall"]


def recommendations(report: Report) -> list[Paragraph]:
    """The report's recommendation items: "There are no areas for priority or immediate
    action" heads a list and is no item of it."""
    return [p for p in report.paragraphs if p.kind == "recommendation" and not NONE.match(p.text)]


def council_recommendations(report: Report) -> list[Paragraph]:
    """The recommendations to the council: the SIF's board has its own list."""
    return [p for p in recommendations(report) if not of_board(p)]


def _asked_of(plan: QuestionPlan, reports: list[Report]) -> Report | None:
    """The one report whose recommendations an improvement question asks for, if it is one:
    a part that asks something else is answered from the findings."""
    if not all(p.kind == "improve" for p in plan.parts) or len(reports) != 1 or not reports[0]:
        return None
    return reports[0]


def improvement_items(
    plan: QuestionPlan, reports: list[Report], index=None
) -> list[Paragraph] | None:
    """The recommendations that answer an improvement question, or None when it is not one,
    or names a topic that no recommendation is about (then the findings answer). With the
    `index`, an item that names no area is about the area of the finding it echoes."""
    report = _asked_of(plan, reports)
    if report is None:
        return None
    recs = recommendations(report)
    board = [p for p in recs if of_board(p)]
    asks_board = bool(BOARD.search(plan.query)) and bool(board)
    pool = board if asks_board else [p for p in recs if p not in board]
    # "… apart from care leavers"; the board's own list is set aside above, by who it is for
    excluded = set(plan.excluded) - {"lscb"}
    if excluded:
        pool = [p for p in pool if not excluded & areas_of(p, report, index)]
    if not pool:
        return None
    topic = {t for part in plan.parts for t in part.terms} - FRAMING
    topic -= set(terms(report.council))  # "… for Buckinghamshire" names no topic
    if len(pool) > 1:
        # A word every item uses tells none apart ("children" in "what should they do
        # better for disabled children?"): what is left names the topic, or nothing does.
        topic -= set.intersection(*(set(terms(p.text)) for p in pool))
    if asks_board:
        topic -= set(terms("lscb board safeguarding children"))
    if plan.wants_all:
        # "List everything Ofsted said needs to improve": in a request for the whole list,
        # a word no item uses ("everything", "said", "gave") frames it, it is no topic.
        topic &= {t for p in pool for t in terms(p.text)}
    if not topic:
        return pool
    under = _under_heading(pool, topic)
    if under:
        return under
    if plan.areas:
        # "What should they do about care leavers?": the items that name that area, else
        # those whose finding is in its section.
        asked = set(plan.areas)
        named = [p for p in pool if asked & areas_of(p, report)]
        return named or [p for p in pool if asked & areas_of(p, report, index)] or None
    # Otherwise the items that share most of the question's topic words; a glossary term
    # ("IROs") counts when the item says it in full ("independent reviewing officers").
    said = [set(terms(alt)) for alt in expansions(plan.query)]
    shared = {
        p.id: len(topic & (words := set(terms(p.text)))) + sum(1 for s in said if s <= words)
        for p in pool
    }
    most = max(shared.values())
    return [p for p in pool if shared[p.id] == most] if most else None


def _under_heading(pool: list[Paragraph], topic: set[str]) -> list[Paragraph]:
    """The items under a heading of the list that the question names: the SIF's "Priority
    and immediate action", or its "Areas for improvement › Social work practice"."""

    def named(p: Paragraph) -> bool:
        words = set(terms(" ".join(p.section[1:]))) - FRAMING
        return bool(words) and words <= topic

    return [p for p in pool if named(p)]


def areas_of(item: Paragraph, report: Report, index=None) -> set[str]:
    """The judged areas a recommendation is about: those it names, else those its heading
    names (the SIF's "Areas for improvement › Care leavers"), else, with the `index`, the
    area of the finding it echoes most closely. Most ILACS items name no area ("The
    timeliness and effectiveness of pathway plans …"), though each answers a finding; an
    item that names one area may still echo another, so the echo is only a fallback."""
    named = set(ja.area_mentions(item.text) or ja.area_mentions(" ".join(item.section[1:])))
    if named or index is None:
        return named
    return _echoed_areas(item, report, index)


def _echoed_areas(item: Paragraph, report: Report, index) -> set[str]:
    """The areas of the finding closest in meaning to the item (by its closest sentence): of
    its section's areas, those the finding names, else the first (ILACS 2018-23 report
    children in care and care leavers under one heading)."""
    mine = index.sentence_vectors(item)
    best, areas = -1.0, set()
    if len(mine) == 0:
        return areas
    for p in report.paragraphs:
        if p.kind in ("recommendation", "fact"):
            continue
        own = {a for a in AREAS if re.search(ja.AREA_SECTIONS[a], p.section_path, re.I)}
        if not own:
            continue
        vectors = index.sentence_vectors(p)
        if len(vectors) == 0:
            continue
        score = float((mine @ vectors.T).max())
        if score > best:
            # A finding that names none of its section's areas is about the first of them:
            # of "children in care and care leavers", those about care leavers name them, or
            # their pathway plans and personal advisers.
            named = set(ja.area_mentions(p.text)) | (
                {"care_leavers"} if LEAVERS.search(p.text) else set()
            )
            best, areas = score, (own & named) or {min(own, key=AREAS.index)}
    return areas


def no_items_about(plan: QuestionPlan, reports: list[Report]) -> str | None:
    """For "list all the recommendations about care leavers" when none is about them: says so,
    instead of answering from the findings or refusing for want of evidence."""
    report = _asked_of(plan, reports)
    if report is None or not plan.wants_all or not plan.areas:
        return None
    recs = council_recommendations(report)
    if not recs:
        return None
    titles = " or ".join(ja.area_title(a, report.framework) for a in plan.areas)
    return (
        f"None of the {len(recs)} recommendations of {report.display_name()} is about "
        f"{titles}. Ask “list all the recommendations” to see them all."
    )


def answer_improvements(
    result: Answer, items: list[Paragraph], report: Report, count: bool = False
) -> None:
    """Every item, each cited; a long item is given by its opening sentence. Asked how many
    ("how many recommendations were there?"), the notice gives the number."""
    board = of_board(items[0])
    total = sum(of_board(p) == board for p in recommendations(report))
    for marker, p in enumerate(items, start=1):
        texts = p.sentence_texts() or [p.text]
        shown = " ".join(texts) if len(texts) <= 2 else texts[0]
        result.citations.append(citation_for(marker, p, shown))
        result.sentences.append(AnswerSentence(shown, [marker]))
    if count:
        to = " to the board" if board else ""
        makes = "The report makes" if len(items) == total else f"{len(items)} of the report's"
        result.notice = f"{makes} {total} recommendations{to}, listed below."
    elif len(items) < total:
        result.notice = (
            f"{len(items)} of the report's {total} recommendations "
            f"{'is' if len(items) == 1 else 'are'} about this; "
            "ask “list all the recommendations” for the rest."
        )
    result.retrieved = [related_for(p) for p in items[:5]]
