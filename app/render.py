"""Plain-text and rich renderings of an Answer, shared by the CLI and the exports."""

from __future__ import annotations

from .types import Answer


def citation_title(c, report_name: str = "") -> str:
    return c.label(report_name)


def answer_markdown(a: Answer, report_names: dict[str, str] | None = None) -> str:
    names = report_names or {}
    lines = [f"**Q:** {escape_md(a.question)}", ""]
    if a.refused:
        lines.append(f"*{escape_md(a.refusal_reason)}*")
        for r in a.related:
            lines.append(f"- related: {escape_md(r.text[:200])}")
        return "\n".join(lines)
    lines.append(escape_md(a.text))
    for c in a.citations:
        lines += ["", f"[{c.marker}] {escape_md(c.label(names.get(c.report_id, c.report_id)))}"]
        lines.append("> " + escape_md(c.paragraph_text))
    return "\n".join(lines)


_MD_SPECIALS = "\\`*_{}[]<>()#+-!|~$"


def escape_md(text: str) -> str:
    """Escape Markdown and HTML so report text and questions render as typed."""
    out = []
    for ch in text:
        if ch in _MD_SPECIALS:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)
