"""Follow-up questions rewritten against the history, deterministically.

"and what rate is that?" after "how many children were on a child protection plan?" becomes
"what rate is that children child protection plan": a follow-up that asks its own question
leads with it, and the topic words it lacks follow. One that does not ("and a year before
that?") reads as the question before it plus its own words. The rewrite only adds words from
the history: it never invents any.
"""

from __future__ import annotations

import re

from .judgement_answers import area_mentions

MAX_HISTORY = 6  # earlier user turns kept; older ones no longer steer a follow-up

FOLLOW_UP_START = re.compile(
    r"^(and|but|so|also|what about|how about|and what about|what of|same for|same|then|ok|okay)\b",
    re.I,
)
PRONOUNS = re.compile(r"\b(that|this|it|they|them|those|these|there|its|their)\b", re.I)
# The part of a question that asks (not what it asks about), kept when the topic changes.
QUESTION_HEAD = re.compile(
    r"^(how many|how much|what percentage of|what proportion of|"
    r"what did (?:the )?inspectors (?:say|find) about|what (?:is|was) the (?:grade|judgement) for|"
    r"how (?:well|good) (?:is|are|was|were)|how (?:is|are|was|were))\b",
    re.I,
)
# A follow-up that opens as a question of its own.
ASKS = re.compile(
    r"^(why|how|what(?:'s|\u2019s)?|which|who(?:'s)?|when|where|is|are|was|were|do|does|did|has|"
    r"have|can|could|should|will|would|any|anything)\b",
    re.I,
)
BARE_WHY = re.compile(r"^\s*(and\s+)?(why(?: not)?|how come|how so)\s*\??\s*$", re.I)
STOP = set(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "so",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "about",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "that",
        "this",
        "it",
        "they",
        "them",
        "those",
        "these",
        "there",
        "its",
        "their",
        "also",
        "then",
        "ok",
        "okay",
        "same",
        "please",
        "tell",
        "me",
        "us",
        "say",
        "said",
        # contractions of the words above
        "what's",
        "who's",
        "how's",
        "where's",
        "when's",
        "it's",
        "that's",
        "there's",
    ]
)


def content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in STOP]


def is_follow_up(question: str) -> bool:
    q = question.strip()
    words = content_words(q)
    if BARE_WHY.match(q) or FOLLOW_UP_START.match(q):
        return True
    # A question with a pronoun that points back ("what rate is that?", "anything not working
    # so well with that?") leans on the history, however many words of its own it has; not
    # one whose later part points at the area its first part names ("How are care leavers
    # doing, and do they have good pathway plans?").
    plain = IDIOM.sub(" ", q)
    pronoun = PRONOUNS.search(plain)
    if not (words and pronoun):
        return False
    first_part = LATER_PART.match(plain[: pronoun.start()])
    return not (first_part and area_mentions(first_part.group(1)))


# "… judged the way it was": no pronoun that points anywhere.
IDIOM = re.compile(r"\bthe way (?:it|they) (?:is|are|was|were|did)\b", re.I)
# The words before a later part that opens with the pronoun's clause: "How are care leavers
# doing, and do they …" (group 1 is the first part).
LATER_PART = re.compile(r"^(.*)\b(?:and|but)\W+(?:\w+\W+){0,3}$", re.I | re.S)


# Words of the earlier question that asked what must improve, not what about: carried into a
# follow-up that asks its own question ("why did inspectors flag that?" after "what needs
# fixing at the front door?"), they would make it ask for the recommendations again.
FRAMES_KIND = set(
    "need needs needed fix fixing fixed improve improved improving improvement improvements "
    "must should recommend recommended recommendation recommendations".split()
)


def rewrite(question: str, history: list[str] | tuple[str, ...]) -> str:
    """The question made self-contained from the history; unchanged when it stands alone."""
    history = [h for h in history if h and h.strip()][-MAX_HISTORY:]
    if not history or not is_follow_up(question):
        return question.strip()
    anchor = _last_standalone(history)
    q = question.strip()
    if BARE_WHY.match(q):
        return f"{anchor} why"
    topic = topic_swap(q, history)
    own = _own_words(q)
    swapped = swap_subject(anchor, topic or own)
    if swapped:
        return swapped
    if topic:
        # "what about their health assessments?" after "do they see their social worker
        # alone?" (itself a follow-up of "How are children in care doing?") swaps that
        # follow-up's own topic: it keeps what that one borrowed, not what it asked.
        anchor = _topic_anchor(history) or anchor
        head = QUESTION_HEAD.match(anchor)
        if not head:
            return f"{topic} {anchor}"
        # "their health assessments" are those of the subject the anchor names
        subject = NAMES_SUBJECT.search(anchor)
        if subject and PRONOUNS.search(topic):
            topic = f"{topic} {subject.group(0)}"
        return f"{head.group(0)} {topic}"
    if ASKS.match(own):
        # The follow-up asks a question of its own ("why did it get that grade?", "how many
        # of them live outside the borough?"): it leads, with its own question words, and the
        # anchor's topic words it lacks follow.
        have = set(content_words(own))
        topic = QUESTION_HEAD.sub("", anchor)  # "how many" asked the last question, not this
        carried = [
            w for w in dict.fromkeys(content_words(topic)) if w not in have and w not in FRAMES_KIND
        ]
        return " ".join([own, *carried])
    extra = " ".join(content_words(own))
    if not extra:
        return anchor
    return f"{anchor} {extra}"


def _topic_anchor(history: list[str]) -> str | None:
    """What the previous turn borrowed from the one before, when it was a follow-up that
    asked a question of its own (and so had a topic of its own to swap); else None."""
    previous, earlier = history[-1].strip(), history[:-1]
    if not earlier or not is_follow_up(previous) or BARE_WHY.match(previous):
        return None
    if topic_swap(previous, earlier) or not ASKS.match(_own_words(previous)):
        return None
    return _last_standalone(earlier)


def _own_words(follow_up: str) -> str:
    """A follow-up without the words that lean on the history ("and", "what about", …)."""
    return FOLLOW_UP_START.sub("", follow_up).strip(" ,?.")


def _last_standalone(history: list[str]) -> str:
    """The previous turn, made self-contained: "why?" after "and care leavers?" asks about
    care leavers, not about the question before that."""
    return rewrite(history[-1], history[:-1]).rstrip(" ?.")


# Who a question is about, as the reports name them: "and care leavers?" after "How are
# children in care doing?" asks the same of care leavers.
SUBJECT = (
    r"children (?:looked after|in care)|looked[- ]after children|care[- ]leavers|"
    r"children (?:who|in) need(?: of)? help and protection|children in need|"
    r"disabled children|adopters|foster carers|the lscb|senior leaders|leaders"
)
NAMES_SUBJECT = re.compile(rf"\b({SUBJECT})\b", re.I)


def swap_subject(anchor: str, follow_up: str) -> str | None:
    """The anchor question asked of the follow-up's subject, when both name one."""
    new = re.fullmatch(rf"(?:for |of |the )?({SUBJECT})", follow_up.strip(), re.I)
    old = NAMES_SUBJECT.search(anchor)
    if not new or not old or old.group(0).lower() == new.group(1).lower():
        return None
    subject, rest = new.group(1), anchor[old.end() :]
    possessive = re.match(r"['’]s?", rest)
    if possessive:  # "care leavers' accommodation" -> "children in care's accommodation"
        rest = ("'" if subject.endswith("s") else "'s") + rest[possessive.end() :]
    return f"{anchor[: old.start()]}{subject}{rest}"


def topic_swap(question: str, history: list[str] | tuple[str, ...]) -> str | None:
    """For "what about care leavers?": the new topic that replaces the old one, if any."""
    m = re.match(r"^(and )?(what|how) about (?P<topic>.+?)\??$", question.strip(), re.I)
    return m.group("topic") if m and history else None
