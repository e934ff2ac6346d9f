"""Report file -> Report: the one entry point of the ingest package."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import judgements
from .blocks import FOOTNOTE_START, NUMBERED, build_blocks, skip_contents, split_cover
from .errors import UnreadableReportError
from .footnotes import lift_footnotes
from .metadata import read_metadata
from .models import Paragraph, Report
from .read import DEFAULT_MAX_BYTES, read_lines
from .repair import fix_fused_years, normalise_typography, restore_apostrophes
from .sentences import sentence_spans
from .structure import RawParagraph, to_paragraphs

# Bump when parsing changes what paragraphs come out: it is part of the index name.
PARSER_VERSION = "12"


def parse_report(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    path = Path(path)
    lines, kind = read_lines(path, max_bytes)
    notes: list = []
    if kind == "pdf":
        lines, notes = lift_footnotes(lines)
    cover, body = split_cover(lines)
    body = skip_contents(body)
    blocks = build_blocks(body, kind)
    if not any(b.kind in ("heading", "numbered") for b in blocks):
        raise UnreadableReportError(
            path, "does not look like an Ofsted children's services report (no template headings)"
        )
    meta = read_metadata([ln.text for ln in cover], [ln.text for ln in body], path)
    if not meta.council or not meta.published:
        raise UnreadableReportError(path, "no council name or publication date found")
    report_id = f"{meta.slug}-{meta.published[:4]}"
    cover_text = normalise_typography(" ".join(ln.text for ln in cover))
    if kind == "text":
        cover_text = restore_apostrophes(cover_text)
    report = Report(
        id=report_id,
        council=meta.council,
        title=normalise_typography(meta.title),
        framework=meta.framework,
        inspection_dates=meta.inspection_dates,
        published=meta.published,
        lead_inspector=meta.lead_inspector,
        source=path.name,
        judgements=judgements.merge(
            judgements.from_cover(cover_text), judgements.from_body(_repaired(blocks, kind))
        ),
    )
    raws = to_paragraphs(blocks, recover_numbers=kind == "text")
    overall = report.judgement("overall")
    headline = overall.evidence if overall and HEADLINE.match(overall.evidence) else ""
    details = _cover_details(cover, report.title, headline)
    if details:
        raws.insert(0, details)
    raws.extend(_notes(notes))
    for ordinal, raw in enumerate(raws):
        text = _repair_text(raw.text, kind)
        report.paragraphs.append(
            Paragraph(
                id=f"{report_id}:{ordinal:03d}",
                report_id=report_id,
                number=raw.number,
                kind=raw.kind,
                section=tuple(_repair_text(s, kind) for s in raw.section),
                page=raw.page,
                text=text,
                sentences=sentence_spans(text),
                raw=raw.text,
            )
        )
    if not report.paragraphs:
        raise UnreadableReportError(path, "no paragraphs of text found")
    if not report.judgements:
        report.warnings.append(f"{path.name}: no graded judgements found")
    printed = any(NUMBERED.match(ln.text.strip()) for ln in body)
    report.warnings.extend(_numbering_notes(report, path, kind, printed))
    return report


def _notes(notes) -> list[RawParagraph]:
    """Footnotes as paragraphs of their own, after the body; the templates' boilerplate ones
    (under which power the report is made) are dropped as the body drops them."""
    return [
        RawParagraph(note.text, "fact", ("Notes",), note.page, None)
        for note in notes
        if not FOOTNOTE_START.match(note.text)
    ]


def _numbering_notes(report: Report, path: Path, kind: str, printed: bool) -> list[str]:
    """Say where the report's own numbering is unusual, so a check can tell it from a miss."""
    numbers = [p.number for p in report.paragraphs if p.number is not None]
    if kind == "pdf" and not numbers and not printed:
        # The 2013 pilot SIF (Hillingdon 2014) prints its findings as bullets, unnumbered.
        return [f"{path.name}: the report prints no paragraph numbers"]
    skipped = sorted(set(range(1, max(numbers, default=0) + 1)) - set(numbers))
    if kind == "pdf" and skipped:
        return [f"{path.name}: the report's numbering skips {', '.join(map(str, skipped))}"]
    return []


COVER_FACT = re.compile(r"^\s*(inspection dates?|report published|lead inspector)\s*:", re.I)


# The SIF cover's verdict, "Children's services in Tower Hamlets are inadequate": the only
# place the overall grade is stated, so the paragraph an overall-grade answer cites.
HEADLINE = re.compile(r"^children.s services in ", re.I)


def _cover_details(cover, title: str, headline: str = "") -> RawParagraph | None:
    """The cover's title, dates, lead inspector and verdict as a paragraph, so questions like
    'who led the inspection?' find them and can cite them."""
    facts, page = [], None
    for i, line in enumerate(cover):
        if COVER_FACT.match(line.text):
            text = " ".join(line.text.split())
            nxt = cover[i + 1].text.strip() if i + 1 < len(cover) else ""
            if re.match(r"^(her|his) majesty.s inspector$", nxt, re.I):
                text = f"{text}, {nxt}"  # the ILACS cover wraps the inspector's title
            facts.append(text.rstrip("."))
            page = page or line.page
    if headline:
        facts.append(headline.rstrip("."))
    if not facts:
        return None
    text = ". ".join([title, *facts] if title else facts) + "."
    return RawParagraph(text, "fact", ("Report details",), page, None)


def _repair_text(text: str, kind: str) -> str:
    text = normalise_typography(text)
    if kind == "text":
        # Only the damaged text extraction fuses year ranges and loses apostrophes.
        text = restore_apostrophes(fix_fused_years(text))
    return text


def _repaired(blocks, kind):
    for b in blocks:
        b.lines = [_repair_text(line, kind) for line in b.lines]
    return blocks


def content_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
