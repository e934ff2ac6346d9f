"""Footnotes in PDF extractions: lift the notes out of the running text, drop their markers.

pypdf gives a page's footnotes as its last lines ("3 These are residential special schools
that …"), so without this step they join whatever paragraph runs across the page break,
often mid-sentence. A line is a footnote only when it starts with a small number, it and the
lines after it fill the page to its end, and the same number is printed as a marker earlier on
that page or the page before ("schools,3", "improve?1", "schools 4,"). Markers are removed
only where they are glued to a word or stand before punctuation after a word that does not
take a number ("Key Stage 4," keeps its 4).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .read import Line

FOOTNOTE_LINE = re.compile(r"^\s*(\d{1,2})\s+(?=[A-Z\u2018\u201c'\"(])")
SENTENCE_END = re.compile(r"""[.!?;:]['")\]]*\s*$""")
# Words a number follows in running text: a number after them is never a footnote marker.
NUMBERED_WORDS = {
    "stage", "stages", "year", "years", "key", "level", "levels", "phase", "tier", "step",
    "grade", "page", "pages", "section", "sections", "part", "chapter", "outcome", "enabler",
    "principle", "paragraph", "paragraphs", "schedule", "regulation", "article", "annex",
    "appendix", "figure", "table", "week", "weeks", "day", "days", "month", "months", "aged",
    "age", "under", "over", "of", "to", "and", "or", "than", "from", "were", "was", "is", "are",
}  # fmt: skip


def _marker(n: int) -> re.Pattern[str]:
    # Glued: "schools3", "schools,3", "improve?1", "(LSCB)2"; spaced: "schools 4," / "area 2."
    return re.compile(rf"(?<=[A-Za-z)?,:;]){n}(?!\d)|(?<=[a-z]) {n}(?=[,.;:]?(\s|$))")


def _spaced_word_ok(text: str, start: int) -> bool:
    """For a spaced marker, the word before it must not be one that takes a number."""
    word = re.search(r"([A-Za-z]+)\s*$", text[:start])
    return bool(word) and word.group(1).lower() not in NUMBERED_WORDS


def _find_marker(lines: list[Line], upto: int, n: int) -> tuple[int, re.Match[str]] | None:
    """The last marker n on the footnote's page or the page before, above line `upto`."""
    pattern, page = _marker(n), lines[upto].page or 0
    for k in range(upto - 1, -1, -1):
        if (lines[k].page or 0) < page - 1:
            break
        for m in reversed(list(pattern.finditer(lines[k].text))):
            if m.group(0).startswith(" ") and not _spaced_word_ok(lines[k].text, m.start()):
                continue
            return k, m
    return None


def _notes_at(lines: list[Line], i: int) -> list[tuple[int, int, int]]:
    """The footnotes filling the page from line i: (number, first line, last line) each."""
    page, end = lines[i].page, i
    while end + 1 < len(lines) and lines[end + 1].page == page:
        end += 1
    notes: list[tuple[int, int, int]] = []
    for j in range(i, end + 1):
        m = FOOTNOTE_LINE.match(lines[j].text)
        n = int(m.group(1)) if m else None
        if n is not None and (not notes or n == notes[-1][0] + 1):
            notes.append((n, j, j))
        elif notes:
            notes[-1] = (notes[-1][0], notes[-1][1], j)
    ok = all(1 <= n <= 20 and b - a < 6 and SENTENCE_END.search(lines[b].text) for n, a, b in notes)
    return notes if ok else []


def lift_footnotes(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Return the lines without their footnotes, and the footnotes (one Line each, joined)."""
    lines = list(lines)
    drop: set[int] = set()
    notes: list[Line] = []
    i = 0
    while i < len(lines):
        if lines[i].page is None or not FOOTNOTE_LINE.match(lines[i].text):
            i += 1
            continue
        found = _notes_at(lines, i)
        if not found or not _find_marker(lines, i, found[0][0]):
            i += 1
            continue
        for n, a, b in found:
            marker = _find_marker(lines, i, n)
            if marker:
                k, m = marker
                text = lines[k].text
                lines[k] = replace(lines[k], text=text[: m.start()] + text[m.end() :])
            drop.update(range(a, b + 1))
            notes.append(Line(" ".join(ln.text.strip() for ln in lines[a : b + 1]), lines[a].page))
        i = found[-1][2] + 1
    return [ln for j, ln in enumerate(lines) if j not in drop], notes
