"""What the chat shows, independent of Streamlit: labels, safe text, starters, exports."""

from __future__ import annotations

import html
import re

from ingest import Report

from .types import Answer, Citation

GRADE_COLOURS = {
    "Outstanding": "#1b7a3a",
    "Good": "#2f6fb0",
    "Requires improvement": "#b36b00",
    "Inadequate": "#b3261e",
}
AREA_NAMES = {
    "overall": "Overall effectiveness",
    "help_and_protection": "Children who need help and protection",
    "in_care": "Children in care",
    "adoption": "Adoption performance",
    "care_leavers": "Care leavers",
    "leadership": "Leadership",
    "lscb": "Local Safeguarding Children Board",
}
_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-!|~$>])")


def safe_markdown(text: str) -> str:
    """Report text or a question, shown as typed: no HTML, no Markdown from the text itself."""
    return _MD_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def highlighted(paragraph: str, quote: str) -> str:
    """The paragraph as safe HTML-in-Markdown, with the quoted sentence(s) marked."""
    out = safe_markdown(paragraph)
    for part in filter(None, (q.strip() for q in re.split(r"(?<=[.!?])\s+", quote))):
        safe = safe_markdown(part)
        if safe in out:
            out = out.replace(safe, f"<mark>{safe}</mark>", 1)
    return out


def short_section(section_path: str) -> str:
    top = section_path.split(" › ")[0]
    m = re.match(r"(?i)the experiences and progress of (.+)", top)
    if m:
        return m.group(1)[0].upper() + m.group(1)[1:]
    return top


def citation_title(c: Citation, report_name: str) -> str:
    parts = [f"¶{c.number}" if c.number is not None else "Unnumbered", short_section(c.section)]
    if c.page is not None:
        parts.append(f"p.{c.page}")
    parts.append(report_name)
    return " · ".join(parts)


def grade_chip(grade: str) -> str:
    colour = GRADE_COLOURS.get(grade, "#555")
    return (
        f'<span style="background:{colour};color:white;border-radius:0.8em;'
        f'padding:0.1em 0.6em;font-size:0.85em;white-space:nowrap">{html.escape(grade)}</span>'
    )


def starter_questions(report: Report | None) -> list[str]:
    """Questions that this report can answer, phrased as a newcomer would ask them."""
    if report is None:
        return [
            "How did Tower Hamlets' judgements change between 2017 and 2019?",
            "What were Newham's judgements in 2022?",
            "How many children were looked after in Croydon in 2017?",
            "What did inspectors say about care leavers in Croydon in 2024?",
        ]
    text = " ".join(p.text.lower() for p in report.paragraphs)
    qs = ["Summarise the report", "What were the inspection judgements?"]
    if "child protection plan" in text:
        qs.append("How many children were on a child protection plan?")
    if "private fostering" in text:
        qs.append("What did inspectors say about private fostering?")
    qs.append("What did inspectors find about care leavers?")
    qs.append(
        "What needs to improve?"
        if report.framework == "ILACS"
        else "What was the first recommendation?"
    )
    qs.append("What did inspectors find about leadership?")
    return qs[:6]


def conversation_markdown(turns: list[tuple[str, Answer]], names: dict[str, str]) -> str:
    """The conversation with each answer's citations and the full paragraph texts."""
    lines = ["# ofsted-qa conversation", ""]
    for question, answer in turns:
        lines += [f"## Q: {question}", ""]
        if answer.refused:
            lines += [f"_{answer.refusal_reason}_", ""]
            continue
        lines += [answer.text, ""]
        if answer.table is not None:
            from .table_view import table_markdown

            lines += [*table_markdown(answer.table), ""]
        for c in answer.citations:
            lines.append(
                f"**[{c.marker}] {citation_title(c, names.get(c.report_id, c.report_id))}**"
            )
            lines += ["", "> " + c.paragraph_text, ""]
    return "\n".join(lines)
