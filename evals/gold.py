"""Gold question sets: loading and validation against the parsed reports."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ingest import Report, match_key

GOLD_DIR = Path(__file__).parent / "gold"


@dataclass
class GoldQuestion:
    id: str
    question: str
    answers: list[list[str]]
    evidence: list[str]
    report: str | None
    unanswerable: bool = False
    history: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    # Strings a correct answer must not contain ("Newham 2026" for a filter it fails).
    forbid: list[str] = field(default_factory=list)


def load_gold(path: Path) -> list[GoldQuestion]:
    questions = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            questions.append(GoldQuestion(**data))
        except (json.JSONDecodeError, TypeError) as exc:
            raise ValueError(f"{Path(path).name}:{n}: not a gold question ({exc})") from None
    return questions


def default_gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.jsonl"))


def evidence_problems(questions: list[GoldQuestion], reports: dict[str, Report]) -> list[str]:
    """Evidence strings that occur in no paragraph of their report (or of any report)."""
    problems = []
    for q in questions:
        pool = [reports[q.report]] if q.report in reports else list(reports.values())
        texts = [match_key(p.text) for r in pool for p in r.paragraphs]
        for ev in q.evidence:
            key = match_key(ev)
            if not any(key in t for t in texts):
                problems.append(f"{q.id}: evidence not found: {ev!r}")
    return problems


def is_gold(paragraph_text: str, evidence: list[str]) -> bool:
    key = match_key(paragraph_text)
    return any(match_key(ev) in key for ev in evidence)


def citation_flags(q: GoldQuestion, citations) -> list[bool]:
    """Per citation of an answer, whether it cites evidence for `q`.

    A `list_all` question's evidence is a sample of the list by design (WRITING.md: the first, a
    middle and the last item), yet a complete answer must cite every item. So for those
    questions an item of the same list (same report and section as a cited evidence item)
    counts too; an answer that cites a different list still scores nothing.
    `strict_citation_flags` keeps the plain rule, reported beside it."""
    flags = strict_citation_flags(q, citations)
    if "list_all" not in q.tags:
        return flags
    lists = {(c.report_id, c.section) for c, f in zip(citations, flags) if f}
    return [f or (c.report_id, c.section) in lists for c, f in zip(citations, flags)]


def strict_citation_flags(q: GoldQuestion, citations) -> list[bool]:
    return [is_gold(c.paragraph_text, q.evidence) for c in citations]
