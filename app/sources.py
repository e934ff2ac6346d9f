"""The indexed reports as files the app serves: each PDF, and each text report as a page.

Streamlit serves `app/static/` (server.enableStaticServing) but resolves symlinks and refuses
any that leave that folder, so the files are copied there. `publish()` runs when the app
loads its index: it writes a file per indexed report, named by report id and content hash,
and deletes everything else under static/reports/, so only indexed report files are served.
"""

from __future__ import annotations

import html
import os
import shutil
from pathlib import Path

from index import ReportIndex
from ingest import Report

from .types import Citation

STATIC = Path(__file__).resolve().parent / "static"
FOLDER = STATIC / "reports"
URL_PREFIX = "app/static/reports"  # relative to the page, so a base URL path still works

_PAGE_STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;"
    "color:#1a1a1a}h2{font-size:1.1em;margin-top:2em}p:target{background:#fff3b0;"
    "outline:2px solid #8a5a00;padding:.3em}.n{color:#444;font-weight:600}"
)


def file_name(report_id: str, digest: str, suffix: str) -> str:
    return f"{report_id}-{digest[:16]}{suffix}"


def paragraph_anchor(paragraph_id: str) -> str:
    return "p-" + "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in paragraph_id)


def publish(index: ReportIndex, folder: Path = FOLDER) -> dict[str, str]:
    """Write the served copy of every indexed report; returns report id -> file name."""
    folder.mkdir(parents=True, exist_ok=True)
    served: dict[str, str] = {}
    for report in index.reports():
        pdf = index.source_pdf(report.id)
        if pdf is not None:
            path, digest = pdf
            served[report.id] = _place(folder, file_name(report.id, digest, ".pdf"), path)
        else:
            served[report.id] = _write_text_page(folder, report)
    for stale in folder.iterdir():
        if stale.name not in served.values():
            stale.unlink(missing_ok=True)
    return served


def _place(folder: Path, name: str, source: Path) -> str:
    target = folder / name
    if not target.exists():
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        try:
            os.link(source, tmp)  # a hard link costs no space; a copy where linking fails
        except OSError:
            shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    return name


def _write_text_page(folder: Path, report: Report) -> str:
    """A text report has no pages: serve its full text, one anchor per paragraph."""
    digest = _text_digest(report)
    name = file_name(report.id, digest, ".html")
    target = folder / name
    if not target.exists():
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        tmp.write_text(report_page(report), encoding="utf-8")
        os.replace(tmp, target)
    return name


def _text_digest(report: Report) -> str:
    import hashlib

    h = hashlib.sha256()
    for p in report.paragraphs:
        h.update(f"{p.id}\0{p.section_path}\0{p.text}\0".encode())
    return h.hexdigest()


def report_page(report: Report) -> str:
    """The whole report as escaped HTML: each section a heading, each paragraph an anchor."""
    out = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        f"<title>{html.escape(report.display_name())}: full report text</title>",
        f"<style>{_PAGE_STYLE}</style></head><body><main>",
        f"<h1>{html.escape(report.title or report.display_name())}</h1>",
    ]
    section = None
    for p in report.paragraphs:
        if p.section != section:
            section = p.section
            out.append(f"<h2>{html.escape(p.section_path)}</h2>")
        number = f"<span class='n'>{p.number}.</span> " if p.number is not None else ""
        out.append(f"<p id='{paragraph_anchor(p.id)}'>{number}{html.escape(p.text)}</p>")
    out.append("</main></body></html>")
    return "\n".join(out)


def source_link(c: Citation, served: dict[str, str]) -> tuple[str, str] | None:
    """(label, relative URL) of the place in the served report that a citation quotes."""
    name = served.get(c.report_id)
    if name is None:
        return None
    if name.endswith(".pdf"):
        if c.page is None:
            return "Open the PDF", f"{URL_PREFIX}/{name}"
        return f"Open in PDF, p.{c.page}", f"{URL_PREFIX}/{name}#page={c.page}"
    return "Show in the full report text", f"{URL_PREFIX}/{name}#{paragraph_anchor(c.paragraph_id)}"
