"""Blocks -> sections and paragraphs, with kinds and Ofsted's paragraph numbers.

In the SIF template the recommendations are numbered 1..n and the findings run on from n+1
through every 'Inspection findings' and graded sub-section; summaries and the LSCB's own
recommendations are unnumbered. A PDF prints the numbers. For a text extraction that lost them,
the same rule recovers them: count the paragraphs of the numbered parts in document order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import Block
from .headings import LSCB_SUBSECTIONS, Heading, is_grade_line


@dataclass
class RawParagraph:
    text: str
    kind: str
    section: tuple[str, ...]
    page: int | None
    number: int | None


FACT_SECTIONS = re.compile(
    r"^(information about this local authority area|information about this inspection|"
    r"the local authority|information about this local authority)$",
    re.I,
)
SUMMARY_SECTIONS = re.compile(
    r"^(summary|executive summary|summary for children and young people|overall effectiveness|"
    r"summary of (key )?findings|"
    r"section \d+: .*summary of findings)$",
    re.I,
)
RECOMMENDATION_SECTIONS = re.compile(
    r"^(recommendations|what needs to improve.*|areas for improvement|"
    r"areas for improvement:|what does the (local authority|lscb) need to improve\?|"
    r"priority and immediate action)$",
    re.I,
)
NUMBERED_SUBSECTIONS = re.compile(r"^(inspection findings.*|the graded judgement.*)$", re.I)


class _Sections:
    def __init__(self) -> None:
        self.top: str | None = None
        self.sub: str | None = None
        self.top_area: str | None = None
        self.minor: str | None = None  # "Social work practice" inside "Areas for improvement"

    def enter(self, h: Heading, items_follow: bool = False) -> None:
        if h.level == 1 and h.area and not h.grade and items_follow and self.in_recommendations():
            # Plymouth 2015 groups its recommendations under the areas' names ("Leadership,
            # management and governance", then "1. Ensure that …"): a group of the list, not
            # the area's section, which opens with its grade.
            h = Heading(h.title, 3)
        if h.level == 3:
            self.minor = h.title
            return
        self.minor = None
        if h.level == 1 and self.top_area == "lscb" and LSCB_SUBSECTIONS.match(h.title):
            self.sub = h.title  # the LSCB review has its own summary and recommendations
        elif h.level == 1:
            self.top, self.sub, self.top_area = h.title, None, h.area
        else:
            self.sub = h.title

    @property
    def path(self) -> tuple[str, ...]:
        parts = [p for p in (self.top, self.sub, self.minor) if p]
        return tuple(parts) if parts else ("Overall effectiveness",)

    def in_recommendations(self) -> bool:
        return bool(
            RECOMMENDATION_SECTIONS.match(self.sub or "")
            or (not self.sub and RECOMMENDATION_SECTIONS.match(self.top or ""))
        )

    def kind_for(self, block: Block) -> str:
        top, sub = self.top or "", self.sub or ""
        if self.in_recommendations():
            return "recommendation"
        if block.number is not None:
            return "finding"
        summary_here = SUMMARY_SECTIONS.match(sub) or (not sub and SUMMARY_SECTIONS.match(top))
        if (FACT_SECTIONS.match(top) and not summary_here) or sub.lower() == "the inspection team":
            return "fact"
        if block.kind == "bullet":
            return "bullet"
        if summary_here or not top:
            return "summary"
        return "finding"

    def numbered_here(self) -> bool:
        """Whether the template numbers the paragraphs of the current section."""
        if self.top_area == "lscb" and self.sub and LSCB_SUBSECTIONS.match(self.sub):
            return False
        if self.sub is None and self.top and self.top.lower() == "recommendations":
            return True
        return bool(self.sub and NUMBERED_SUBSECTIONS.match(self.sub))


def to_paragraphs(blocks: list[Block], recover_numbers: bool) -> list[RawParagraph]:
    sections = _Sections()
    out: list[RawParagraph] = []
    next_number = 1
    blocks = _merge_sub_bullets(blocks)
    for i, block in enumerate(blocks):
        if block.kind == "heading" and block.heading:
            following = blocks[i + 1].kind if i + 1 < len(blocks) else ""
            sections.enter(block.heading, items_follow=following in ("numbered", "bullet"))
            continue
        if block.kind == "grade":
            if not is_grade_line(block.text):
                # "The effectiveness of the LSCB is good": a sentence that states the grade is
                # what a grade answer cites, so it stays a paragraph (never numbered).
                out.append(RawParagraph(block.text, "summary", sections.path, block.page, None))
            continue
        number = block.number
        if (
            recover_numbers
            and number is None
            and sections.numbered_here()
            and block.kind != "bullet"
        ):
            number, next_number = next_number, next_number + 1
        kind = sections.kind_for(block)
        if number is not None and kind != "recommendation":
            kind = "finding"
        out.append(RawParagraph(block.text, kind, sections.path, block.page, number))
    return out


def _merge_sub_bullets(blocks: list[Block]) -> list[Block]:
    """Fold sub-bullets ('in primary schools is 33% ...') into the bullet that introduces them."""
    merged: list[Block] = []
    for block in blocks:
        prev = merged[-1] if merged else None
        if (
            block.kind == "bullet"
            and prev is not None
            and prev.kind == "bullet"
            and prev.lines
            and block.lines[0][:1].islower()
            and (prev.lines[-1].rstrip().endswith(":") or prev.lines[-1].rstrip().endswith(")"))
        ):
            prev.lines[-1] = prev.lines[-1].rstrip() + ("" if prev.lines[-1].endswith(":") else ";")
            prev.lines.extend(block.lines)
            continue
        merged.append(block)
    return merged
