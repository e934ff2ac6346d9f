"""The numbers a question turns on must be in the paragraph that answers it.

"What is the population aged over 65?" is not answered by "65,000 children live in the
borough", nor "How many carers were recruited in 2016?" by a sentence about 2017.
"""

from __future__ import annotations

import re

# "2015–16" (and the repaired "201516") covers both years.
YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)[\u2013/-]?(\d\d)\b")
NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?")
# A number after a one-letter abbreviation: "s20" and "s.47" are the question's "section 20"
# and "section 47".
ABBREVIATED = re.compile(r"\b[a-z]\.?(\d+)\b", re.I)


def numbers_in(text: str) -> set[str]:
    found = {m.group().replace(",", "").rstrip(".") for m in NUMBER.finditer(text)}
    found |= {m.group(1) for m in ABBREVIATED.finditer(text)}
    for m in YEAR_RANGE.finditer(text):
        start = m.group(1)
        found |= {start, start[:2] + m.group(2)}
    return found


def missing_numbers(question: str, paragraph_text: str, ignore: set[str] = frozenset()) -> set[str]:
    """The question's numbers that the paragraph never states (`ignore`: the years that only
    chose which report to read)."""
    wanted = {m.group().replace(",", "") for m in NUMBER.finditer(question)} - ignore
    return wanted - numbers_in(paragraph_text) if wanted else set()
