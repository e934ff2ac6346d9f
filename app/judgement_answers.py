"""Questions about grades are answered from the extracted judgements, not from retrieval."""

from __future__ import annotations

import re

from ingest import Judgement, Paragraph, Report

AREA_WORDS = [
    ("adoption", r"adoption"),
    ("care_leavers", r"care leavers?|leaving care|care leaving|care-leavers?"),
    ("in_care", r"children (looked after|in care)|looked[- ]after|\bcla\b|\blac\b|in care"),
    ("help_and_protection", r"help and protection|need help|protection|child protection"),
    ("leadership", r"leadership|leaders|management and governance|impact of leaders"),
    # "LSCB", or a council's own initials for it ("WSCB"); "the safeguarding board"
    ("lscb", r"\b\w?scb\b|safeguarding (?:children )?board|the board"),
    ("overall", r"overall|overall effectiveness|children.s services"),
]
GRADE_QUESTION = re.compile(
    r"\b(grade[ds]?|judge(?:d|ment|ments)?|judgement|rated|rating|ofsted rating|"
    r"outcome of the inspection|overall effectiveness)\b",
    re.I,
)
GRADE_WORD_QUESTION = re.compile(
    r"^(is|are|was|were|did)\b(?P<subject>.{0,80}?)\b"
    r"(inadequate|good|outstanding|requires improvement)\b",
    re.I,
)
# "What did help and protection get?": what a judged area got is its grade (the subject is
# checked as above, so "what did care leavers get from the council?" is not one).
GRADE_GOT_QUESTION = re.compile(
    r"^\W*(?:so\s+|and\s+)?what (?:grade |rating |judgement )?(?:did|does|has|have) "
    r"(?P<subject>.{1,80}?) (?:get|got|score|scored|receive|received|achieve|achieved|"
    r"end up with)(?: (?:for|in|on) (?P<area>.{1,60}?))?\W*$",
    re.I,
)
AREA_TITLES = {
    "overall": "overall effectiveness",
    "help_and_protection": "the experiences and progress of children who need help and protection",
    "in_care": "the experiences and progress of children in care",
    "adoption": "adoption performance",
    "care_leavers": "the experiences and progress of care leavers",
    "leadership": "leadership",
    "lscb": "the Local Safeguarding Children Board",
}


# Words that may stand beside an area in "is/was <area> good?" without changing what is asked.
SUBJECT_FRAME = set(
    "the a an its their council local authority authority's services service experiences "
    "progress of for in at and children children's young people overall effectiveness "
    "any so really still judged rated considered found performance".split()
)


def is_grade_question(question: str) -> bool:
    if GRADE_QUESTION.search(question):
        return True
    # "Was leadership inadequate?" asks for a grade only when it names a judged area, and only
    # when the area is what it asks about: "are care leavers' pathway plans any good?" asks
    # about the plans, which the findings answer, not the area's grade.
    m = GRADE_WORD_QUESTION.search(question) or GRADE_GOT_QUESTION.search(question)
    if not m or not any(re.search(p, question.lower()) for _a, p in AREA_WORDS):
        return False
    # "What did Hampshire get for leadership?": the council's name is no word of the subject
    named = " ".join(m.groupdict().get(g) or "" for g in ("subject", "area"))
    subject = re.sub(r"\b[A-Z][\w'’-]*", " ", named).lower()
    for _a, pattern in AREA_WORDS:
        subject = re.sub(pattern, " ", subject)
    words = [w for w in re.findall(r"[a-z0-9']+", subject) if not w.endswith("'s")]
    return all(w.strip("'") in SUBJECT_FRAME for w in words)


def area_mentions(text: str) -> list[str]:
    """Every judged area whose words the text uses, in the order of AREA_WORDS."""
    return [area for area, pattern in AREA_WORDS if re.search(pattern, text, re.I)]


def areas_named(question: str) -> list[str]:
    """The judged areas a question names, without a default."""
    q = question.lower()
    found = area_mentions(q)
    if "help_and_protection" in found and "need help" not in q and len(found) > 1:
        found.remove("help_and_protection")  # "protection" was incidental to another area
    return found


def areas_asked(question: str) -> list[str]:
    """The areas whose grades a question asks for: '*' for all, 'overall' when it names none."""
    if re.search(
        r"\b(all|each|every|the) judgements\b|\bjudgements\b|\bgrades\b", question.lower()
    ):
        return ["*"]
    return areas_named(question) or ["overall"]


GRADE_WORDS = [
    ("Outstanding", r"outstanding"),
    ("Good", r"good"),
    ("Requires improvement", r"requir\w* improvement|\bri\b"),
    ("Inadequate", r"inadequate"),
]
NEGATION = re.compile(r"\b(not|never|no longer|isn't|aren't|wasn't|weren't)\b", re.I)


def stated_grade(question: str) -> tuple[str, str] | None:
    """(area, grade) a question takes as given: 'Why were services for care leavers
    inadequate?' -> ('care_leavers', 'Inadequate'). One area and one grade, not negated."""
    areas = areas_named(question)
    grades = _grades_named(question)
    if len(areas) != 1 or len(grades) != 1 or NEGATION.search(question):
        return None
    return areas[0], grades[0]


def grade_wanted(question: str) -> str | None:
    """'Which councils were judged outstanding?' asks for the reports with that grade."""
    if not re.search(
        r"\b(which|what) (councils?|reports?|authorit(y|ies)|areas?)\b|\bwho\b", question, re.I
    ):
        return None
    grades = _grades_named(question)
    return grades[0] if len(grades) == 1 else None


def _grades_named(question: str) -> list[str]:
    return [g for g, pattern in GRADE_WORDS if re.search(rf"\b(?:{pattern})\b", question, re.I)]


AREA_SECTIONS = {
    "overall": r"executive summary|overall effectiveness|^(?:section 1: )?the local authority$",
    "help_and_protection": r"children who need help and protection",
    "in_care": r"children looked after|children in care",
    "adoption": r"adoption",
    "care_leavers": r"care leavers",
    "leadership": r"leadership|impact of leaders",
    "lscb": r"local safeguarding children board",
}


def evidence_paragraph(report: Report, area: str, evidence: str, grade: str) -> Paragraph | None:
    """The paragraph that states a grade.

    In order: one quoting the extracted grade statement ("The graded judgement for adoption
    performance is that it requires improvement"); one of the area's section that says the area
    "is/are (judged to be) <grade>"; the first paragraph of the area's section. A heading alone
    ("Leadership, management and governance") is no statement: its words turn up in unrelated
    paragraphs, so it is never searched for.
    """
    word = grade.lower()
    key = _plain(evidence)
    if word in evidence.lower() and len(key.split()) > len(word.split()) + 2:
        # At a sentence's start: "Children's services in Tower Hamlets are inadequate" (the
        # cover) is not stated by "The leadership … of children's services in Tower Hamlets
        # are inadequate". The body first ("… requires improvement because:"), then the cover.
        body_first = sorted(report.paragraphs, key=lambda p: p.section[0] == "Report details")
        for p in body_first:
            if any(_plain(s).startswith(key) for s in p.sentence_texts()):
                return p
    graded, top = area_paragraphs(report, area)
    # The grade as a verdict, not as a word of a phrase: "… is judged good." states it,
    # "… for them to be good corporate parents" does not.
    verdict = re.compile(
        rf"\b(is|are|was|were|be|remains?|judged|rated)\s+(to be\s+|as\s+)?{re.escape(word)}"
        r"(?=\s*(?:[.,;:!)]|because\b|and\b|overall\b|to be good\b|$))",
        re.I,
    )
    pool = graded or top  # a graded sub-section's heading states the grade
    stating = [p for p in pool if verdict.search(p.text)]
    if stating:
        return stating[0]
    summary = [p for p in pool if p.kind == "summary"]
    if grade in WEAK and summary and concern(summary[0].text) >= 0:
        # The area's own summary opens with why it is not yet good ("Outcomes for children
        # looked after are not yet consistently good enough"): Ofsted's reasons, in brief.
        return summary[0]
    if grade in WEAK and pool:
        # Never a paragraph of praise for a weak grade: the one that says most of what is
        # wrong gives the grade's reasons (the earliest, on a tie).
        return max(pool, key=lambda p: (concern(p.text), -pool.index(p)))
    return (pool or [None])[0]


WEAK = ("Requires improvement", "Inadequate")
# What inspectors write when something is wrong, and when it is right.
CONCERN = re.compile(
    r"\b(not|no|too|poor(?:ly)?|weak(?:ness|nesses)?|inconsistent(?:ly)?|delays?|delayed|lack|"
    r"insufficient(?:ly)?|limited|variable|shortfall|drift|fail\w*|gaps?|deficit|unclear|"
    r"needs? to|require\w*|concern\w*|slow|late|unable|few|vacanc\w+|inadequate\w*|"
    r"ineffective\w*|deteriorat\w*)\b",
    re.I,
)
PRAISE = re.compile(
    r"\b(good|strong(?:ly)?|effective(?:ly)?|well|outstanding|excellent|positive(?:ly)?|"
    r"timely|appropriate(?:ly)?|improved|thorough|comprehensive|robust)\b",
    re.I,
)


def concern(text: str) -> int:
    """How much a paragraph says is wrong, less what it says is right ("not yet consistently
    good enough" is no praise)."""
    praise = [m for m in PRAISE.finditer(text) if not NEGATED.search(text[: m.start()][-30:])]
    return len(CONCERN.findall(text)) - len(praise)


def praises(text: str) -> bool:
    """Says something is right and nothing that is wrong."""
    return concern(text) < 0 and not CONCERN.search(text)


NEGATED = re.compile(r"\bnot\b(?:\s+\w+){0,3}\s*$", re.I)


def explains_weak_grade(p: Paragraph, grade: str) -> bool:
    """Whether a paragraph can stand as the reason for a weak grade: it states the grade or
    says more about what is wrong than about what is right."""
    return grade.lower() in p.text.lower() or concern(p.text) > 0


def grade_quote(j: Judgement, p: Paragraph) -> str:
    """What to highlight in the paragraph citing a grade: the grade statement if the paragraph
    has it, else its first sentence."""
    return j.evidence if j.evidence.lower() in p.text.lower() else p.sentence_texts()[0]


def _plain(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


# The SIF's graded sub-sections: "The graded judgement (or judgment) for adoption …".
GRADED_SUBSECTION = re.compile(r"^the graded judge?ment", re.I)


def area_paragraphs(report: Report, area: str) -> tuple[list[Paragraph], list[Paragraph]]:
    """The area's graded sub-section (adoption, care leavers in the SIF) and its own top
    section; never a fact list that merely mentions the area ("Children looked after in this
    area")."""
    pattern = re.compile(AREA_SECTIONS[area], re.I)
    graded = [
        p
        for p in report.paragraphs
        if len(p.section) > 1
        and GRADED_SUBSECTION.match(p.section[1])
        and pattern.search(p.section[1])
    ]
    top = [
        p
        for p in report.paragraphs
        if pattern.search(p.section[0])
        and not p.section[0].lower().startswith("information")
        and p.kind != "fact"
    ]
    return graded, top


def _leavers_with_in_care(report: Report) -> bool:
    """ILACS reports of 2018-2023 judge care leavers with children in care ("… of children in
    care and care leavers"); later ones judge them apart."""
    return report.framework == "ILACS" and report.judgement("care_leavers") is None


def judgement_for(report: Report, area: str) -> Judgement | None:
    """The judgement that covers `area` in this report."""
    if area == "care_leavers" and _leavers_with_in_care(report):
        return report.judgement("in_care")
    return report.judgement(area)


def title_in(report: Report, area: str) -> str:
    """The area as this report's template names it."""
    if area == "in_care" and _leavers_with_in_care(report):
        return "the experiences and progress of children in care and care leavers"
    return area_title(area, report.framework)


def area_title(area: str, framework: str) -> str:
    """The area as the report's own template names it."""
    if area == "leadership":
        return (
            "the impact of leaders on social work practice with children and families"
            if framework == "ILACS"
            else "leadership, management and governance"
        )
    return AREA_TITLES[area]


def grade_label(grade: str) -> str:
    """The grade as Ofsted's cover names it: 'requires improvement to be good', 'good'."""
    return "requires improvement to be good" if grade == "Requires improvement" else grade.lower()


def verdict(grade: str) -> str:
    """'judged inadequate', 'judged to require improvement to be good', ..."""
    if grade == "Requires improvement":
        return "judged to require improvement to be good"
    return f"judged {grade.lower()}"
