"""The Answer record that the CLI, the chat app and the evals all receive."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Citation:
    marker: int  # the n in [n]
    report_id: str
    paragraph_id: str
    number: int | None
    section: str
    page: int | None
    paragraph_text: str
    quote: str  # the sentence(s) of the paragraph the answer uses

    def label(self, council_year: str = "") -> str:
        parts = [f"¶{self.number}" if self.number is not None else "unnumbered"]
        parts.append(self.section.split(" › ")[0])
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if council_year:
            parts.append(council_year)
        return " · ".join(parts)


def citation_for(marker: int, p, quote: str) -> Citation:
    """A citation of paragraph `p` (an ingest Paragraph) quoting `quote`."""
    return Citation(marker, p.report_id, p.id, p.number, p.section_path, p.page, p.text, quote)


@dataclass
class AnswerSentence:
    text: str  # the report's own words
    markers: list[int]
    trimmed: bool = False  # the report's sentence goes on past `text`
    source: str = ""  # "Croydon 2017" when the answer draws on more than one report

    @property
    def shown(self) -> str:
        """The text as a reader sees it: "…" where the report's sentence goes on, and before
        one that starts in lower case because the damaged extraction lost its beginning."""
        text = f"… {self.text}" if self.text[:1].islower() else self.text
        text = f"{text} …" if self.trimmed else text
        return f"{self.source}: {text}" if self.source else text


@dataclass
class Related:
    report_id: str
    paragraph_id: str
    number: int | None
    section: str
    text: str


def related_for(p) -> Related:
    """A paragraph (an ingest Paragraph) listed as retrieved or related."""
    return Related(p.report_id, p.id, p.number, p.section_path, p.text)


@dataclass
class TableCell:
    grade: str | None  # None: the report's framework does not grade the area
    marker: int | None = None  # the citation of the paragraph stating the grade


@dataclass
class TableRow:
    report_id: str
    label: str  # "Croydon 2017"
    cells: list[TableCell]


@dataclass
class Table:
    """Grades as rows of reports and columns of judgement areas (timelines, comparisons)."""

    kind: str  # "timeline" or "comparison"
    areas: list[str]  # area keys, as ingest names them
    columns: list[str]  # the areas' short titles, for display
    rows: list[TableRow] = field(default_factory=list)


@dataclass
class Answer:
    question: str
    sentences: list[AnswerSentence] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    refused: bool = False
    refusal_reason: str = ""
    related: list[Related] = field(default_factory=list)
    rewritten_query: str = ""
    scope: list[str] = field(default_factory=list)
    scope_note: str = ""
    mode: str = "extractive"
    notice: str = ""
    retrieved: list[Related] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    table: Table | None = None

    def cite(self, paragraph, quote: str) -> int:
        """The marker of the citation of `paragraph` (an ingest Paragraph), added if it is
        new; `quote` joins its quote unless already there."""
        for c in self.citations:
            if c.paragraph_id == paragraph.id:
                if quote not in c.quote:
                    c.quote = f"{c.quote} {quote}"
                return c.marker
        self.citations.append(citation_for(len(self.citations) + 1, paragraph, quote))
        return len(self.citations)

    def marked_sentences(self) -> list[tuple[str, list[int]]]:
        """Sentences with the markers to print after each: a run of sentences from one
        paragraph carries its marker once, at the end of the run."""
        out = []
        for i, s in enumerate(self.sentences):
            nxt = self.sentences[i + 1] if i + 1 < len(self.sentences) else None
            out.append((s.shown, [] if nxt is not None and nxt.markers == s.markers else s.markers))
        return out

    @property
    def text(self) -> str:
        if self.refused:
            return self.refusal_reason
        return " ".join(
            text + "".join(f" [{m}]" for m in markers) for text, markers in self.marked_sentences()
        )

    def to_dict(self) -> dict:
        data = asdict(self)
        data["text"] = self.text
        return data
