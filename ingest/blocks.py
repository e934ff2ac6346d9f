"""Lines -> blocks: headings, grade lines, numbered paragraphs, bullets and running text.

PDF extractions mark numbered paragraphs with 'N. ' and bullets with a glyph or a leading space.
The damaged text extraction lost the numbers; there a blank line separates paragraphs, but page
breaks also leave blank lines, so a block that stops mid-sentence is joined to the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .headings import TRAILING_GRADE, Heading, canonical_grade, is_grade_line, match_heading
from .read import Line

# "12. Text"; "114.The" where the extraction lost the space before a capital.
NUMBERED = re.compile(r"^(\d{1,3})\.(?:\s+|(?=[A-Z]))(\S.*)$")
# A paragraph number the extraction joined to the end of the line before: "… at the time. 114.
# The board …". Only the number expected next is split off (see _split_glued_number).
GLUED_NUMBER = re.compile(r"(?<=[.!?:;)'\"\u2019\u201d]) +(\d{1,3})\.\s+(?=[A-Z\u2018\u201c'\"(])")
# Bullet glyphs: a symbol font's (Symbol, Wingdings: U+F020-U+F0FF, e.g. U+F0B7, U+F0A7),
# Unicode's (a box-drawing dash, U+2500, in some 2017 SIFs), and a soft hyphen (U+00AD), the
# sub-bullet glyph in some 2016 reports.
BULLET_GLYPHS = "\uf020-\uf0ff\u25fc\u25aa\u2022\u25cf\u2500"
BULLET = re.compile(rf"^(?:\s+|\s*[{BULLET_GLYPHS}\u00ad\u2013-]\s*)(?=\S)")
DASH_START = re.compile(r"^\s*[\u2013-]\s")
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
    r"^[A-Z][\w ,'\u2019()-]{3,90}? (?:(?:is|are) (?=\w)|(?=requires? improvement))"
    r"(outstanding|good|inadequate|requires? improvement(?: to be good)?)\.?$",
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


GRADE_TABLE = re.compile(r"^judgement\s+grade$", re.I)


def split_cover(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Separate the cover (title, dates, judgement table) from the body."""
    for i, line in enumerate(lines[:150]):
        text = line.text.strip()
        if COVER_END.match(text):
            # ILACS: the table's last row 'Overall effectiveness <grade>' belongs to the cover.
            cut = i + 1 if text.lower().startswith("overall effectiveness") else i
            return lines[:cut], lines[cut:]
    for i, line in enumerate(lines[:60]):
        if GRADE_TABLE.match(line.text.strip()):
            # ILACS from 2026 has no overall grade: the cover ends with the table's last grade.
            cut = _table_end(lines, i + 1)
            return lines[:cut], lines[cut:]
    return [], lines


def _table_end(lines: list[Line], start: int) -> int:
    end = start
    for j in range(start, min(start + 30, len(lines))):
        text = lines[j].text.strip()
        if len(text) > 70 or SENTENCE_END.search(text):
            break
        if is_grade_line(text) or TRAILING_GRADE.search(text):
            end = j + 1
        elif j > start and is_grade_line(f"{lines[j - 1].text.strip()} {text}"):
            end = j + 1  # "Requires improvement" / "to be good"
    return end


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
        # line that finishes a sentence, or at the blank space before the next paragraph (a
        # paragraph whose last line happens to fill the width, in an executive summary).
        return block.kind != "numbered" and (self.gap or len(last) < self.width * 0.8)

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


GRADE_TAIL = re.compile(r"^to be good\.?$", re.I)


def build_blocks(lines: list[Line], kind: str) -> list[Block]:
    lines = list(lines)
    texts = [ln.text for ln in lines]
    lowercase_words = set(re.findall(r"\b[a-z]+\b", "\n".join(texts)))
    b = _Builder(kind, typical_width(lines), lowercase_words)
    markers = _line_markers(texts) if kind == "pdf" else set()
    i = 0
    while i < len(lines):
        if kind == "pdf":
            _split_glued_number(lines, texts, i, b.next_number)
        line, text = lines[i], texts[i].rstrip()
        stripped = text.strip()
        if not stripped:
            b.gap = True
            i += 1
            continue
        b.gap = b.gap or line.gap_before
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
        after_grade = b.current is None and b.blocks and b.blocks[-1].kind in ("heading", "grade")
        if GRADE_TAIL.match(stripped) and after_grade:
            # "Requires improvement" / "to be good" wrapped under an area's heading (Somerset
            # 2018): the rest of the grade just read, not a paragraph.
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
        if kind == "pdf" and m and _takes_number(b, int(m.group(1)), markers):
            b.start("numbered", m.group(2), line.page, int(m.group(1)))
            b.next_number = int(m.group(1)) + 1
        elif kind == "pdf" and _minor_heading(b, texts, i):
            b.emit(Block("heading", [stripped], line.page, heading=Heading(stripped, 3)))
        elif BULLET.match(text) and not _dash_runs_on(b, text):
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


def _line_markers(texts: list[str]) -> set[int]:
    """Every paragraph number printed at the start of a line (or glued inside one)."""
    found = {int(m.group(1)) for t in texts if (m := NUMBERED.match(t.strip()))}
    found.update(int(m.group(1)) for t in texts for m in GLUED_NUMBER.finditer(t))
    return found


def _takes_number(b: _Builder, n: int, markers: set[int]) -> bool:
    """The next paragraph number, or one a little past it when the report itself skips the
    numbers between (Windsor and Maidenhead 2020 has no paragraph 15): the skipped numbers
    are printed nowhere, and the line starts a paragraph (after a finished sentence)."""
    if n == b.next_number:
        return True
    if not b.next_number < n <= b.next_number + 2:
        return False
    if any(k in markers for k in range(b.next_number, n)):
        return False
    last = b.current.lines[-1] if b.current and b.current.lines else ""
    return b.current is None or b.current.kind == "heading" or bool(SENTENCE_END.search(last))


def _split_glued_number(lines: list[Line], texts: list[str], i: int, expected: int) -> None:
    """Split "… at the time. 114. The board …" before the number expected next."""
    for m in GLUED_NUMBER.finditer(texts[i]):
        if expected <= int(m.group(1)) <= expected + 2 and texts[i][: m.start()].strip():
            head, tail = texts[i][: m.start()], texts[i][m.start() :].strip()
            page = lines[i].page
            lines[i : i + 1] = [Line(head, page, lines[i].gap_before), Line(tail, page)]
            texts[i : i + 1] = [head, tail]
            return


# A short line between a finished sentence and the next numbered paragraph or bullet is a
# heading the vocabulary does not know ("Social work practice", "Care Leavers").
MINOR_HEADING = re.compile(r"^[A-Z][\w'\u2019,()&/ -]{2,60}$")
# A lead-in ("This local authority is good because") ends on a word no heading ends on.
LEAD_IN_END = re.compile(
    r"\b(because|that|which|who|the|of|and|or|to|for|is|are|in|on|with|by|as|a)$", re.I
)


def _minor_heading(b: _Builder, texts: list[str], i: int) -> bool:
    text = texts[i].strip()
    if not MINOR_HEADING.match(text) or len(text.split()) > 9 or BULLET.match(texts[i]):
        return False
    if LEAD_IN_END.search(text):
        return False
    if b.current is not None:
        if b.current.kind not in ("numbered", "bullet"):
            return False
        if not SENTENCE_END.search(b.current.lines[-1]):
            return False
    elif not b.blocks or b.blocks[-1].kind != "heading":
        return False
    nxt = texts[i + 1].strip() if i + 1 < len(texts) else ""
    m = NUMBERED.match(nxt)
    if m:
        return int(m.group(1)) == b.next_number
    return bool(re.match(rf"^\s*[{BULLET_GLYPHS}]", texts[i + 1] if nxt else ""))


def _dash_runs_on(b: _Builder, text: str) -> bool:
    """'… including Multi-Systemic Therapy' / '– Child Abuse and Neglect, and …': a dash that
    continues an unfinished sentence of a paragraph, not a bullet."""
    if (
        not DASH_START.match(text)
        or b.current is None
        or b.current.kind not in ("numbered", "text")
    ):
        return False
    return not re.search(r"[.:;!?)]['\u2019\u201d\"]?\s*$", b.current.lines[-1])
