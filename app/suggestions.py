"""Follow-up questions to offer after an answer, drawn from the report's structure.

Each is phrased the way answer() reads it (a grade question names a judged area; "What needs
to improve?" lists the recommendations; a council and a year re-scope a question), so an
offered question is answered rather than refused: tests/app/test_suggestions.py checks this.
"""

from __future__ import annotations

import re

from ingest import Report

from .judgement_answers import AREA_SECTIONS
from .types import Answer

MAX_SUGGESTIONS = 3
# How a newcomer names each judged area; every phrase matches judgement_answers.AREA_WORDS.
AREA_PHRASES = {
    "overall": "overall effectiveness",
    "help_and_protection": "children who need help and protection",
    "in_care": "children in care",
    "adoption": "adoption",
    "care_leavers": "care leavers",
    "leadership": "leadership",
    "lscb": "the Local Safeguarding Children Board",
}


def cited_areas(answer: Answer) -> list[str]:
    """The judged areas whose sections the answer's citations come from, most cited first."""
    counts: dict[str, int] = {}
    for c in answer.citations:
        top = c.section.split(" › ")[0]
        for area, pattern in AREA_SECTIONS.items():
            if area != "overall" and re.search(pattern, top, re.I):
                counts[area] = counts.get(area, 0) + 1
                break
    return sorted(counts, key=lambda a: -counts[a])


def follow_ups(answer: Answer, report: Report, others: list[Report] = ()) -> list[str]:
    """Two or three questions to ask next about `report`, after `answer`.

    `others` are the other indexed reports; the council's report nearest in time to this one
    gives "the same topic in the council's other report".
    """
    asked = answer.question.lower()
    areas = [a for a in cited_areas(answer) if report.judgement(a)]
    out: list[str] = []
    for area in areas[:1]:
        out.append(f"What was {_judgement_for(area)}?")
    if not areas and report.judgement("overall") and "judgement" not in asked:
        out.append("What was the overall judgement?")
    if any(p.kind == "recommendation" for p in report.paragraphs) and not re.search(
        r"recommend|improve", asked
    ):
        out.append("What needs to improve?")
    other = _sibling(report, others)
    # The other report's grade for the same area: asked of its findings ("What did inspectors
    # find about leadership in Croydon in 2017?"), retrieval too often finds nothing to quote.
    topic = next((a for a in areas if other and other.judgement(a)), "overall")
    if other is not None and other.judgement(topic):
        what = "the overall judgement" if topic == "overall" else _judgement_for(topic)
        out.append(f"What was {what} in {other.council} in {other.year}?")
    return [q for q in dict.fromkeys(out) if q.lower() != asked][:MAX_SUGGESTIONS]


def _judgement_for(area: str) -> str:
    return f"the judgement for {AREA_PHRASES[area]}"


def _sibling(report: Report, others: list[Report]) -> Report | None:
    """The same council's report nearest in time, the later one on a tie."""
    same = [r for r in others if r.council == report.council and r.id != report.id]
    return min(same, key=lambda r: (abs(r.year - report.year), -r.year), default=None)
