"""Answers built on a report's verdicts.

- "Why was X judged Y?": if the report graded the area otherwise, the answer says so first,
  cited. If the grade is right but no sentence found by search explains it, the area's own
  section does: its opening (the SIF's area summary, the ILACS area's first findings) is
  where inspectors say why.
- "Summarise the report", "What were the main findings?": the overall grade and the opening
  of the executive summary (SIF) or overall effectiveness section (ILACS).
"""

from __future__ import annotations

import re

from ingest import Judgement, Paragraph, Report

from . import judgement_answers as ja
from .extractive import CONSEQUENCE, CONTINUATION
from .scorer import current_weights
from .types import Answer, AnswerSentence, citation_for

SUMMARY_SENTENCES = 3
OPENING_PARAGRAPHS = 3  # an area's opening, where a section without a summary gives reasons
# Asks for the report's gist rather than about a topic in it.
SUMMARY_QUESTION = re.compile(
    r"^\W*(please\s+)?(summari[sz]e|give me (a|an) (summary|overview)|overview)\b|"
    r"\b(main|key|overall|headline) (findings|messages|conclusions)\b|"
    r"^\W*what did (the )?(inspection|inspectors|ofsted|report) (find|conclude|say)\W*$|"
    r"\b(summary|overview) of (the|this) (report|inspection)\b",
    re.I,
)


def answer_why_graded(result: Answer, query: str, report: Report) -> None:
    stated = ja.stated_grade(query) or _grade_it_got(query, report)
    graded = _grade_evidence(report, stated[0]) if stated else None
    if graded is None:
        return
    actual, evidence = graded
    # "Why was leadership inadequate?" is answered by the reasons in the area's own section,
    # never by the verdict ("Leadership … is inadequate") or by praise. Asked of the wrong
    # grade ("why was adoption good?" when it requires improvement), the answer says so and
    # gives the reasons for the grade it got, not what search found for the one asked.
    kept = result.sentences, result.citations
    result.sentences, result.citations = [], []
    short_of = bool(SHORT_OF.search(query)) and actual.grade == stated[1]
    _explain(result, report, actual, evidence, shortfall=short_of)
    if not result.sentences:  # the section gives no reasons: keep what search found
        result.sentences, result.citations = kept
    if actual.grade != stated[1]:
        _correct(result, report, actual, stated[1], evidence)


# "Why was it only good?", "good rather than outstanding: what held it back?": the reasons
# a grade fell short are what is wrong, whatever the grade.
SHORT_OF = re.compile(
    r"\bonly\b.{0,30}\b(?:good|requires? improvement)\b|"
    r"\b(?:rather than|and not|not) outstanding\b|\bheld (?:it|them|\w+) back\b|"
    r"\bstopp?(?:ed|ing) (?:it|them) (?:from )?(?:being|getting)\b|\bshort of\b",
    re.I,
)


def _grade_it_got(query: str, report: Report) -> tuple[str, str] | None:
    """ "Why did adoption get that grade?" and "why was it good rather than outstanding?"
    name the area and ask about its grade, whatever it was; "why did Slough get that grade?"
    names none, and asks about the council's, the overall grade."""
    areas = ja.areas_named(query) or ["overall"]
    if len(areas) != 1 or not (ja.GRADE_QUESTION.search(query) or SHORT_OF.search(query)):
        return None
    j = ja.judgement_for(report, areas[0])
    return (areas[0], j.grade) if j else None


def _judged(report: Report, j: Judgement) -> str:
    return f"Inspectors judged {_area_judged(report, j)}"


def _area_judged(report: Report, j: Judgement) -> str:
    """'adoption performance to require improvement to be good', 'leadership inadequate'."""
    return f"{ja.title_in(report, j.area)} {ja.verdict(j.grade).removeprefix('judged ')}"


def _correct(result: Answer, report: Report, j: Judgement, stated: str, p: Paragraph) -> None:
    judged = _judged(report, j)
    corrected = f"{judged}, not {stated.lower()}."
    if result.sentences and result.sentences[0].text == f"{judged}.":
        result.sentences[0].text = corrected  # the reasons' lead already cites the grade
        return
    correction = citation_for(0, p, ja.grade_quote(j, p))
    result.citations.insert(0, correction)
    result.sentences.insert(0, AnswerSentence(corrected, [0]))
    _renumber(result)
    _unrefuse(result)


def _renumber(result: Answer) -> None:
    """Markers 1, 2, … in reading order, one per paragraph: the correction may cite the
    paragraph the answer already cites (Croydon 2017's care leavers, ¶81)."""
    by_marker = {c.marker: c for c in result.citations}
    merged: dict[str, object] = {}
    new_marker: dict[int, int] = {}
    for c in result.citations:
        first = merged.setdefault(c.paragraph_id, c)
        if first is not c and c.quote not in first.quote:
            first.quote = f"{first.quote} {c.quote}"
    order: list[str] = []
    for s in result.sentences:
        for m in s.markers:
            pid = by_marker[m].paragraph_id
            if pid not in order:
                order.append(pid)
    for c in result.citations:
        new_marker[c.marker] = order.index(c.paragraph_id) + 1
    for s in result.sentences:
        s.markers = list(dict.fromkeys(new_marker[m] for m in s.markers))
    result.citations = [merged[pid] for pid in order]
    for i, c in enumerate(result.citations, start=1):
        c.marker = i


def is_summary_question(question: str) -> bool:
    return bool(SUMMARY_QUESTION.search(question))


def answer_summary(result: Answer, reports: list[Report]) -> None:
    """Each report's overall grade and the opening of its summary; one sentence of it each
    when several reports are in scope."""
    result.citations, result.sentences = [], []
    for report in reports:
        lead = f"{report.display_name()}: " if len(reports) > 1 else ""
        count = SUMMARY_SENTENCES if len(reports) == 1 else 1
        if report.judgement("overall") is None:
            _summarise_ungraded(result, report, count, lead)
        elif graded := _grade_evidence(report, "overall"):
            _explain(result, report, *graded, count, lead, reasons=False)
    if not result.sentences:
        result.refused = True
        result.refusal_reason = "The reports in scope have no judgements to summarise."


OVERALL_SENTENCES = 4  # what is wrong (or right) overall: the summary's first few points


def answer_overall(result: Answer, reports: list[Report], stance: str) -> None:
    """ "What was the biggest worry?", "What are the positives?": per report, the overall
    grade and what its summary says is wrong (or right), in the report's order, where
    inspectors put what matters most. Several reports get one point each."""
    result.citations, result.sentences = [], []
    count = OVERALL_SENTENCES if len(reports) == 1 else 1
    weak = stance == "weakness"
    for report in reports:
        if graded := _grade_evidence(report, "overall"):
            lead = f"{report.display_name()}: " if len(reports) > 1 else ""
            _explain(result, report, *graded, count, lead, shortfall=weak, praise=not weak)
    if not result.sentences:
        result.refused = True
        result.refusal_reason = "The reports in scope have no overall summary to answer from."


def _summarise_ungraded(result: Answer, report: Report, count: int, lead: str) -> None:
    """A report that gives no overall grade (from 2026, ILACS grade each area alone): the
    grade of each area, each cited, then the opening of its summary."""
    graded = [
        (j, p)
        for j in report.judgements
        if (p := ja.evidence_paragraph(report, j.area, j.evidence, j.grade)) is not None
    ]
    summary = [p for p in report.paragraphs if p.kind == "summary"]
    if not graded or not summary:
        return
    grades = "; ".join(_area_judged(report, j) for j, _p in graded)
    markers = [result.cite(p, ja.grade_quote(j, p)) for j, p in graded]
    text = f"{lead}The report gives no overall grade. Inspectors judged {grades}."
    result.sentences.append(AnswerSentence(text, list(dict.fromkeys(markers))))
    opening = [(p, s) for p in summary for s in p.sentence_texts()][:count]
    for p, sentence in opening:
        result.sentences.append(AnswerSentence(sentence, [result.cite(p, sentence)]))
    _unrefuse(result)


def _explain(
    result: Answer,
    report: Report,
    j: Judgement,
    evidence: Paragraph,
    count: int | None = None,
    lead: str = "",
    reasons: bool = True,
    shortfall: bool = False,
    praise: bool = False,
    state_grade: bool = True,
) -> None:
    """Adds to `result` the grade, cited, and the first `count` sentences of the area's
    section that do more than restate it; `lead` names the report when there are several.
    `shortfall`: only what is wrong, whatever the grade; `praise`: only what is right;
    `state_grade`: False when the answer has given the grade already."""
    count = count or current_weights().explain_sentences  # fitted, see evals/fit_weights.py
    graded, top = ja.area_paragraphs(report, j.area)
    # "Children's services in Northumberland require improvement" restates it too
    said = re.escape(j.grade.lower()).replace("requires", r"requir\w*")
    states_grade = re.compile(rf"\b{said}\b", re.I)
    # "The LSCB … is judged to be inadequate, as it is not discharging all of its statutory
    # functions": a sentence that gives the grade with its cause is the first reason.
    with_cause = re.compile(
        rf"\b{said}\b\W+(?:\w+\W+){{0,2}}?(?:because|as|due to|owing to)\b",
        re.I,
    )
    pool = graded or top or _after(report, evidence)
    weak_reasons = reasons and (j.grade in ja.WEAK or shortfall) and not praise
    pools = [pool]
    if weak_reasons or praise:
        # Ofsted gives a weak grade's reasons first: in the area's summary where it has one,
        # else in its opening paragraphs. The most critical sentence of a long section is
        # often one case's detail, not a reason for the grade. A summary that only states
        # the grade ("The effectiveness of the LSCB requires improvement") gives none.
        findings = [p for p in pool if p.kind != "recommendation"]
        # Where the opening only praises (the SIF's LSCB review lists its strengths first),
        # the section's concerns, in reading order.
        pools = [
            [p for p in pool if p.kind == "summary"],
            findings[:OPENING_PARAGRAPHS],
            findings[OPENING_PARAGRAPHS:],
        ]

    def explaining(paragraphs: list[Paragraph]) -> list[tuple[Paragraph, str]]:
        out = [
            (p, s)
            for p in paragraphs
            for s in p.sentence_texts()
            if (reasons and with_cause.search(s) or not states_grade.search(s))
            and len(s.split()) >= 6
            # "As a result, too many children …" leans on a sentence it would be shown without
            and not CONTINUATION.match(s)
            and not CONSEQUENCE.match(s)
        ]
        # The reasons for a weak grade are what the opening says is wrong, in reading order.
        if weak_reasons:
            return [ps for ps in out if ja.concern(ps[1]) > 0]
        # Praise is a sentence that finds nothing wrong: "… improved, although some plans are
        # not yet specific" is a concern too.
        return [ps for ps in out if ja.praises(ps[1])] if praise else out

    # The pools in order, each filling what the one before leaves: a summary of one reason
    # ("thresholds are better understood") is not the whole case for the grade.
    found = {(p.id, s): (p, s) for pool_ in pools for p, s in explaining(pool_)}
    sentences = list(found.values())
    sentences.sort(key=lambda ps: not with_cause.search(ps[1]))  # stable: reading order
    chosen: list[tuple[Paragraph, str]] = []
    for p, s in sentences:
        if len(chosen) == count:
            break
        # The SIF's summary and its section may each give the grade with its cause: once
        # is the answer's lead, twice restates it.
        if not (chosen and states_grade.search(s)):
            chosen.append((p, s))
    if not chosen:
        return
    if state_grade and not with_cause.search(chosen[0][1]):
        marker = result.cite(evidence, ja.grade_quote(j, evidence))
        result.sentences.append(AnswerSentence(f"{lead}{_judged(report, j)}.", [marker]))
    for p, sentence in chosen:
        result.sentences.append(AnswerSentence(sentence, [result.cite(p, sentence)]))
    _unrefuse(result)


def explain_grade(
    result: Answer, report: Report, area: str, shortfall: bool = False, praise: bool = False
) -> bool:
    """The reasons for `area`'s grade, after an answer that gave the grade ("What's the overall
    grade and why?"), or only what is wrong or right in its section (`shortfall`, `praise`);
    whether there were any."""
    graded = _grade_evidence(report, area)
    if graded is None:
        return False
    before = len(result.sentences)
    _explain(result, report, *graded, state_grade=False, shortfall=shortfall, praise=praise)
    return len(result.sentences) > before


def _grade_evidence(report: Report, area: str) -> tuple[Judgement, Paragraph] | None:
    """The judgement that covers `area` and the paragraph that states or explains it."""
    j = ja.judgement_for(report, area)
    evidence = j and ja.evidence_paragraph(report, j.area, j.evidence, j.grade)
    return (j, evidence) if evidence else None


def _after(report: Report, evidence: Paragraph) -> list[Paragraph]:
    """The paragraphs after a grade statement in its section: the SIF 2014's "Children's
    services in Newham requires improvement because:" and its list of reasons."""
    i = report.paragraphs.index(evidence)
    return [p for p in report.paragraphs[i + 1 :] if p.section[0] == evidence.section[0]]


def _unrefuse(result: Answer) -> None:
    result.refused, result.refusal_reason, result.related = False, "", []
