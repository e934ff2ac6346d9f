"""The grounded extractive answerer: the report's own sentences, chosen and ordered to answer.

Each sentence of a retrieved paragraph is scored by meaning (precomputed MiniLM vectors), by
the question's words it contains, and by whether it has what the question type asks for (a
number for "how many", a date for "when", a cause for "why").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from index import Hit
from index.glossary import synonym_pairs
from index.terms import question_terms, terms

NEAR_DUPLICATE = 0.9  # cosine above which two sentences say the same thing
SYNONYM_CREDIT = 0.8  # a glossary synonym counts for this share of the word it stands for
MIN_NOVELTY = 0.34  # share of a further sentence's words that the answer does not have yet

NUMBER = re.compile(
    r"\b\d[\d,.]*%?|\b(one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|twenty|thirty|hundred|"
    # counts in words: "over half of children", "no children are waiting", "a minority"
    r"half|a third|a quarter|majority|minority|none|no (?:children|child|young people|one))\b",
    re.I,
)
DATE = re.compile(
    r"\b(19|20)\d\d\b|\b(january|february|march|april|may|june|july|august|"
    r"september|october|november|december|spring|summer|autumn|winter)\b",
    re.I,
)
CAUSE = re.compile(
    r"\b(because|as a result|due to|owing to|therefore|consequently|this means|"
    r"which means|so that|leading to|leaves|leaving|as)\b",
    re.I,
)
PERSON = re.compile(
    r"\b(inspector|chair|director|dcs|chief executive|member|manager|officer|"
    r"[A-Z][a-z]+ [A-Z][a-z]+)\b"
)


@dataclass
class Scored:
    hit: Hit
    index: int  # sentence index within the paragraph
    text: str
    vector: np.ndarray
    score: float
    similarity: float
    overlap: float


# "What's the average caseload?", "what is the vacancy rate?": a figure asked for by naming
# the quantity rather than with "how many".
NAMES_A_QUANTITY = re.compile(
    r"\bwhat(?:'s|\u2019s| is| was| are| were)? (?:the |their |its )?(?:[\w'\u2019-]+ ){0,4}?"
    r"(?:rate|average|percentage|proportion|ratio|budget|total|spend|figure)s?\b",
    re.I,
)


def question_type(question: str) -> str:
    q = question.lower()
    if re.search(
        r"\b(how many|how much|what number|what percentage|what proportion|"
        r"what rate|how long|how often|what share|how quickly|what was the rate)\b",
        q,
    ) or NAMES_A_QUANTITY.search(q):
        return "number"
    # "When …?" asks for a date; "what happens when children go missing?" does not.
    if re.search(
        r"^(and |so )?when\b|\b(what date|which year|what year|since when|how recently)\b", q
    ):
        return "date"
    # "Who leads …?", "… and who is the chair?"; not "children who are placed with parents".
    if re.search(
        r"^\W*(?:and |so |but )?(?:who|whose)\b|\bwho (?:is|was|are|were) (?:the|their|its)\b|"
        r"\b(?:which inspector|led by)\b",
        q,
    ):
        return "who"
    if re.search(r"\bwhy\b|\breason", q):
        return "why"
    return "general"


Synonyms = list[tuple[frozenset[str], frozenset[str]]]


def synonyms_of(question: str) -> Synonyms:
    """Glossary pairs as stemmed terms: ({'serious', 'case', 'review'}, {'scr'})."""
    return [
        (frozenset(terms(term)), frozenset(terms(alt)))
        for term, alt in synonym_pairs(question)
        if terms(term) and terms(alt)
    ]


def lexical_overlap(
    question_words: set[str],
    sentence: str,
    synonyms: Synonyms = (),
    weight=lambda _term: 1.0,
) -> float:
    """Share of the question's words in the sentence, each word weighted (by rarity, when a
    weight is given). A sentence that says a question phrase another way ('SCRs' for 'serious
    case reviews') matches all the words of that phrase, a little less than the same words
    would: the report's own wording, where it has it, is the closer answer."""
    if not question_words:
        return 0.0
    words = set(terms(sentence))
    matched = question_words & words
    by_synonym: set[str] = set()
    for said, other in synonyms:
        if other <= words:
            by_synonym |= (said & question_words) - matched
    total = sum(weight(t) for t in question_words)
    found = sum(weight(t) for t in matched) + SYNONYM_CREDIT * sum(weight(t) for t in by_synonym)
    return found / total


YEAR = re.compile(r"^(19|20)\d\d$")
# Numbers that name something rather than count it: "section 47 enquiries", "key stage 4",
# "tier 3 services". A "how many" question is not answered by them.
LABELLED = re.compile(
    r"\b(section|sections|article|regulation|schedule|paragraph|page|part|chapter|tier|"
    r"stage|level|step|phase|standard|year)\s+$"
    # ...or an age: "before turning 18", "care leavers aged over 21".
    r"|\b(aged?|ages|turn|turns|turned|turning)(\s+(over|under|between|up to))?\s+$",
    re.I,
)
AGED = re.compile(
    r"^(-| )?years?[- ]olds?\b|^(st|nd|rd|th) birthday"
    # ...or the day of a date: "3 February 2020" dates something, it counts nothing.
    r"|^(st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\b",
    re.I,
)


# A number question that asks for a unit wants a figure in that unit: "how long …?" a span of
# time, "how often …?" a frequency, "what proportion …?" a share.
_SPAN = (
    r"\b(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|a few|several|a|an)\s*(?:working\s+)?"
    r"(?:hours?|days?|weeks?|months?|years?)\b"
)
UNIT_ASKED = (
    (re.compile(r"\bhow (?:long|quickly|soon)\b", re.I), re.compile(_SPAN, re.I)),
    (
        re.compile(r"\bhow often\b|\bhow frequently\b", re.I),
        re.compile(
            r"\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|every|each (?:day|week|"
            r"month|year)|times (?:a|per)|per (?:day|week|month|year))\b|" + _SPAN,
            re.I,
        ),
    ),
    (
        # "How much did they spend on …?", "what is the LSCB budget?": a sum of money.
        re.compile(
            r"\bhow much\b.*\b(?:money|fund(?:s|ing|ed)?|spen[dt]|spending|invest(?:ed|ment)?|"
            r"costs?|budget|paid|pay)\b|\bwhat(?:'s|\u2019s| is| was)? (?:the |their |its )?"
            r"(?:[\w'\u2019-]+ ){0,4}?(?:budget|spend|cost)s?\b",
            re.I,
        ),
        re.compile(r"£|\b(?:million|billion)\b|\b\d[\d.,]*\s?(?:m|bn|k)\b", re.I),
    ),
    (
        re.compile(r"\b(?:percentage|proportion|what rate|what share|what per ?cent)\b", re.I),
        re.compile(
            r"%|\bper ?cent\b|\bper 10,?000\b|\b(?:half|a third|a quarter|majority|minority)\b",
            re.I,
        ),
    ),
)


def type_bonus(qtype: str, sentence: str, question: str = "") -> float:
    """1 when the sentence has what the question type asks for. A "how many" question wants a
    count: not a year, and not a number the question itself gave ("… in 2020?"); one that
    asks for a unit ("how long …?") wants a figure in it."""
    if qtype == "number":
        for asked, unit in UNIT_ASKED:
            if asked.search(question):
                return 1.0 if unit.search(sentence) else 0.0
        # As many times as the question gives it: "In the past 12 months there have been 12
        # adoptions" still gives a count for "how many adoptions in the past 12 months?".
        given = Counter(m.group().rstrip(".,").lower() for m in NUMBER.finditer(question))
        counts = Counter(
            n.lower()
            for m in NUMBER.finditer(sentence)
            if not YEAR.match(n := m.group().rstrip(".,"))
            and not LABELLED.search(sentence[max(0, m.start() - 20) : m.start()])
            and not AGED.match(sentence[m.end() : m.end() + 12])
        )
        return 1.0 if counts - given else 0.0
    pattern = {"date": DATE, "why": CAUSE, "who": PERSON}.get(qtype)
    return 1.0 if pattern is not None and pattern.search(sentence) else 0.0


ASKS_FOR_RECOMMENDATION = re.compile(
    # "what did inspectors recommend?", not "would adopters recommend the council?"
    r"\brecommendation|\brecommended\b|\b(?:ofsted|inspectors?|they|report) recommends?\b|"
    r"\bneeds? to improve|\bshould\b|\bwhat must\b|\bimprovements? needed\b",
    re.I,
)
# Continuations that only make sense after the sentence before them ("This is an increase
# from 298"): read with their lead sentence, never alone.
CONTINUATION = re.compile(
    r"^(this|these|it|that|however|although this|for example|as a result)\b", re.I
)


INSPECTORS_ON = re.compile(
    r"\binspectors? (say|said|find|found|think|thought|report|reported|describe|described|"
    r"conclude|concluded|note|noted|make of|see|saw)\b",
    re.I,
)


def rarity(document_frequencies: dict[str, int]):
    """An IDF-style weight: 'dashboard' (rare) counts for more than 'board' (everywhere)."""
    n = max(document_frequencies.values(), default=1)
    return lambda term: math.log(1 + n / (1 + document_frequencies.get(term, 0)))


# Openings that lean on the sentence before: "It identifies …", "However, PAs describe …".
ANAPHOR = re.compile(r"^(it|this|these|they|he|she|its|their|such|however|but)\b", re.I)
CONSEQUENCE = re.compile(r"^(consequently|as a result|therefore|thus|this means)\b", re.I)


def novelty(text: str, chosen: list[Scored]) -> float:
    """The share of the sentence's words that none of the chosen sentences has."""
    words = set(terms(text))
    if not words:
        return 0.0
    known = {t for c in chosen for t in terms(c.text)}
    return len(words - known) / len(words)


# Where a long sentence may be cut: before a further clause that adds to what it has said.
CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?=(?:and|but|although|though|while|whereas|which|so that|leaving|meaning|"
    r"resulting in)\b)|\s+(?=and this means\b)"
)
LONG_SENTENCE = 30  # words
MIN_CLAUSE = 8  # words
# An opening clause must have a verb of its own, not be a noun phrase cut off before one
# ("The determined work of the manager, appointed in September 2016, …").
FINITE_VERB = re.compile(
    r"\b(is|are|was|were|has|have|had|do|does|did|can|cannot|could|will|would|should|must|"
    r"may|might|remains?|needs?)\b",
    re.I,
)


def trim_to_clause(text: str, question: str, imperative: bool = False) -> str:
    """The sentence's opening clause, when it alone answers the question.

    Only long sentences are cut, never for a "why" question (the cause is often the later
    clause), and only where the opening clause keeps every question word the sentence has and
    the number or date the question asks for, and has a verb (`imperative`: a recommendation,
    whose verb opens it). The words stay the report's.
    """
    qtype = question_type(question)
    if qtype == "why" or len(text.split()) <= LONG_SENTENCE:
        return text
    qwords = set(question_terms(question))
    synonyms = synonyms_of(question)
    full = lexical_overlap(qwords, text, synonyms)
    for m in CLAUSE_BREAK.finditer(text):
        head = text[: m.start()].rstrip(" ,;")
        if len(head.split()) < MIN_CLAUSE or head.count("(") != head.count(")"):
            continue
        if not imperative and not FINITE_VERB.search(head):
            continue
        if lexical_overlap(qwords, head, synonyms) < full:
            continue
        if type_bonus(qtype, text, question) and not type_bonus(qtype, head, question):
            continue
        return head
    return text


def _same(a: Scored, b: Scored) -> bool:
    return a.hit.paragraph.id == b.hit.paragraph.id and a.index == b.index


def _neighbour(lead: Scored, scored: list[Scored], offset: int) -> Scored | None:
    return next(
        (
            s
            for s in scored
            if s.hit.paragraph.id == lead.hit.paragraph.id and s.index == lead.index + offset
        ),
        None,
    )
