"""What the chat shows, independent of Streamlit: labels, safe text, starters, exports."""

from __future__ import annotations

import datetime as dt
import html
import re

from ingest import Report

from .types import Answer, Citation

GRADE_COLOURS = {
    "Outstanding": "#1b7a3a",
    "Good": "#2f6fb0",
    "Requires improvement": "#965a00",  # #b36b00 gave white text 4.18:1, under AA's 4.5
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
# ":" too: Streamlit reads ":red[…]", ":material/…:" and emoji shortcodes in Markdown and labels.
_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-!|~$>:])")
# A link scheme other than http(s), as a Markdown viewer would follow it.
_UNSAFE_SCHEME = re.compile(r"(?i)\b(?!https?\\?:)([a-z][a-z0-9+.\-]{1,30})\\?:(?=\S)")


def safe_markdown(text: str) -> str:
    """Report text or a question, shown as typed: no HTML, no Markdown from the text itself."""
    return _MD_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def safe_label(text: str) -> str:
    """Text from a report, a question, a model or a server, made inert for a Streamlit label,
    notice or refusal (st.expander, st.info, st.warning all read Markdown)."""
    return safe_markdown(" ".join(str(text).split()))


def export_text(text: str) -> str:
    """Text for the Markdown export: escaped as in the app, and with every link scheme but
    http(s) broken ("javascript&#58;"), for viewers that link bare URLs."""
    return _UNSAFE_SCHEME.sub(r"\1&#58;", safe_markdown(text))


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


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def grade_chip(grade: str) -> str:
    colour = GRADE_COLOURS.get(grade, "#555")
    return (
        f'<span style="background:{colour};color:white;border-radius:0.8em;'
        f'padding:0.1em 0.6em;font-size:0.85em;white-space:nowrap">{html.escape(grade)}</span>'
    )


def linked_markers(markers: list[int], anchor_prefix: str) -> str:
    """Markers " [1]" as Markdown links to their citation's anchor on the page."""
    return "".join(f" [\\[{m}\\]](#{anchor_prefix}-{m})" for m in markers)


def current_report_line(report: Report | None, count: int) -> str:
    """The line above the chat naming what is asked about: the sidebar is hidden on a phone."""
    if report is None:
        return f"Asking about **all {count} reports**"
    overall = report.grade("overall")
    chip = f" · overall {grade_chip(overall)}" if overall else ""
    return f"Asking about **{safe_markdown(report.display_name())}**{chip}"


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


def bolded(paragraph: str, quote: str) -> str:
    """The paragraph with the quoted sentence(s) in Markdown bold, for the export."""
    out = paragraph
    for part in filter(None, (q.strip() for q in re.split(r"(?<=[.!?])\s+", quote))):
        if part in out and f"**{part}**" not in out:
            out = out.replace(part, f"**{part}**", 1)
    return out


def plain_answer(answer: Answer, names: dict[str, str]) -> str:
    """An answer as plain text with its references, for the clipboard."""
    if answer.refused:
        return answer.refusal_reason
    refs = [
        f"[{c.marker}] {citation_title(c, names.get(c.report_id, c.report_id))}"
        for c in answer.citations
    ]
    return "\n".join([answer.text, "", *refs]) if refs else answer.text


def scope_label(scope: list[str], names: dict[str, str]) -> str:
    return ", ".join(names.get(rid, rid) for rid in scope) if scope else "All reports"


def conversation_markdown(
    turns: list[tuple[str, Answer]], names: dict[str, str], when: dt.datetime | None = None
) -> str:
    """The conversation as a record someone else can check: when, which reports, how each
    question was understood, and each cited paragraph with the quoted sentences in bold."""
    when = when or dt.datetime.now()
    asked = sorted({rid for _, a in turns for rid in a.scope}, key=lambda r: names.get(r, r))
    lines = [
        "# ofsted-qa conversation",
        "",
        f"- Date: {when:%Y-%m-%d %H:%M}",
        f"- Reports: {scope_label(asked, names)}",
        "",
    ]
    for question, answer in turns:
        scope = export_text(scope_label(answer.scope, names))
        lines += [f"## Q: {export_text(question)}", "", f"_Scope: {scope}_", ""]
        if answer.rewritten_query:
            lines += [f"_Understood as: {export_text(answer.rewritten_query)}_", ""]
        if answer.scope_note:
            lines += [f"_{export_text(answer.scope_note)}_", ""]
        if answer.notice:
            lines += [f"_{export_text(answer.notice)}_", ""]
        if answer.refused:
            lines += [f"_{export_text(answer.refusal_reason)}_", ""]
            continue
        lines += [_export_answer(answer), ""]
        if answer.table is not None:
            from .table_view import table_markdown

            lines += [*table_markdown(answer.table), ""]
        for c in answer.citations:
            title = citation_title(c, names.get(c.report_id, c.report_id))
            lines.append(f"**[{c.marker}] {export_text(title)}**")
            quoted = bolded(export_text(c.paragraph_text), export_text(c.quote))
            lines += ["", "> " + quoted, ""]
    return "\n".join(lines)


def _export_answer(answer: Answer) -> str:
    return " ".join(
        export_text(text) + "".join(f" [{m}]" for m in markers)
        for text, markers in answer.marked_sentences()
    )
