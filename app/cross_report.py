"""Questions across reports: one entry point, route(), over the plan and its components."""

from __future__ import annotations

import time

from index import ReportIndex, expand

from .comparison import answer_comparison
from .corpus_filter import answer_filter
from .cross_plan import CrossPlan, make_plan
from .timeline import answer_timeline
from .topics import answer_topic
from .types import Answer, related_for

COMPONENTS = {
    "timeline": answer_timeline,
    "comparison": answer_comparison,
    "filter": answer_filter,
    "topic": answer_topic,
}


def route(
    result: Answer,
    question: str,
    query: str,
    history: list[str],
    default_scope: list[str] | None,
    index: ReportIndex,
) -> bool:
    """Answer `question` into `result` when it spans reports; False to leave it to answer()."""
    plan = make_plan(question, query, history, default_scope, index.reports())
    if plan is None:
        return False
    if plan.kind == "refuse":
        result.refused = True
        result.refusal_reason = (
            f"No report for {plan.scope.unknown_council} is indexed, so I cannot answer that. "
            "Indexed councils: " + ", ".join(sorted({r.council for r in index.reports()})) + "."
        )
        return True
    if plan.kind == "scope":
        return _rescoped(result, question, history, plan, index, default_scope)
    started = time.perf_counter()
    qvec = None
    if plan.kind != "filter":
        # Without the council names and years: in their own reports they are everywhere.
        qvec = index.embedder.embed([expand(plan.topic or plan.query)])[0]
    COMPONENTS[plan.kind](result, plan, index, qvec)
    result.scope = plan.report_ids
    result.scope_note = plan.scope.note
    _retrieved(result, index)
    result.timings_ms["cross_report"] = round((time.perf_counter() - started) * 1000, 1)
    return True


def _rescoped(
    result: Answer, question, history, plan: CrossPlan, index, default_scope=None
) -> bool:
    """answer() again with the scope the conversation implies, kept as the note says."""
    from .answer import answer

    if plan.asked:
        inner = answer(plan.asked, scope=plan.report_ids, index=index)
        result.rewritten_query = plan.asked
    else:
        inner = answer(question, history=history, scope=plan.report_ids, index=index)
        result.rewritten_query = inner.rewritten_query or result.rewritten_query
    for name in (
        "sentences",
        "citations",
        "refused",
        "refusal_reason",
        "related",
        "mode",
        "notice",
        "retrieved",
        "scope",
        "table",
    ):
        setattr(result, name, getattr(inner, name))
    result.scope_note = plan.scope.note
    if len(plan.report_ids) == 1 and plan.report_ids != list(default_scope or []):
        # The conversation moved to this report: say so
        label = index.report(plan.report_ids[0]).display_name()
        for s in result.sentences:
            s.source = s.source or label
    return True


def _retrieved(result: Answer, index: ReportIndex) -> None:
    seen: list[str] = []
    for c in result.citations:
        if c.paragraph_id not in seen:
            seen.append(c.paragraph_id)
    result.retrieved = [related_for(index.paragraph(pid)) for pid in seen[:5]]
