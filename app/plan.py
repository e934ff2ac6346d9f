"""Question -> QuestionPlan: what is asked, in how many parts, of what kind, about which areas.

The plan is made once per question; retrieval, scoring and the answer components read it
instead of matching the question text again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.terms import META, question_terms, question_words, terms

from . import judgement_answers as ja
from .conversation import content_words
from .extractive import ASKS_FOR_RECOMMENDATION, question_type
from .support import EVALUATIVE as SUPPORT_EVALUATIVE

# Where a question asks a second thing: "How many children are on plans and are the plans
# good enough?", "Why are outcomes poor, and what is the council doing about it?".
PART_BREAK = re.compile(
    r"(?:\s*,\s*|\s+)(?:and|but|also|plus)\s+(?=(?:what|why|how|when|who|which|where|whether|"
    r"is|are|was|were|do|does|did|has|have|had|can|could|should|will|would)\b)"
    r"|\?\s+(?=\S)",
    re.I,
)
# "List all the recommendations", "every area for improvement", "give me all of them".
WANTS_ALL = re.compile(r"\b(all|every|each|full list|complete list|list)\b", re.I)
# "What must improve?", "what should they do about …", "areas for improvement".
IMPROVE = re.compile(
    r"\b(recommendations?|recommended|(?:ofsted|inspectors?|they|report) recommends?|"
    r"needs? to (?:improve|change|do|happen|fix|address|tackle|sort out|work on)|"
    r"needs? (?:fixing|improving|changing|sorting out|addressing|tackling)|"
    r"must (?:improve|change|do)|"
    r"should (?:they|the council|the local authority|leaders|it|\w+) (?:do|improve|change)|"
    r"what should|areas? (?:for|of|to) improve\w*|improvements? (?:needed|required)|"
    r"to improve\??$|(?:has|have) to improve|"
    # "what's the action they have to take?"; not "what did leaders do?", nor "do children
    # do better here?", nor "what immediate action did leaders take?"
    r"\bwhat\b.*\b(?:has|have) to (?:do|take|change|fix|address|tackle|sort out|work on)|"
    r"(?:needs?|has|have|must|should|could|ought) (?:to )?(?:get|do|be doing) better|"
    r"priority and immediate action|"
    # "what are they told to do about …?", "what are leaders expected to change?"
    r"(?:told|asked|expected|required) to (?:do|improve|change)|"
    # "what do inspectors want done about it?", "what does Ofsted want them to do?"
    r"wants? (?:\w+ ){0,3}?(?:done|to do))\b",
    re.I,
)

# What the part asks about: what is wrong ("what's going wrong at the MASH?", "any gaps in
# private fostering?", "why so high?") or what is right ("what works well?").
WEAKNESS = re.compile(
    r"\b(wrong|problems?|issues?|weak\w*|gaps?|concerns?|worr\w*|poor\w*|struggl\w*|"
    r"shortfalls?|fail\w*|not (?:working|good|happening)|too (?:high|low|long|slow|many|few)|"
    r"so (?:high|low|long|slow|many|few)|inadequate|requires? improvement|criticis\w*|"
    r"delays?|behind|waited|waiting too|worst|concern\w*)\b",
    re.I,
)
STRENGTH = re.compile(
    r"\b(strengths?|going well|works? well|working well|what(?:'s| is) good|positives?|"
    r"praised?|best|outstanding|(?:done|doing|do|does|went|go|goes) well|improved|better|"
    r"(?:inspectors?|ofsted|they) liked?)\b",
    re.I,
)


# "What have leaders done about it?", "what is planned?", "how did managers respond?"
ACTION_ASKED = re.compile(
    r"\b(?:done|doing|do about|planned|plans?|respond\w*|response|react\w*|tackl\w*|"
    r"address\w*|action|steps|fix\w*|sort\w* out)\b",
    re.I,
)


EVALUATIVE = set(
    "good enough bad well better worse effective quality working work ok okay fine strong weak "
    "poor happening timely right wrong".split()
)


# ... or how good it is, which criticism and praise both answer ("are the plans any good?").
QUALITY = re.compile(
    r"\b(any good|good enough|how good|how well|how effective\w*|effective\w*|quality|"
    r"(?:is|are|was|were) (?:\w+ ){0,5}?(?:good|ok|okay|working))\b",
    re.I,
)


# A word of either stance, alone: "worry", "positives", "problems".
STANCE_WORD = re.compile(rf"(?:{WEAKNESS.pattern})|(?:{STRENGTH.pattern})", re.I)


def stance(text: str) -> str:
    """weakness | strength | quality | "" (none, or both weakness and strength)."""
    weak, strong = bool(WEAKNESS.search(text)), bool(STRENGTH.search(text))
    if weak != strong:
        return "weakness" if weak else "strength"
    return "quality" if not weak and QUALITY.search(text) else ""


@dataclass(frozen=True)
class Part:
    """One thing the question asks."""

    text: str  # the words of this part, as asked
    kind: str  # number | date | who | why | improve | general
    query: str  # what to search for: the part, with the question's topic when it has none
    terms: frozenset[str] = frozenset()
    stance: str = ""  # weakness | strength | quality | "": what the part asks (see `stance`)
    asks_action: bool = False  # what was or will be done about it


@dataclass
class QuestionPlan:
    question: str  # as asked
    query: str  # made self-contained from the history
    parts: list[Part] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)  # judged areas the question names
    wants_all: bool = False  # a complete list is asked for
    improve: bool = False  # what must improve: the report's recommendations answer
    excluded: list[str] = field(default_factory=list)  # judged areas the question sets aside

    @property
    def kinds(self) -> set[str]:
        return {p.kind for p in self.parts}


# What the question sets aside: "list all the recommendations? Not the LSCB ones", "what must
# improve, apart from care leavers?". Not a thing asked, so neither a part nor a search word.
EXCLUSION = re.compile(
    r"(?:[,;]\s*|\s+|^)(?:but\s+|and\s+)?(?:"
    r"not (?:the |any |for the |for )?(?P<ones>[\w'’ -]{1,40}?) ones?"
    r"|(?:apart from|aside from|except(?: for)?|excluding|other than|leaving (?:out|aside)) "
    r"(?:the )?(?P<set>[\w'’ -]{1,40}?)"
    r")\s*(?=[,.;?!]|$)",
    re.I,
)


def set_aside(query: str) -> tuple[str, list[str]]:
    """The query without what it sets aside, and the judged areas set aside."""
    spans = [m.group("ones") or m.group("set") for m in EXCLUSION.finditer(query)]
    if not spans:
        return query, []
    kept = re.sub(r"\s*([?.!])(?:\s*[?.!])+", r"\1", EXCLUSION.sub("", query)).strip(" ,;")
    return kept or query, ja.areas_named(" ".join(spans))


# Words that shape a question about the whole report rather than name a topic of it: "what's
# the biggest worry?", "what are the main problems with the service?", "anything serious?".
FRAME = set(
    terms(
        "big biggest most worst best serious anything something overall general going went "
        "service services council authority local inspectors had have really"
    )
)


def overall_stance(plan: QuestionPlan, council_words: set[str]) -> str:
    """What a question about the whole service asks, when it names no topic: "weakness" or
    "strength" ("What was the biggest worry?", "What are the positives?"), or "summary"
    ("Is anything good?", "How did they do?"); else "". The report's own summary answers
    it, not a search for its words."""
    if len(plan.parts) != 1 or plan.areas or plan.improve:
        return ""
    part = plan.parts[0]
    if part.kind not in ("general", "why") or (part.kind == "why" and not part.stance):
        return ""
    said = {stem for word, stem in question_words(part.text) if STANCE_WORD.fullmatch(word)}
    topic = part.terms - said - FRAME - council_words - EVALUATIVE - SUPPORT_EVALUATIVE
    if topic:
        return ""
    return part.stance if part.stance in ("weakness", "strength") else "summary"


def split_parts(query: str) -> list[str]:
    pieces = [p.strip(" ,;?") for p in PART_BREAK.split(query)]
    return [p for p in pieces if len(question_terms(p)) >= 1 or p.lower() in ("why",)] or [query]


def part_kind(text: str) -> str:
    kind = question_type(text)
    # "… adoption panel recommendations effective? Why?" asks for a cause, not for the list.
    if kind != "why" and (IMPROVE.search(text) or ASKS_FOR_RECOMMENDATION.search(text)):
        return "improve"
    return kind


def _part(text: str, search: str) -> Part:
    return Part(
        text,
        part_kind(text),
        search,
        frozenset(question_terms(search)),
        stance(text),
        bool(ACTION_ASKED.search(text)),
    )


def make_plan(question: str, query: str) -> QuestionPlan:
    query, excluded = set_aside(query)
    asked = set_aside(question)[0]
    pieces = split_parts(query)
    topic = " ".join(w for w in content_words(pieces[0]) if w not in META)
    parts = []
    for i, text in enumerate(pieces):
        # "… and what is planned?" has no topic of its own: it leans on the first part's.
        # Words that judge ("were the plans good enough?") name no topic of their own.
        own = [t for t in question_terms(text) if t not in META and t not in EVALUATIVE]
        parts.append(_part(text, text if i == 0 or len(own) >= 3 else f"{text} {topic}"))
    if query != asked and len(parts) == 1 and len(split_parts(asked)) == 1:
        # A follow-up's rewrite leads with the earlier question ("Are there enough foster
        # carers? done"); what it asks is in its own words ("What's being done about it?").
        own = _part(asked, parts[0].query)
        if own.kind != "general" or own.stance or own.asks_action:
            parts = [own]
    improve = any(p.kind == "improve" for p in parts)
    return QuestionPlan(
        question=question,
        query=query,
        parts=parts,
        areas=[a for a in ja.areas_named(query) if a not in excluded],
        excluded=excluded,
        wants_all=bool(WANTS_ALL.search(query)),
        improve=improve,
    )
