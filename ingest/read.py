"""Bytes on disk -> lines of text with page numbers, refusing files that cannot be read.

Every check on a report file happens here, once, so the parser can trust its input.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import UnreadableReportError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SUPPORTED_SUFFIXES = (".pdf", ".txt")
# A PDF whose pages yield fewer characters than this per page has no usable text layer.
MIN_CHARS_PER_PAGE = 200


@dataclass(frozen=True)
class Line:
    text: str
    page: int | None  # 1-based; None for text files, which carry no page breaks
    # A blank line came before it on the same page: in a PDF's text layer, the space Ofsted
    # leaves between paragraphs (text files keep their blank lines as lines instead).
    gap_before: bool = False


def read_lines(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Line], str]:
    """Return the report's lines and its kind ("pdf" or "text")."""
    path = Path(path)
    if not path.exists():
        raise UnreadableReportError(path, "no such file")
    if not path.is_file():
        raise UnreadableReportError(path, "not a file")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableReportError(path, "empty file")
    if size > max_bytes:
        raise UnreadableReportError(
            path, f"file is {size / 2**20:.0f} MB, over the {max_bytes / 2**20:.0f} MB limit"
        )
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _pdf_lines(path), "pdf"
    if suffix == ".txt":
        return _text_lines(path), "text"
    raise UnreadableReportError(
        path, f"unsupported file type '{suffix or '(none)'}' (expected .pdf or .txt)"
    )


def _text_lines(path: Path) -> list[Line]:
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise UnreadableReportError(path, "binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableReportError(path, f"not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise UnreadableReportError(path, "empty file (only white space)")
    lines: list[Line] = []
    # A form feed marks a page break in some extractions; honour it when present.
    pages = text.split("\f")
    for number, page in enumerate(pages, start=1):
        page_no = number if len(pages) > 1 else None
        lines.extend(Line(raw.rstrip(), page_no) for raw in page.splitlines())
    return lines


def _pdf_lines(path: Path) -> list[Line]:
    import pypdf  # imported here: nothing heavy at import time
    from pypdf.errors import PdfReadError

    # pypdf logs recoverable damage as warnings; a damaged file is reported through our error.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableReportError(path, "encrypted PDF (password required)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableReportError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise UnreadableReportError(path, f"corrupt PDF ({_short(exc)})") from None
    except Exception as exc:  # pypdf raises many types on damaged files; none is ours to show
        if type(exc).__module__.startswith(("pypdf", "cryptography")):
            raise UnreadableReportError(path, f"corrupt or encrypted PDF ({_short(exc)})") from None
        raise
    if not pages:
        raise UnreadableReportError(path, "PDF has no pages")
    if sum(len(p.strip()) for p in pages) < MIN_CHARS_PER_PAGE * min(len(pages), 3):
        raise UnreadableReportError(path, "no text layer (scanned?)")
    return _strip_furniture(pages)


def _short(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:80] or type(exc).__name__


_PAGE_NUMBER = re.compile(r"^\s*(page\s*)?\d{1,3}(\s*of\s*\d{1,3})?\s*$", re.I)


def _furniture_key(text: str) -> str:
    """Running headers differ only by page number and date digits; compare them without digits."""
    return re.sub(r"\d+", "#", text.strip().lower())


def _strip_furniture(pages: list[str]) -> list[Line]:
    """Drop page numbers and running headers/footers: lines that recur on most pages."""
    page_lines = [[ln.rstrip() for ln in page.splitlines()] for page in pages]
    counts = Counter(
        key for lines in page_lines for key in {_furniture_key(ln) for ln in lines if ln.strip()}
    )
    threshold = max(3, int(len(pages) * 0.4))
    furniture = {key for key, n in counts.items() if n >= threshold}
    out: list[Line] = []
    for page_no, lines in enumerate(page_lines, start=1):
        seen = blank = False  # a kept line on this page; a blank line since the last one
        for text in lines:
            if not text.strip():
                blank = True
                continue
            if _PAGE_NUMBER.match(text) or _furniture_key(text) in furniture:
                continue
            out.append(Line(text, page_no, gap_before=blank and seen))
            seen, blank = True, False
    return out
