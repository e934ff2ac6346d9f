"""What the cross-report components share: grades as words and cells, the grades table, and
choosing a report's best sentences on a topic."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from index import ReportIndex
from index.terms import terms
from ingest import AREAS, Paragraph, Report

from . import judgement_answers as ja
from .types import Answer, AnswerSentence, Table, TableCell, TableRow

SHORT_TITLES = {
    "overall": "Overall",
    "help_and_protection": "Help and protection",
    "in_care": "Children in care",
    "adoption": "Adoption",
    "care_leavers": "Care leavers",
    "leadership": "Leadership",
    "lscb": "LSCB",
}
AREA_NAMES = {
    "overall": "overall effectiveness",
    "help_and_protection": "help and protection",
    "in_care": "children in care",
    "adoption": "adoption",
    "care_leavers": "care leavers",
    "leadership": "leadership",
    "lscb": "the LSCB",
}


def grade_words(grade: str) -> str:
    return "requires improvement to be good" if grade == "Requires improvement" else grade.lower()


def area_name(area: str) -> str:
    return AREA_NAMES[area]


def cite_grade(result: Answer, report: Report, area: str) -> tuple[str | None, int | None]:
    """The report's grade for `area` and the marker citing the paragraph that states it."""
    j = report.judgement(area)
    if j is None:
        return None, None
    p = ja.evidence_paragraph(report, area, j.evidence, j.grade)
    if p is None:
        return j.grade, None
    return j.grade, result.cite(p, ja.grade_quote(j, p))


def not_graded_reason(report: Report, area: str) -> str:
    if area == "care_leavers" and report.judgement("in_care") is not None:
        return f"graded with children in care: {grade_words(report.grade('in_care'))}"
    return f"not graded (the {report.framework or 'report'} framework does not grade it)"


def grades_table(result: Answer, kind: str, reports: list[Report], cited: list[str]) -> Table:
    """Rows of reports, columns of every area any of them grades; the grades of the `cited`
    areas, the ones the answer states, carry their citation."""
    areas = [a for a in AREAS if any(r.judgement(a) for r in reports)]
    table = Table(kind, areas, [SHORT_TITLES[a] for a in areas])
    for r in reports:
        cells = []
        for a in areas:
            if a in cited:
                grade, marker = cite_grade(result, r, a)
            else:
                grade, marker = r.grade(a), None
            cells.append(TableCell(grade, marker))
        table.rows.append(TableRow(r.id, r.display_name(), cells))
    return table


def grade_sentence(result: Answer, report: Report, areas: list[str]) -> AnswerSentence:
    """'Croydon 2017: overall effectiveness inadequate; adoption requires improvement …'."""
    parts, markers = [], []
    for a in areas:
        grade, marker = cite_grade(result, report, a)
        if grade is None:
            parts.append(f"{area_name(a)}: {not_graded_reason(report, a)}")
            continue
        parts.append(f"{area_name(a)}: {grade_words(grade)}")
        if marker is not None and marker not in markers:
            markers.append(marker)
    text = "; ".join(parts)
    return AnswerSentence(f"{text[0].upper()}{text[1:]}.", markers, source=report.display_name())


def stated_grade_sentence(result: Answer, report: Report, area: str) -> AnswerSentence | None:
    """The report's own sentence giving the area's grade ('The LSCB in Tower Hamlets is judged
    to be inadequate, as …'), cited; None when the grade was read from a table."""
    j = report.judgement(area)
    if j is None or len(j.evidence.split()) < 6 or j.grade.lower() not in j.evidence.lower():
        return None
    p = ja.evidence_paragraph(report, area, j.evidence, j.grade)
    if p is None or j.evidence not in p.text:
        return None
    sentence = next((s for s in p.sentence_texts() if j.evidence in s), j.evidence)
    marker = result.cite(p, sentence)
    return AnswerSentence(sentence, [marker], source=report.display_name())


def term_key(stem: str) -> str:
    """Stems compared by their first six letters: 'conferenc' (conferencing) meets 'confer'
    (conferences)."""
    return stem[:6]


@lru_cache(maxsize=200_000)
def _term_set(text: str) -> frozenset[str]:
    # "17-year-olds" is also "17", "year", "olds".
    words = terms(text) + terms(re.sub(r"(?<=\w)-(?=\w)", " ", text))
    return frozenset(term_key(t) for t in words)


def paragraph_terms(p: Paragraph) -> frozenset[str]:
    return _term_set(f"{p.section_path} {p.text}")


def sentence_terms(text: str) -> frozenset[str]:
    return _term_set(text)


def best_sentences(
    report: Report,
    paragraphs: list[Paragraph],
    qvec: np.ndarray | None,
    index: ReportIndex,
    n: int,
    wanted: list[str] = (),
    prefer: re.Pattern | None = None,
    states: re.Pattern | None = None,
    lead: set[str] | None = None,
) -> list[tuple[Paragraph, str]]:
    """The report's `n` sentences most like the question among `paragraphs`: meaning, the
    topic's words, and a pattern worth preferring ('since the last inspection')."""
    scored = []
    for p in paragraphs:
        if p.kind == "fact" or not p.sentences:
            continue
        vectors = index.sentence_vectors(p) if qvec is not None else None
        for i, text in enumerate(p.sentence_texts()):
            if len(text.split()) < 6:
                continue
            score = float(vectors[i] @ qvec) if vectors is not None and i < len(vectors) else 0
            if wanted:
                have = sentence_terms(text)
                score += 0.4 * sum(term_key(t) in have for t in wanted) / len(wanted)
            if prefer is not None and prefer.search(text):
                score += 0.3
            if states is not None:
                # The area's headline ("… receive an outstanding service") or, below good,
                # what went wrong: a little for each match.
                score += min(0.3, 0.1 * len(states.findall(text)))
            if p.kind == "recommendation":
                score -= 0.2
            if lead is not None and p.id in lead:
                score += 0.15  # an area's opening paragraphs sum it up
            scored.append((score, p.number or 0, p, text))
    scored.sort(key=lambda s: -s[0])
    return [(p, text) for _s, _n, p, text in scored[:n]]


def add_sentences(result: Answer, report: Report, chosen: list[tuple[Paragraph, str]]) -> None:
    for p, text in chosen:
        marker = result.cite(p, text)
        result.sentences.append(AnswerSentence(text, [marker], source=report.display_name()))


def area_paragraphs(report: Report, area: str) -> list[Paragraph]:
    graded, top = ja.area_paragraphs(report, area)
    if area == "care_leavers" and not graded and not top:
        _g, top = ja.area_paragraphs(report, "in_care")
    return graded + top


def opening_paragraphs(report: Report, areas: list[str]) -> set[str]:
    """The first two paragraphs of each area's section: where the report sums the area up."""
    return {p.id for a in areas for p in area_paragraphs(report, a)[:2]}


def grade_pattern(reports: list[Report], areas: list[str]) -> re.Pattern | None:
    """The grade words the reports gave these areas: a sentence using one states the grade."""
    grades = {r.grade(a) for r in reports for a in areas} - {None}
    if not grades:
        return None
    words = "|".join(re.escape(g.lower()) for g in grades)
    return re.compile(rf"\b({words})\b", re.I)
