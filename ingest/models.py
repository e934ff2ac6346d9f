"""Typed records that leave the ingest package: a Report and its Paragraphs."""

from __future__ import annotations

from dataclasses import dataclass, field

GRADES = ("Outstanding", "Good", "Requires improvement", "Inadequate")
AREAS = (
    "overall",
    "help_and_protection",
    "in_care",
    "adoption",
    "care_leavers",
    "leadership",
    "lscb",
)
KINDS = ("summary", "finding", "recommendation", "bullet", "fact")
SECTION_SEP = " › "


@dataclass(frozen=True)
class Judgement:
    area: str
    grade: str
    # The words the grade was read from, so an answer can quote and cite them.
    evidence: str = ""


@dataclass
class Paragraph:
    id: str
    report_id: str
    number: int | None
    kind: str
    section: tuple[str, ...]
    page: int | None
    text: str
    # Sentence spans as (start, end) offsets into `text`.
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # The text as extracted, before repairs: what matching against the source file needs.
    raw: str = ""

    @property
    def section_path(self) -> str:
        return SECTION_SEP.join(self.section)

    def sentence_texts(self) -> list[str]:
        return [self.text[a:b] for a, b in self.sentences]

    def label(self) -> str:
        """Short human label: '¶23' for numbered paragraphs, else the section's last part."""
        return (
            f"¶{self.number}"
            if self.number is not None
            else (self.section[-1] if self.section else "")
        )


@dataclass
class Report:
    id: str
    council: str
    title: str
    framework: str  # "SIF" or "ILACS" ("" when the template is not recognised)
    inspection_dates: str
    published: str  # ISO date, e.g. 2017-04-07
    lead_inspector: str
    source: str  # file name the report was read from
    judgements: list[Judgement] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def year(self) -> int:
        return int(self.published[:4]) if self.published else 0

    @property
    def sections(self) -> list[tuple[str, ...]]:
        seen: dict[tuple[str, ...], None] = {}
        for p in self.paragraphs:
            seen.setdefault(p.section, None)
        return list(seen)

    def judgement(self, area: str) -> Judgement | None:
        return next((j for j in self.judgements if j.area == area), None)

    def grade(self, area: str) -> str | None:
        j = self.judgement(area)
        return j.grade if j else None

    def display_name(self) -> str:
        return f"{self.council} {self.year}" if self.year else self.council
