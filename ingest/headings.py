"""The headings of Ofsted's children's services templates (SIF 2014-18, ILACS 2018 on).

Headings are matched against a known vocabulary rather than guessed from layout, because the
damaged text extraction keeps no fonts and many body lines are short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GRADE_WORDS = r"(outstanding|good|requires? improvement(?: to be good)?|inadequate)"
GRADE_LINE = re.compile(rf"^\s*{GRADE_WORDS}\s*$", re.I)
# "… governance Inadequate", "…: Good", and the 2014 and 2018-19 phrasings "… governance are
# good", "… with children and families is inadequate", "… families is: Good".
TRAILING_GRADE = re.compile(
    rf"(?:\s*:\s*|\s+)(?:(?:is|are)(?:\s*:\s*|\s+))?{GRADE_WORDS}\.?\s*$", re.I
)

# Areas whose full heading text may wrap over several lines. Values are judgement area keys.
AREA_HEADINGS = {
    "the experiences and progress of children who need help and protection": "help_and_protection",
    "the experiences and progress of children looked after and achieving permanence": "in_care",
    "the experiences and progress of children in care and care leavers": "in_care",
    "the experiences and progress of children in care": "in_care",
    "the experiences and progress of care leavers": "care_leavers",
    "the impact of leaders on social work practice with children and families": "leadership",
    "leadership, management and governance": "leadership",
    "the local safeguarding children board (lscb)": "lscb",
    "the local safeguarding children board": "lscb",
}
_WRAPPING_STARTS = (
    "the experiences and progress of",
    "the experience and progress of",  # Oldham 2019 prints it so
    "the impact of leaders on",
)

TOP_LEVEL = [
    re.compile(p, re.I)
    for p in (
        r"^executive summary$",
        r"^the local authority$",
        r"^information about this local authority area$",
        r"^recommendations$",
        r"^summary for children and young people$",
        r"^information about this inspection$",
        r"^what needs to improve( in this local authority)?\??$",
        r"^section \d+: .{5,80}$",
        r"^inspection judgements about the (local authority|lscb)$",
        r"^what the inspection judge?ments mean.{0,40}$",
        r"^information about this local authority$",
        r"^review of the effectiveness of the local safeguarding children board$",
    )
]
# A top section that reviews the LSCB: "Section 2: The effectiveness of the Local Safeguarding
# Children Board" (SIF 2014-15). Its grade follows as "The effectiveness of the LSCB is …".
LSCB_SECTION = re.compile(r"^section \d+: .*(local safeguarding children board|lscb)", re.I)
SUB_LEVEL = [
    re.compile(p, re.I)
    for p in (
        r"^summary$",
        r"^inspection findings(\s*[-\u2013]?\s*the local safeguarding children board)?$",
        r"^previous ofsted inspections$",
        r"^local leadership$",
        r"^children living in this area$",
        r"^child protection in this area$",
        r"^children looked after in this area$",
        r"^children in care in this area$",
        r"^the inspection team$",
        r"^(areas for improvement:?|what does the (local authority|lscb) need to improve\?)$",
        r"^(summary of findings|the lscb)$",
        # SIF 2014-15: the summary's parts, the LSCB review's parts, the area facts' last part.
        r"^summary of key findings$",
        r"^the local authority(.s strengths| has the following strengths:?)$",
        r"^progress since the last inspection$",
        r"^priority and immediate action$",
        r"^inspection judgement about the lscb$",
        r"^key strengths and weaknesses of the ([a-z]{0,5}scb|local safeguarding .{5,40})$",
        r"^other (information about this area|ofsted inspections)$",
    )
]
# A heading that wraps: its first line ends on a word no title ends on ("… of the Local
# Safeguarding" / "Children Board", "… judgements mean: the local" / "authority").
WRAPPED_END = re.compile(r"\b(the|of|and|for|in|on|local|safeguarding|children.s)$", re.I)
# "The graded judgement about adoption performance is that it is good"; the 2014 template
# spells it "judgment" and drops "that it": "… for adoption performance is inadequate".
GRADED_SUBSECTION = re.compile(
    r"^the graded judge?ment (for|about) (?P<what>.+?) is (?:that it )?(?P<grade>"
    r"requires improvement(?: to be good)?|is good|is outstanding|is inadequate|"
    r"good|outstanding|inadequate)\.?$",
    re.I,
)
SUBSECTION_AREAS = {"adoption": "adoption", "care leavers": "care_leavers"}
# Sub-sections whose title stays in the path under an LSCB top section.
LSCB_SUBSECTIONS = re.compile(r"^(executive summary|recommendations)$", re.I)


@dataclass(frozen=True)
class Heading:
    title: str
    level: int  # 1 = top section, 2 = sub-section, 3 = a minor heading inside a sub-section
    area: str | None = None  # judgement area this heading introduces
    grade: str | None = None  # grade printed with the heading, if any
    lines_used: int = 1


def clean(text: str) -> str:
    """Strip footnote markers glued to a heading ("area2", "What needs to improve?1") and
    collapse white space."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<=[a-z)?])\d$", "", text)


def canonical_grade(words: str) -> str:
    w = words.lower().strip()
    if w.startswith("require"):
        return "Requires improvement"
    return {"good": "Good", "outstanding": "Outstanding", "inadequate": "Inadequate"}[w]


def _split_grade(text: str) -> tuple[str, str | None]:
    m = TRAILING_GRADE.search(text)
    if m and text[: m.start()].strip():
        return text[: m.start()].strip(), canonical_grade(m.group(1))
    return text, None


def match_heading(lines: list[str], i: int) -> Heading | None:
    """The heading starting at lines[i], or None. Multi-line area headings are joined."""
    first = clean(lines[i])
    if not first or len(first) > 120:
        return None
    low = first.lower()
    wrapped = _wrapped_title(lines, i)
    for title, used in ((wrapped, 2), (first, 1)) if wrapped else ((first, 1),):
        for pattern in TOP_LEVEL:
            if pattern.match(title):
                area = "lscb" if LSCB_SECTION.match(title) else None
                return Heading(title, 1, area, lines_used=used)
        for pattern in SUB_LEVEL:
            if pattern.match(title):
                return Heading(title.rstrip(":"), 2, lines_used=used)
    graded = _graded_subsection(lines, i)
    if graded:
        return graded
    if low.startswith(_WRAPPING_STARTS) or _area_for(_split_grade(first)[0]) or _opens_area(low):
        return _area_heading(lines, i)
    return None


def _wrapped_title(lines: list[str], i: int) -> str | None:
    """The first line joined to a short second one when the first stops mid-title."""
    first = clean(lines[i])
    if i + 1 >= len(lines) or not WRAPPED_END.search(first):
        return None
    second = clean(lines[i + 1])
    if not second or len(second) > 40 or second[-1:] in ".;,":
        return None
    return f"{first} {second}"


def _opens_area(low: str) -> bool:
    """'Leadership, management and' wrapped before 'governance Inadequate' (Croydon 2017):
    the start of an area heading; _area_heading then insists on the whole of it."""
    start = _key(low)
    return len(start) >= 12 and any(h.startswith(start) for h in AREA_HEADINGS)


def _key(text: str) -> str:
    low = text.lower().rstrip(":").strip()
    return re.sub(r"^the experience and", "the experiences and", low)


def _area_for(text: str) -> str | None:
    return AREA_HEADINGS.get(_key(text))


# A heading whose verdict runs onto the next line: "… need help and protection is:" / "Good",
# "… care leavers: requires" / "improvement to be good".
DANGLING = re.compile(r"(?:\s*:\s*|\s+)(?:(?:is|are)\b\s*:?\s*)?(?P<start>requires?)?$", re.I)


VERDICT_LINE = re.compile(rf"^(?:is|are)\s*:?\s*{GRADE_WORDS}\.?$", re.I)


def _area_heading(lines: list[str], i: int) -> Heading | None:
    joined, grade, used = "", None, 0
    best: Heading | None = None
    for j in range(i, min(i + 4, len(lines))):
        part = clean(lines[j])
        if not part:
            if used:
                continue
            return None
        verdict = VERDICT_LINE.match(part) if best else None
        if verdict and grade is None:
            # SIF 2014: "… children who need help and protection" / "are inadequate".
            return Heading(best.title, 1, best.area, canonical_grade(verdict.group(1)), used + 1)
        text, part_grade = _split_grade(part)
        dangling = None
        m = DANGLING.search(text) if part_grade is None else None
        if m and text[: m.start()].strip():
            dangling, text = m.group("start") or "", text[: m.start()]
        candidate = f"{joined} {text}".strip()
        if not any(h.startswith(_key(candidate)) for h in AREA_HEADINGS):
            break
        joined, used = candidate, j - i + 1
        grade = part_grade or grade
        area = _area_for(joined)
        if area:
            if dangling is not None and grade is None:
                grade, extra = _grade_after(lines, j + 1, dangling)
                used += extra
            best = Heading(joined.rstrip(":"), 1, area, grade, used)
            if dangling is not None:
                break
    return best


def _grade_after(lines: list[str], k: int, start: str) -> tuple[str | None, int]:
    """The grade on the line(s) after a dangling 'is:' or 'requires', and how many it takes."""
    following = [clean(lines[n]) for n in range(k, min(k + 2, len(lines)))]
    for taken in (2, 1):
        if len(following) < taken:
            continue
        m = GRADE_LINE.match(" ".join([start, *following[:taken]]).strip())
        if m:
            return canonical_grade(m.group(1)), taken
    return None, 0


def _graded_subsection(lines: list[str], i: int) -> Heading | None:
    first = clean(lines[i])
    if not re.match(r"the graded judge?ment", first, re.I):
        return None
    joined = first
    for j in range(i, min(i + 3, len(lines))):
        if j > i:
            joined = f"{joined} {clean(lines[j])}".strip()
        m = GRADED_SUBSECTION.match(joined)
        if m:
            what = m.group("what").lower()
            area = next((a for k, a in SUBSECTION_AREAS.items() if k in what), None)
            grade = canonical_grade(m.group("grade").replace("is ", ""))
            return Heading(joined.rstrip("."), 2, area, grade, j - i + 1)
    return None


def is_grade_line(text: str) -> str | None:
    m = GRADE_LINE.match(text)
    return canonical_grade(m.group(1)) if m else None
