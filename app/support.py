"""What the refusal model reads: checks by question kind (a count needs a figure, a name a
name) and the question words no report in scope uses. The decision itself is fitted
(app/scorer.py, answerable)."""

from __future__ import annotations

import re
from functools import lru_cache

from index import ReportIndex, expansions
from index.glossary import TERMS
from index.terms import question_terms, question_words, terms

from .extractive import NAMES_A_QUANTITY, type_bonus

_COUNT_WORDS = re.compile(
    r"\b(how many|how much|what number|what percentage|what proportion|what share)\b", re.I
)


def asks_for_a_count(text: str) -> bool:
    """ "How many …?", or a question that names the quantity ("what's the vacancy rate?")."""
    return bool(_COUNT_WORDS.search(text) or NAMES_A_QUANTITY.search(text))


ASKS_FOR_A_NAME = re.compile(
    r"\b(name of|named|called|who (?:is|was) the|what(?:'s| is) (?:the )?[\w ]+?(?:'s)? name)\b",
    re.I,
)
# "Who's the DCS?", "Who is Trafford's director of children's services?": a person's role,
# so a person's name. "Who's the council working with?" asks for a partner, not a name.
PERSON_ROLE = (
    r"(?:director|dcs|chief executive|ceo|chair(?:man|woman|person)?|head|mayor|leader|"
    r"lead member|manager|principal social worker|commissioner|councillor|minister|"
    r"cabinet member|portfolio holder)"
)
ASKS_FOR_A_PERSON = re.compile(
    r"\bwho(?:'s|’s| is| was)\s+(?:the\s+|\w+(?:'s|’s)\s+)?"
    rf"(?:new\s+|current\s+|interim\s+|permanent\s+|independent\s+|acting\s+)?{PERSON_ROLE}\b",
    re.I,
)
# Two capitalised words, not opening the sentence: "Lorna Schlechte", "Margaret McInerney".
PROPER_NAME = re.compile(r"(?<!^)(?<![.] )\b([A-Z][a-z]+) (?:[A-Z]\. )?([A-Z][a-zA-Z'’-]{2,})\b")
# Capitalised words of roles, bodies and places: "Deputy Chief Executive", "Local Safeguarding
# Children Board" and "Tower Hamlets" are capitalised but name no person.
INSTITUTIONAL = set(
    """director directors deputy chief executive assistant head principal chair chairs
    independent mayor council councillor councillors cabinet member lead leader leaders member
    local safeguarding children childrens children's board boards partnership partnerships
    services service social care health police court family families young people borough
    county city district officer officers manager managers team teams virtual school schools
    agency adoption fostering national her majesty's majestys inspector inspectors inspectorate
    ofsted department education authority multi front door hub hubs panel panels trust group
    regional england english london north south east west central early help protection plan
    plans care quality commission commissioner government office strategic practice
    standards""".split()
)


# "Which university runs the teaching partnership?" needs an organisation's name.
ASKS_FOR_AN_ORGANISATION = re.compile(
    r"\b(?:which|what) (?:university|universities|charity|charities|organi[sz]ations?|"
    r"company|companies|provider|providers|college|consultancy|firm)\b",
    re.I,
)
# A capitalised word inside a sentence: "the University of Bolton", "Barnardo's".
CAPITALISED = re.compile(r"(?<!^)(?<![.:] )\b[A-Z][a-z][\w'’-]+")
MONTHS = set(
    "january february march april may june july august september october november december".split()
)


def names_an_organisation(text: str, council: str = "", question: str = "") -> bool:
    """Whether the sentence names a body of its own: a capitalised word that is no word of a
    role, a generic body, a month or the council's name ("Children's Services" is none). A
    university or college is named as one ("the University of Salford")."""
    kind = re.search(r"\b(universit|college)", question, re.I)
    if kind and not re.search(rf"\b{kind.group(1).capitalize()}", text):
        return False
    generic = INSTITUTIONAL | MONTHS | set(council.lower().split())
    return any(m.group().lower() not in generic for m in CAPITALISED.finditer(text))


def names_a_person(text: str, council: str = "") -> bool:
    """Whether the sentence gives a person's name: two capitalised words, neither a word of
    a role, a body or a place (the council's own name included)."""
    place = set(council.lower().split())
    for m in PROPER_NAME.finditer(text):
        words = {w.lower() for w in m.groups()}
        if not words & (INSTITUTIONAL | place):
            return True
    return False


def figure_near(best, question: str) -> bool:
    """Whether the best sentence, or the one after it ("For example, only 4.2% …"), gives a
    figure of the kind the question asks for: not a year, not a number the question itself
    gives ("homeless 16 and 17 year olds"), and a sum of money when it asks what was spent."""
    texts = best.hit.paragraph.sentence_texts()[best.index : best.index + 2]
    return any(type_bonus("number", t, question) for t in texts)


GLOSSARY_TERMS = {t for key in TERMS for t in terms(key)}
# Words that only frame the verdict asked for ("what are the weaknesses in …?"): a report that
# never says "weakness" may still answer, so their absence is no reason to refuse.
EVALUATIVE = set(
    terms(
        "weakness weaknesses weak strength strengths strong concern concerns problem problems "
        "issue issues good bad poor well badly worry worries positive negative "
        # "Is the MASH doing a good job?", "what's being done?": forms of "do" (a stopword),
        # and the job a service is asked to be doing well
        "doing done job "
        # what the report "mentions" or "talks about" frames the question too
        "mention mentions mentioned mentioning talk talks talked talking"
    )
)


@lru_cache(maxsize=4096)
def zipf(word: str) -> float:
    """How common the word is in everyday English, on the Zipf scale (wordfreq: 7 for "the",
    5 for a word met once in 100,000, 0 for one it has never seen)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def missing_shares(
    query: str, missing: set[str], weight, common_from: float
) -> tuple[float, float]:
    """The share of the question's words (rare ones weighing more) that no report uses, and
    the share of those that are also common in everyday English (Zipf >= `common_from`).
    "How often do they *hold* practice weeks?" and "what's the strategy *meant* to *run*
    for?" miss only generic words, which a report puts otherwise; "what's the *vacancy*
    rate?" misses the very thing asked about."""
    words = question_words(query)
    total = sum(weight(s) for _w, s in words) or 1.0
    missed = [(w, s) for w, s in words if s in missing]
    common = sum(weight(s) for w, s in missed if zipf(w) >= common_from)
    return sum(weight(s) for _w, s in missed) / total, common / total


def _scope_words(index: ReportIndex) -> set[str]:
    return {t for r in index.reports() for t in terms(r.council)}


def unknown_terms(query: str, report_ids, index: ReportIndex) -> list[str]:
    """Question words (beyond glossary terms and council names) that no indexed report uses.

    Glossary terms ("CLA") count as known: the glossary maps them onto the reports' words.
    """
    df = index.document_frequencies(report_ids)
    known = set(terms(" ".join(expansions(query)))) | _scope_words(index) | GLOSSARY_TERMS
    return [
        t
        for t in question_terms(query)
        if df.get(t, 0) == 0 and t not in known and t not in EVALUATIVE and not t.isdigit()
    ]
