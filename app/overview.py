"""What the Report overview shows, independent of Streamlit: the judgements with their reasons,
the recommendations grouped as the report groups them, the section summaries, and the
questions the "practise" mode asks."""

from __future__ import annotations

from dataclasses import dataclass

from ingest import Judgement, Paragraph, Report

from .judgement_answers import evidence_paragraph
from .suggestions import AREA_PHRASES


@dataclass
class JudgementReason:
    judgement: Judgement
    paragraph: Paragraph | None


def judgement_reasons(report: Report) -> list[JudgementReason]:
    """Each judgement with the paragraph that gives its reasons: for a weak grade, the one that
    states it or says most about what falls short, never the area's opening praise (the same
    paragraph a grade answer cites)."""
    return [
        JudgementReason(j, evidence_paragraph(report, j.area, j.evidence, j.grade))
        for j in report.judgements
    ]


def recommendation_groups(report: Report) -> list[tuple[str, list[Paragraph]]]:
    """The recommendations in report order, grouped by whom the report addresses them to: the
    top section they sit under ("The Local Safeguarding Children Board (LSCB) › Recommendations"
    -> the LSCB). A report with one list has one group, headed ""."""
    groups: dict[str, list[Paragraph]] = {}
    for p in report.paragraphs:
        if p.kind == "recommendation":
            groups.setdefault(p.section[0] if len(p.section) > 1 else "", []).append(p)
    if len(groups) == 1:
        return [("", next(iter(groups.values())))]
    return [(heading or "The local authority", paras) for heading, paras in groups.items()]


def section_summaries(report: Report) -> list[tuple[str, list[Paragraph]]]:
    """Each section's summary paragraphs, in report order."""
    out = []
    for section in report.sections:
        paras = [p for p in report.paragraphs if p.section == section and p.kind == "summary"]
        if paras:
            out.append((" › ".join(section), paras))
    return out


def practise_questions(report: Report) -> list[str]:
    """Questions about this report that it answers from its structure: a grade per judged
    area, the recommendations, the lead inspector."""
    qs = [f"What was the judgement for {AREA_PHRASES[j.area]}?" for j in report.judgements]
    if any(p.kind == "recommendation" for p in report.paragraphs):
        qs.append("What needs to improve?")
    if report.lead_inspector:
        qs.append("Who was the lead inspector?")
    return qs
