"""answer(): the one function behind the CLI, the chat app and the evals."""

from __future__ import annotations

import time
from dataclasses import replace

from index import ReportIndex
from index.terms import terms
from ingest import Report

from . import cross_report, generative
from . import judgement_answers as ja
from .conversation import rewrite
from .engine import get_index
from .extractive import type_bonus
from .extractive_answer import (
    choose,
    collect,
    compose,
    parts_believed,
    related,
    retrieval_query,
    unanswered_parts,
)
from .improvement_answers import (
    answer_improvements,
    council_recommendations,
    improvement_items,
    no_items_about,
)
from .limits import (
    clean_history,
    clean_model_answer,
    question_problem,
    readable,
    scope_problem,
)
from .plan import QuestionPlan, make_plan, overall_stance
from .scope import detect_scope
from .scorer import current_weights
from .structure_answers import (
    answer_details,
    answer_paragraph,
    inspection_dates,
    inspection_team,
    missing_number,
    numbered_paragraph,
    previous_inspection,
)
from .support import asks_for_a_count
from .types import Answer, AnswerSentence, citation_for, related_for
from .verdicts import (
    answer_overall,
    answer_summary,
    answer_why_graded,
    explain_grade,
    is_summary_question,
)


def answer(
    question: str,
    history: list[str] | tuple[str, ...] = (),
    scope: list[str] | None = None,
    default_scope: list[str] | None = None,
    index: ReportIndex | None = None,
    llm=None,
    section: str | None = None,
) -> Answer:
    """Answer `question` from the indexed reports, citing the paragraphs it draws on.

    `scope` (report ids) is the caller's explicit choice and wins. `default_scope` is a starting
    point (the report selected in the app) that a question naming another council overrides.
    `llm` is a generative model to phrase the answer (default: OFSTED_QA_LLM, extractive).
    `section` limits retrieval to paragraphs whose heading path contains it ("care leavers").
    """
    started = time.perf_counter()
    if not isinstance(question, str):
        raise ValueError(f"question must be text, not {type(question).__name__}")
    question = " ".join(question.split())
    problem = question_problem(question)
    result = Answer(question=readable(question) if len(question) < 10_000 else question[:200])
    if problem:
        return _refuse(result, problem)
    index = index or get_index()
    problem = scope_problem(index, scope, default_scope)
    if problem:
        return _refuse(result, problem)
    if index.is_empty():
        return _refuse(result, "No reports are indexed yet: run `ofsted-qa ingest data/reports`.")
    history = clean_history(history)
    query = rewrite(question, history)
    if query != question:
        result.rewritten_query = query
    # Questions across reports (change over time, comparisons, filters, topics).
    if not scope and cross_report.route(result, question, query, history, default_scope, index):
        result.timings_ms["total"] = round((time.perf_counter() - started) * 1000, 1)
        return result
    report_ids = _resolve_scope(result, query, question, scope, default_scope, index, history)
    if result.refused:
        return result
    result.scope = report_ids or [r.id for r in index.reports()]
    reports = [index.report(r) for r in result.scope]
    lookup = numbered_paragraph(query, reports)
    plan = make_plan(question, query)
    improvements = improvement_items(plan, reports, index)
    # Who inspected, or when (this inspection or the one before): the report's details
    # answer, a sentence or two per report.
    details = (
        inspection_team(query, reports)
        or inspection_dates(query, reports)
        or previous_inspection(query, reports)
    )
    if lookup is not None:
        answer_paragraph(result, lookup)
    elif details:
        answer_details(result, details)
    elif len(reports) == 1 and (missing := missing_number(query, reports[0])):
        _refuse(result, missing)
    elif not improvements and (none := no_items_about(plan, reports)):
        _refuse(result, none)
    elif improvements:
        answer_improvements(result, improvements, reports[0], count=asks_for_a_count(query))
    elif is_summary_question(query):
        answer_summary(result, reports)
        _pad_retrieved(result, retrieval_query(query, index), report_ids, index)
    elif stance := overall_stance(plan, {t for r in reports for t in terms(r.council)}):
        if stance == "summary":
            answer_summary(result, reports)
        else:
            _answer_overall(result, reports, stance)
        _pad_retrieved(result, retrieval_query(query, index), report_ids, index)
    elif ja.is_grade_question(query) and _asks_a_grade(question, query, plan):
        # A follow-up that names an area ("what about care leavers?") asks about that area.
        own = ja.areas_named(question) if query != question else []
        rest = [p for p in plan.parts[1:] if not ja.is_grade_question(p.text)]
        if rest and ja.is_grade_question(plan.parts[0].text):
            # "How was adoption judged and how quickly are children placed?": the grade, then
            # the findings for the rest of the question.
            _answer_grades(result, plan.parts[0].text, reports, index)
            if not result.refused:
                rest = _explain_grade_asked(result, plan, rest, reports)
            if rest and not result.refused:
                _answer_rest(result, replace(plan, parts=rest), report_ids, index)
        else:
            _answer_grades(result, question if own else query, reports, index)
        _pad_retrieved(result, retrieval_query(query, index), report_ids, index)
    else:
        _answer_extractive(result, plan, report_ids, index, llm, section)
        if plan.parts[0].kind == "why" and len(reports) == 1:
            answer_why_graded(result, query, reports[0])
    if result.mode.startswith("llm"):
        clean_model_answer(result)
    result.timings_ms["total"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def _asks_a_grade(question: str, query: str, plan: QuestionPlan) -> bool:
    """Not when the question asks why. A follow-up that asks for a figure, date or name ("How
    long does it take?" after "Is adoption any good?") asks that, not the grade its history
    asked about."""
    if plan.parts[0].kind == "why":
        return False
    return query == question or plan.parts[0].kind not in ("number", "date", "who")


def _resolve_scope(
    result, query, question, scope, default_scope, index, history=()
) -> list[str] | None:
    known = {r.id for r in index.reports()}
    if scope:
        unknown = [s for s in scope if s not in known]
        if unknown:
            _refuse(result, f"No report '{unknown[0]}' is indexed.")
        return list(scope)
    # The question's own words first, then what the history named, then the default.
    decision = (
        detect_scope(question, index.reports())
        or detect_scope(query, index.reports())
        or _previous_scope(history, index)
    )
    if decision and decision.unknown_council:
        _refuse(
            result,
            f"No report for {decision.unknown_council} is indexed, so I cannot "
            "answer that. Indexed councils: "
            + ", ".join(sorted({r.council for r in index.reports()}))
            + ".",
        )
        return None
    defaults = [r for r in (index.report(d) for d in default_scope or []) if r is not None]
    if decision and (not defaults or decision.narrows(defaults)):
        if set(decision.report_ids) != set(default_scope or []):
            result.scope_note = decision.note
        return decision.report_ids
    return list(default_scope) if default_scope else None


def _previous_scope(history, index: ReportIndex):
    """'What improved?' after 'What was Newham's grade in 2022?' is still about Newham 2022:
    the council and year the conversation last named carry over, with a note saying so. Each
    earlier turn is scoped as it was when asked: its own words, then its rewrite."""
    for i in range(len(history) - 1, -1, -1):
        turn = history[i]
        decision = detect_scope(turn, index.reports()) or detect_scope(
            rewrite(turn, history[:i]), index.reports()
        )
        if decision is not None:
            if decision.unknown_council:
                return None
            names = ", ".join(index.report(r).display_name() for r in decision.report_ids)
            return replace(decision, note=f"Still on {names}, as earlier in the conversation.")
    return None


def _answer_extractive(
    result: Answer, plan: QuestionPlan, report_ids, index: ReportIndex, llm, section=None
) -> None:
    t = time.perf_counter()
    per_part, hits, qvec = collect(plan, index, report_ids, section)
    result.timings_ms["retrieve"] = round((time.perf_counter() - t) * 1000, 1)
    result.retrieved = related(hits, per_part[0] if per_part else [])
    weights = current_weights()
    believed_parts = parts_believed(per_part, plan, weights, index, report_ids)
    if not any(believed_parts):
        _refuse(
            result,
            "The indexed reports do not say enough to answer that. "
            "The closest paragraphs are listed below.",
        )
        result.related = result.retrieved[:3]
        return
    if llm is None and index.settings.llm != "extractive":
        llm = _configured_llm(result, index)
    if llm is not None:
        result.mode = f"llm:{index.settings.llm}" if index.settings.llm != "extractive" else "llm"
        if generative.compose(result, plan.query, qvec, hits[:5], index, llm):
            return
        result.mode = "extractive (fallback)"
    compose(result, plan, choose(per_part, plan, weights, believed_parts))
    _note_unanswered(result, unanswered_parts(per_part, plan, weights, believed_parts))
    _note_no_figure(result, plan)


def _note_no_figure(result: Answer, plan: QuestionPlan) -> None:
    """ "How many care leavers are in education or work?" answered by sentences that give no
    figure: the user should know that no count was found, not take a description for one."""
    asked = plan.parts[0].text
    if result.refused or not asks_for_a_count(asked):
        return
    if not any(type_bonus("number", s.text, asked) for s in result.sentences):
        note = "No figure for this was found in the report; this is what it says about it."
        result.notice = f"{result.notice} {note}".strip()


def _explain_grade_asked(result: Answer, plan: QuestionPlan, rest, reports) -> list:
    """ "What's the overall grade and why?", "… and what are the main strengths?": a further
    part with no topic of its own asks about the graded area, and the area's own section
    answers it (its reasons, its praise or its concerns); a search for "why" or "strengths"
    finds none. The parts left for search."""
    areas = ja.areas_asked(plan.parts[0].text)
    if len(reports) != 1 or len(areas) != 1:
        return rest
    council = set(terms(reports[0].council))
    for part in rest:
        if ja.areas_named(part.text):
            continue
        if part.kind == "why":
            how = {}
        else:
            # its own words: its search borrows the first part's ("overall grade")
            stance = overall_stance(make_plan(part.text, part.text), council)
            if stance not in ("weakness", "strength"):
                continue
            how = {"shortfall": stance == "weakness", "praise": stance == "strength"}
        if explain_grade(result, reports[0], areas[0], **how):
            return [p for p in rest if p is not part]
        return rest
    return rest


def _answer_rest(result: Answer, plan: QuestionPlan, report_ids, index: ReportIndex) -> None:
    """The further parts of a question whose first part another component answered: their
    believed sentences, cited after what is there already."""
    weights = current_weights()
    per_part, _hits, _vec = collect(plan, index, report_ids)
    believed_parts = parts_believed(per_part, plan, weights, index, report_ids)
    if any(believed_parts):
        compose(result, plan, choose(per_part, plan, weights, believed_parts))
    _note_unanswered(result, unanswered_parts(per_part, plan, weights, believed_parts, first=0))


def _note_unanswered(result: Answer, parts: list[str]) -> None:
    if parts and not result.refused:
        asked = "; ".join(f"“{p}”" for p in parts)
        note = f"This answers only part of the question: no sentence found answers {asked}."
        result.notice = f"{result.notice} {note}".strip()


def _configured_llm(result: Answer, index: ReportIndex):
    from .engine import get_llm
    from .llm import LLMUnavailableError

    try:
        return get_llm(index.settings)
    except (LLMUnavailableError, ValueError) as exc:
        result.notice = (
            f"The {index.settings.llm} model is unavailable ({exc}); "
            "showing the report's own sentences instead."
        )
        return None


def _answer_grades(result: Answer, query: str, reports: list[Report], index) -> None:
    areas = ja.areas_asked(query)
    wanted = ja.grade_wanted(query)
    multi = len(reports) > 1
    for report in reports:
        covered = {j.area for a in areas if (j := ja.judgement_for(report, a))}
        if not covered and "overall" in areas and report.judgements:
            # From 2026 the ILACS grade each area alone: their grades answer.
            covered = {j.area for j in report.judgements}
            result.notice = (
                f"{report.display_name()} gives no overall grade; these are the grades of its "
                "areas."
            )
        judgements = [
            j
            for j in report.judgements
            if ("*" in areas or j.area in covered) and wanted in (None, j.grade)
        ]
        for j in judgements:
            p = ja.evidence_paragraph(report, j.area, j.evidence, j.grade)
            marker = len(result.citations) + 1
            if p is not None:
                result.citations.append(citation_for(marker, p, ja.grade_quote(j, p)))
            # The grade by the name on the report's cover, which is how people say it
            # ("it requires improvement"), not "is judged to require improvement".
            title = ja.title_in(report, j.area)
            label = ja.grade_label(j.grade)
            text = (
                f"{report.council} {report.year}, {title}: {label}."
                if multi
                else f"{title[0].upper()}{title[1:]}: {label}."
            )
            result.sentences.append(AnswerSentence(text, [marker] if p is not None else []))
    if not result.sentences and wanted:
        _refuse(result, f"None of the reports in scope was judged {wanted.lower()} for that.")
    elif not result.sentences:
        _refuse(result, "The indexed reports do not grade that area.")


def _answer_overall(result: Answer, reports: list[Report], stance: str) -> None:
    """What is wrong (or right) overall, from the summary. Asked what worried inspectors,
    a report whose summary only praises ("Children in care … receive an outstanding
    service") answers with what inspectors said must improve, which is where its concerns
    are; one that raises some points to that list for the rest."""
    answer_overall(result, reports, stance)
    if stance != "weakness" or len(reports) != 1:
        return
    items = council_recommendations(reports[0])
    if not items:
        return
    things = f"{len(items)} things" if len(items) > 1 else "one thing"
    if len(result.sentences) < 2:  # refused, or the grade and no concern of the summary
        result.sentences, result.citations, result.refused = [], [], False
        answer_improvements(result, items, reports[0])
        result.notice = f"The inspectors' concerns: the {things} they said must improve."
    else:
        result.notice = (
            f"Inspectors also list {things} that must improve: "
            "ask “What needs to improve?” for them all."
        )


def _pad_retrieved(result: Answer, query: str, report_ids, index: ReportIndex) -> None:
    """What a grade answer drew on, then the search results, as the answer's retrieval."""
    seen = set()
    for c in result.citations:
        if c.paragraph_id not in seen:
            seen.add(c.paragraph_id)
            result.retrieved.append(related_for(index.paragraph(c.paragraph_id)))
    for hit in index.search(query, 5, report_ids=report_ids):
        if len(result.retrieved) >= 5:
            break
        if hit.paragraph.id not in seen:
            seen.add(hit.paragraph.id)
            result.retrieved.append(related_for(hit.paragraph))


def _refuse(result: Answer, reason: str) -> Answer:
    result.refused = True
    result.refusal_reason = reason
    return result
