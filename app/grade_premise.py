"""'Why was X judged Y?': questions that take a grade as given.

If the report graded the area otherwise, the answer says so first, cited. If the grade is right
but no sentence found by search explains it, the area's own section does: its opening (the
SIF's area summary, the ILACS area's first findings) is where inspectors say why.
"""

from __future__ import annotations

import re

from ingest import Judgement, Paragraph, Report

from . import judgement_answers as ja
from .types import Answer, AnswerSentence, citation_for

EXPLAINING_SENTENCES = 2


def answer_why_graded(result: Answer, query: str, report: Report) -> None:
    stated = ja.stated_grade(query)
    actual = {j.area: j for j in report.judgements}.get(stated[0]) if stated else None
    if actual is None:
        return
    evidence = ja.evidence_paragraph(report, actual.area, actual.evidence, actual.grade)
    if evidence is None:
        return
    if actual.grade != stated[1]:
        _correct(result, report, actual, stated[1], evidence)
    elif result.refused:
        _explain(result, report, actual, evidence)


def _judged(report: Report, j: Judgement) -> str:
    title = ja.area_title(j.area, report.framework)
    return f"Inspectors judged {title} {ja.verdict(j.grade).removeprefix('judged ')}"


def _quote(j: Judgement, p: Paragraph) -> str:
    return j.evidence if j.evidence.lower() in p.text.lower() else p.sentence_texts()[0]


def _correct(result: Answer, report: Report, j: Judgement, stated: str, p: Paragraph) -> None:
    for c in result.citations:
        c.marker += 1
    for s in result.sentences:
        s.markers = [m + 1 for m in s.markers]
    result.citations.insert(0, citation_for(1, p, _quote(j, p)))
    result.sentences.insert(0, AnswerSentence(f"{_judged(report, j)}, not {stated.lower()}.", [1]))
    _unrefuse(result)


def _explain(result: Answer, report: Report, j: Judgement, evidence: Paragraph) -> None:
    graded, top = ja.area_paragraphs(report, j.area)
    states_grade = re.compile(rf"\b{re.escape(j.grade.lower())}\b", re.I)
    reasons = [
        (p, s)
        for p in (graded or top)
        for s in p.sentence_texts()
        if not states_grade.search(s) and len(s.split()) >= 6
    ][:EXPLAINING_SENTENCES]
    if not reasons:
        return
    result.citations = [citation_for(1, evidence, _quote(j, evidence))]
    result.sentences = [AnswerSentence(f"{_judged(report, j)}.", [1])]
    for p, sentence in reasons:
        cited = next((c for c in result.citations if c.paragraph_id == p.id), None)
        if cited is None:
            cited = citation_for(len(result.citations) + 1, p, sentence)
            result.citations.append(cited)
        elif sentence not in cited.quote:
            cited.quote = f"{cited.quote} {sentence}"
        result.sentences.append(AnswerSentence(sentence, [cited.marker]))
    _unrefuse(result)


def _unrefuse(result: Answer) -> None:
    result.refused, result.refusal_reason, result.related = False, "", []
