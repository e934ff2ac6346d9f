"""Questions answered from the report's structure: a paragraph by its number, a
recommendation by its place, and the list of recommendations."""

from __future__ import annotations

import re

from ingest import Report

from .types import Answer, AnswerSentence, citation_for, related_for

ORDINALS = {
    w: i
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split(),
        start=1,
    )
}
PARAGRAPH_REF = re.compile(r"(?:\bparagraph|\bpara\.?|¶)\s*(\d{1,3})\b", re.I)
RECOMMENDATION_REF = re.compile(
    r"\brecommendation\s+(?:number\s+|no\.?\s*)?(\d{1,2})\b|"
    r"\b(" + "|".join(ORDINALS) + r"|last)\s+recommendation\b",
    re.I,
)


def numbered_paragraph(query: str, reports: list[Report]):
    """'What does paragraph 23 say?', 'recommendation 3', 'the first recommendation'."""
    if len(reports) != 1 or reports[0] is None:
        return None
    report = reports[0]
    m = PARAGRAPH_REF.search(query)
    if m:
        return next((p for p in report.paragraphs if p.number == int(m.group(1))), None)
    m = RECOMMENDATION_REF.search(query)
    if not m:
        return None
    recs = _recommendations(report)
    if m.group(1):
        n = int(m.group(1))
        numbered = next((p for p in recs if p.number == n), None)
        return numbered or (recs[n - 1] if 0 < n <= len(recs) else None)
    word = m.group(2).lower()
    if word == "last":
        return recs[-1] if recs else None
    n = ORDINALS[word]
    return recs[n - 1] if n <= len(recs) else None


def missing_number(query: str, report: Report) -> str | None:
    """Why a paragraph or recommendation asked for by number cannot be shown, or None when
    the question asks for none: 'Tower Hamlets 2017 has no paragraph 500: …'."""
    name = report.display_name()
    m = PARAGRAPH_REF.search(query)
    if m:
        numbers = [p.number for p in report.paragraphs if p.number is not None]
        if not numbers:
            return f"{name} does not number its paragraphs."
        return (
            f"{name} has no paragraph {m.group(1)}: its numbered paragraphs run from "
            f"{min(numbers)} to {max(numbers)}."
        )
    m = RECOMMENDATION_REF.search(query)
    if m:
        count = len(_recommendations(report))
        asked = m.group(1) or m.group(2).lower()
        return f"{name} makes {count} recommendations, so there is no recommendation {asked}."
    return None


LIST_OF_RECOMMENDATIONS = re.compile(
    r"\bwhat (?:are|were) (?:the |its |their )?(?:main |key )?recommendations\b|"
    r"\bwhat (?:needs?|has) to (?:improve|change)\b|\blist (?:the |all )?recommendations\b|"
    r"\bwhat (?:did|does) (?:the )?(?:report|ofsted|inspectors) recommend\??$",
    re.I,
)
MAX_LISTED = 6


def recommendation_list(query: str, reports: list[Report]) -> list:
    """'What were the recommendations?', 'What needs to improve?': the report's own list."""
    if len(reports) != 1 or reports[0] is None or not LIST_OF_RECOMMENDATIONS.search(query):
        return []
    board = re.search(r"\b(lscb|board|safeguarding children)\b", query, re.I)
    recs = [p for p in reports[0].paragraphs if p.kind == "recommendation"]
    board_recs = [p for p in recs if of_board(p)]
    chosen = board_recs if board and board_recs else [p for p in recs if p not in board_recs]
    return chosen[:MAX_LISTED]


def _recommendations(report: Report) -> list:
    """The local authority's own recommendations, numbered or in order."""
    return [p for p in report.paragraphs if p.kind == "recommendation" and not of_board(p)]


def of_board(paragraph) -> bool:
    """Whether a paragraph is in the Safeguarding Children Board's part of a SIF report, whose
    recommendations are its own and unnumbered."""
    return any("Safeguarding" in s for s in paragraph.section)


def answer_list(result: Answer, paragraphs) -> None:
    for marker, p in enumerate(paragraphs, start=1):
        first = p.sentence_texts()[0] if p.sentences else p.text
        result.citations.append(citation_for(marker, p, first))
        result.sentences.append(AnswerSentence(first, [marker]))
    result.retrieved = [related_for(p) for p in paragraphs[:5]]


def answer_paragraph(result: Answer, paragraph) -> None:
    result.citations.append(citation_for(1, paragraph, paragraph.text))
    for sentence in paragraph.sentence_texts():
        result.sentences.append(AnswerSentence(sentence, [1]))
    result.retrieved = [related_for(paragraph)]


INSPECTION_TEAM = re.compile(
    r"\bwho (?:were|are|was) (?:the )?inspectors\b|\binspection team\b|\bwho inspected\b|"
    r"\b(?:which|what) inspectors\b|\bteam inspectors\b|\bwho led (?:the|this) inspection\b|"
    r"\b(?:who|name)\b.*\blead inspectors?\b|\blead inspectors?\b.*\b(?:who|name|called)\b",
    re.I,
)
LEAD_INSPECTOR = re.compile(r"\blead inspector\s*:", re.I)


# "When was the inspection?", "when were inspectors in?", "what were the inspection dates?"
INSPECTION_WHEN = re.compile(
    r"\bwhen (?:was|were|did) (?:the |this |their |its |ofsted'?s? )*inspection\b"
    r"(?!\s+(?:and|board|of|team|service))|"
    r"\bwhen (?:was|were) (?:\w+ ){1,3}inspected\b|"
    r"\bwhen (?:did|were) (?:ofsted|(?:the )?inspectors?) (?:\w+ly )?"
    r"(?:visit|come|in\b|there|here|on site)|"
    r"\binspection dates?\b|\bdates? of (?:the |this )?inspection\b",
    re.I,
)
# Words for the inspection before this one: both components below read them, so that a
# question is never taken by one for this inspection and by the other for the one before.
BEFORE_THIS = r"last|previous(?:ly)?|prior|earlier"
# ... "when was the inspection?" stands aside for the inspection before this one.
EARLIER = re.compile(rf"\b(?:{BEFORE_THIS}|before|first)\b", re.I)
DATES_LINE = re.compile(r"\binspection dates?\s*:", re.I)


def inspection_dates(query: str, reports: list[Report]) -> list[tuple[Report, object, str]]:
    """'When was the inspection?': the dates the report's details give, per report."""
    if not INSPECTION_WHEN.search(query) or EARLIER.search(query):
        return []
    found = []
    for report in reports:
        first = next(_dates_lines(report), None)
        if first:
            found.append((report, *first))
    return found


def _dates_lines(report: Report):
    """(paragraph, sentence) of each line of the report's details that gives its dates."""
    for p in report.paragraphs:
        for text in p.sentence_texts():
            if DATES_LINE.search(text):
                yield p, text


# "When was it last inspected?", "what year was the previous ILACS inspection?", "when did
# Ofsted last visit before this inspection?": the inspection before this one.
ASKS_WHEN = re.compile(
    r"^\W*(?:and\s+)?(?:when|what year|which year|how long ago|what date)\b", re.I
)
PREVIOUS_VISIT = re.compile(
    rf"\b(?:{BEFORE_THIS})\s+(?:\w+\s+){{0,2}}?(?:inspect\w*|visit\w*)\b|"
    r"\b(?:ofsted|inspectors?)\s+(?:last|previously)\s+(?:inspected|visited|came)\b",
    re.I,
)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
JUDGED = re.compile(r"\bjudged\b", re.I)
# How ILACS reports name the inspection before theirs without "last" or "previous": "since
# the 2016 inspection", "the SIF inspection in 2014", "following the inspection of 2014",
# "the focused visit in May 2018".
DATED_VISIT = re.compile(
    r"\b(?:19|20)\d\d\s+(?:[A-Z]{2,5}\s+)?(?:inspection|focused visit|monitoring visit)\b|"
    r"\b(?:inspection|visit)\s+(?:\w+\s+){0,2}?(?:in|of)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b"
)


def previous_inspection(query: str, reports: list[Report]) -> list[tuple[Report, object, str]]:
    """'When was it last inspected?': per report, where it dates the inspection before this
    one. The SIF's details list each earlier inspection with its grade ("The previous
    inspection of … was in March 2012. The local authority was judged to be good."); the
    ILACS names it in passing ("Since the last inspection in 2014, …"), first in its summary."""
    if not (ASKS_WHEN.search(query) and PREVIOUS_VISIT.search(query)):
        return []
    found = []
    for report in reports:
        dated = []
        for p in report.paragraphs:
            texts = p.sentence_texts()
            for i, text in enumerate(texts):
                years = [int(y) for y in YEAR.findall(text)]
                if PREVIOUS_VISIT.search(text) and years and min(years) < report.year:
                    after = texts[i + 1] if i + 1 < len(texts) else ""
                    grade = f" {after}" if JUDGED.search(after) and not YEAR.search(after) else ""
                    dated.append((p, f"{text}{grade}"))
        facts = [d for d in dated if d[0].kind == "fact"]
        found += [(report, p, text) for p, text in (facts[:2] or dated[:1] or _dated(report))]
    return found


def _dated(report: Report) -> list[tuple[object, str]]:
    """The first sentence that dates an earlier inspection or visit by its year alone, before
    the year this inspection began (the details' dates line gives it: an inspection of
    December 2018 is published in 2019)."""
    began = min(
        [report.year, *(int(y) for _p, line in _dates_lines(report) for y in YEAR.findall(line))]
    )
    for p in report.paragraphs:
        for text in p.sentence_texts():
            if DATES_LINE.search(text):
                continue
            m = DATED_VISIT.search(text)
            if m and int(YEAR.search(m.group()).group()) < began:
                return [(p, text)]
    return []


def inspection_team(query: str, reports: list[Report]) -> list[tuple[Report, object, str]]:
    """'Who were the inspectors?': the SIF's inspection-team list, or the lead inspector the
    ILACS cover names (it prints no team), as (report, paragraph, sentence) per report."""
    if not INSPECTION_TEAM.search(query):
        return []
    found = []
    for report in reports:
        named = [p for p in report.paragraphs if LEAD_INSPECTOR.search(p.text)]
        named.sort(key=lambda p: "The inspection team" not in p.section)
        if named:
            sentence = next(s for s in named[0].sentence_texts() if LEAD_INSPECTOR.search(s))
            found.append((report, named[0], sentence))
    return found


def answer_details(result: Answer, found: list[tuple[Report, object, str]]) -> None:
    """A cited line or two per report from its details: the team, the dates, the inspection
    before; each line led by the report's name when there are several."""
    several = len({report.id for report, _p, _s in found}) > 1
    for marker, (report, paragraph, sentence) in enumerate(found, start=1):
        result.citations.append(citation_for(marker, paragraph, sentence))
        lead = f"{report.display_name()}: " if several else ""
        result.sentences.append(AnswerSentence(f"{lead}{sentence}", [marker]))
    result.retrieved = [related_for(p) for _r, p, _s in found[:5]]
