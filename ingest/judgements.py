"""Graded judgements: from the cover table where it survived, else from headings and sentences."""

from __future__ import annotations

import re

from .blocks import Block
from .headings import GRADE_WORDS, canonical_grade
from .models import Judgement

_G = GRADE_WORDS
# Cover-table rows, matched on the cover text joined into one line (rows wrap unpredictably).
COVER_ROWS = [
    (
        "leadership",
        rf"impact of leaders on social work practice with children and families:?\s*{_G}",
    ),
    ("help_and_protection", rf"children who need help and protection:?\s*{_G}"),
    ("in_care", rf"children in care and care leavers:?\s*{_G}"),
    ("in_care", rf"children in care:?\s*{_G}"),
    ("care_leavers", rf"progress of care leavers:?\s*{_G}"),
    ("in_care", rf"children looked after and achieving permanence:?\s*{_G}"),
    ("adoption", rf"adoption performance:?\s*{_G}"),
    ("care_leavers", rf"experiences and progress of care leavers:?\s*{_G}"),
    ("leadership", rf"leadership, management and governance:?\s*{_G}"),
    ("lscb", rf"local safeguarding children board:?\s*{_G}"),
    ("overall", rf"overall effectiveness:?\s*{_G}"),
]
# Sentences that state a judgement in running text.
# The SIF 2014-15 cover and summary say "The overall judgement is inadequate", "This local
# authority is good because", "The effectiveness of the LSCB is good".
STATEMENTS = [
    ("overall", rf"children.s services in [A-Z][\w ,'&-]{{1,60}}? (?:are |is )?{_G}"),
    ("overall", rf"the overall judgement is {_G}"),
    ("overall", rf"this local authority (?:is )?{_G}(?= because| and |\s*[.:]|\s*$)"),
    ("lscb", rf"the local safeguarding children board (?:\(lscb\) )?is {_G}"),
    ("lscb", rf"the lscb in [A-Z][\w -]{{1,40}} is judged to be {_G}"),
    (
        "lscb",
        rf"the effectiveness of the (?:lscb|local safeguarding children board(?: \(lscb\))?)"
        rf" (?:is )?{_G}",
    ),
]


def _grade(words: str) -> str:
    return canonical_grade(re.sub(r"^(is|are)\s+", "", words.strip(), flags=re.I))


def from_cover(cover_text: str) -> list[Judgement]:
    text = re.sub(r"\s+", " ", cover_text)
    found: dict[str, Judgement] = {}
    for area, pattern in COVER_ROWS:
        if area in found:
            continue
        m = re.search(pattern, text, re.I)
        if m:
            found[area] = Judgement(area, _grade(m.group(1)), m.group(0).strip())
    for area in ("overall", "lscb"):
        stated = _statement(text, area)
        if stated and area not in found:
            found[area] = stated
    return list(found.values())


def _statement(text: str, area: str) -> Judgement | None:
    for key, pattern in STATEMENTS:
        if key != area:
            continue
        m = re.search(pattern, text, re.I)
        if m:
            return Judgement(area, _grade(m.group(1)), m.group(0).strip())
    return None


def from_body(blocks: list[Block]) -> list[Judgement]:
    """Grades printed with section headings, a grade line under a heading, or a statement."""
    found: dict[str, Judgement] = {}
    pending = None  # the area heading whose grade may follow on its own line
    for block in blocks:
        if block.kind == "heading" and block.heading:
            h = block.heading
            if h.area and h.grade:
                found.setdefault(h.area, Judgement(h.area, h.grade, h.title))
                pending = None
            else:
                pending = h if h.area else None
            continue
        if block.kind == "grade" and pending and block.grade:
            found.setdefault(pending.area, Judgement(pending.area, block.grade, pending.title))
            pending = None
            continue
        pending = None
        for area in ("overall", "lscb"):
            if area not in found:
                j = _statement(block.text, area)
                if j:
                    found[area] = j
    return list(found.values())


def merge(cover: list[Judgement], body: list[Judgement]) -> list[Judgement]:
    """The cover table wins; the body fills the areas it lacks. Ordered as the areas are listed."""
    from .models import AREAS

    by_area = {j.area: j for j in body}
    by_area.update({j.area: j for j in cover})
    return [by_area[a] for a in AREAS if a in by_area]
