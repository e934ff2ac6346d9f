"""Lines -> blocks: headings, grade lines, numbered paragraphs, bullets and running text.

PDF extractions mark numbered paragraphs with 'N. ' and bullets with a glyph or a leading space.
The damaged text extraction lost the numbers; there a blank line separates paragraphs, but page
breaks also leave blank lines, so a block that stops mid-sentence is joined to the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .headings import Heading, canonical_grade, is_grade_line, match_heading
from .read import Line

NUMBERED = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
BULLET = re.compile(r"^(?:\s+|\s*[\uf0b7\uf06e\uf02d\u25fc\u25aa\u2022\u25cf\u2013-]\s*)(?=\S)")
SENTENCE_END = re.compile(r"""[.!?;:]['")\]]*\s*$""")
COVER_END = re.compile(r"^(executive summary|contents|overall effectiveness\b.*)$", re.I)
BOILERPLATE_START = re.compile(
    r"^(the office for standards in education, children.s services and skills|"
    r"any complaints about the inspection or the report|"
    r"you may reuse this information)",
    re.I,
)
# Footnotes the templates print on every report: not findings, and they cut into bullet lists.
FOOTNOTE_START = re.compile(
    r"^\d?\s*(ofsted produces this report under its power to combine|"
    r"the local authority was given the opportunity to review this section)",
    re.I,
)

# The SIF 2014 template heads each section's grade box with a column header row.
TABLE_HEADER = re.compile(r"^key judgement\s+(inspection\s+|judgement\s+)?grade$", re.I)


@dataclass
class Block:
    kind: str  # heading | grade | numbered | bullet | text
    lines: list[str] = field(default_factory=list)
    page: int | None = None
    number: int | None = None
    heading: Heading | None = None
    grade: str | None = None

    @property
    def text(self) -> str:
        return join_lines(self.lines)


# "The Local Safeguarding Children Board is inadequate" printed under the LSCB heading is the
# grade of that section, like a bare grade line, not a paragraph of findings.
GRADE_STATEMENT = re.compile(
    r"^[A-Z][\w ,'\u2019()-]{3,90}? (?:is|are) (outstanding|good|inadequate|"
    r"requires? improvement(?: to be good)?)$",
    re.I,
)


def _grade_statement_under_heading(b: _Builder, text: str) -> str | None:
    last = b.blocks[-1] if b.blocks and b.current is None else None
    if last is None or last.kind != "heading" or not last.heading or not last.heading.area:
        return None
    m = GRADE_STATEMENT.match(text)
    return canonical_grade(m.group(1)) if m else None


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines, keeping hyphenated compounds ('care-' + 'leaving') intact."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if out.endswith("-") and not out.endswith(" -"):
            out += line
        else:
            out = f"{out} {line}" if out else line
    return re.sub(r"\s+", " ", out).strip()


def split_cover(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Separate the cover (title, dates, judgement table) from the body."""
    for i, line in enumerate(lines[:150]):
        text = line.text.strip()
        if COVER_END.match(text):
            # ILACS: the table's last row 'Overall effectiveness <grade>' belongs to the cover.
            cut = i + 1 if text.lower().startswith("overall effectiveness") else i
            return lines[:cut], lines[cut:]
    return [], lines


def skip_contents(lines: list[Line]) -> list[Line]:
    """Drop a table of contents, whose entries would otherwise look like headings."""
    for i, line in enumerate(lines[:250]):
        if line.text.strip().lower() != "contents":
            continue
        window = [ln.text.strip().lower() for ln in lines[i + 1 : i + 60]]
        if "information about this inspection" in window:
            end = i + 1 + window.index("information about this inspection") + 1
            return lines[:i] + lines[end:]
        j = i + 1
        # PDF contents lines end with a page number; a wrapped entry's first line may not.
        while j < len(lines) and (
            not lines[j].text.strip()
            or re.search(r"\s\d{1,3}\s*$", lines[j].text)
            or (j + 1 < len(lines) and re.search(r"\s\d{1,3}\s*$", lines[j + 1].text))
        ):
            j += 1
        return lines[:i] + lines[j:]
    return lines


def typical_width(lines: list[Line]) -> int:
    lengths = sorted(len(ln.text.strip()) for ln in lines if len(ln.text.strip()) >= 40)
    return lengths[int(len(lengths) * 0.85)] if lengths else 80


class _Builder:
    def __init__(self, kind: str, width: int, lowercase_words: set[str]):
        self.kind = kind
        self.width = width
        self.lowercase_words = lowercase_words
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.next_number = 1
        self.gap = False  # a blank line was seen since the last text line

    def flush(self) -> None:
        if self.current and self.current.lines:
            self.blocks.append(self.current)
        self.current = None

    def start(self, kind: str, text: str, page: int | None, number: int | None = None) -> None:
        self.flush()
        self.current = Block(kind, [text], page, number)
        self.gap = False

    def emit(self, block: Block) -> None:
        self.flush()
        self.blocks.append(block)
        self.gap = False

    def ends_paragraph(self, next_text: str) -> bool:
        """Whether the current block is complete before a line of running text."""
        block = self.current
        if block is None:
            return False
        last = block.lines[-1].strip()
        ended = bool(SENTENCE_END.search(last))
        if self.kind == "text":
            return self._text_break(ended, next_text)
        if not ended or next_text[:1].islower():
            return False  # a sentence runs on across a page break
        # A PDF numbered paragraph ends only at the next marker; running text ends at a short
        # line that finishes a sentence.
        return block.kind != "numbered" and len(last) < self.width * 0.8

    def _text_break(self, ended: bool, next_text: str) -> bool:
        """Paragraph breaks in the damaged text, where lines and numbers were lost.

        - A finished sentence followed by a lower-case line: the next paragraph lost its
          first line, and its blank separator with it.
        - A blank line after an unfinished sentence is usually a page break; but if the next
          line starts with a capitalised ordinary word (one the report also writes in lower
          case), a new paragraph starts and the old one lost its last line.
        """
        starts_lower = next_text[:1].islower()
        if ended:
            return (
                starts_lower or self.gap or len(self.current.lines[-1].strip()) < self.width * 0.8
            )
        if not self.gap or starts_lower:
            return False
        first = re.match(r"[A-Za-z]+", next_text)
        word = first.group(0) if first else ""
        return bool(word) and not word.isupper() and word.lower() in self.lowercase_words


def build_blocks(lines: list[Line], kind: str) -> list[Block]:
    texts = [ln.text for ln in lines]
    lowercase_words = set(re.findall(r"\b[a-z]+\b", "\n".join(texts)))
    b = _Builder(kind, typical_width(lines), lowercase_words)
    i = 0
    while i < len(lines):
        line, text = lines[i], texts[i].rstrip()
        stripped = text.strip()
        if not stripped:
            b.gap = True
            i += 1
            continue
        if BOILERPLATE_START.match(stripped):
            break  # the back page: licence and contact details, never an answer
        if FOOTNOTE_START.match(stripped):
            while i < len(lines) and not SENTENCE_END.search(texts[i]):
                i += 1
            i += 1
            continue
        if TABLE_HEADER.match(stripped):
            i += 1
            continue
        # Before headings: "The Local Safeguarding Children Board is inadequate" right under
        # the LSCB heading is that section's grade, though it reads like a graded heading.
        grade = is_grade_line(stripped) or _grade_statement_under_heading(b, stripped)
        if grade:
            b.emit(Block("grade", [stripped], line.page, grade=grade))
            i += 1
            continue
        heading = match_heading(texts, i)
        if heading:
            b.emit(Block("heading", [heading.title], line.page, heading=heading))
            i += heading.lines_used
            continue
        m = NUMBERED.match(stripped)
        if kind == "pdf" and m and int(m.group(1)) == b.next_number:
            b.start("numbered", m.group(2), line.page, int(m.group(1)))
            b.next_number += 1
        elif BULLET.match(text):
            # Both extractions keep a bullet's leading space (or glyph) and nothing else has one.
            b.start("bullet", BULLET.sub("", text), line.page)
        elif (
            b.current is None
            or b.current.kind in ("heading", "grade")
            or b.ends_paragraph(stripped)
        ):
            b.start("text", stripped, line.page)
        else:
            b.current.lines.append(stripped)
            b.gap = False
        i += 1
    b.flush()
    return b.blocks
