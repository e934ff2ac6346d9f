"""Follow-up questions rewritten against the history, deterministically.

"and what rate is that?" after "how many children were on a child protection plan?" becomes
"how many children were on a child protection plan? rate". The rewrite only adds words from
the history: it never invents any.
"""

from __future__ import annotations

import re

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
BARE_WHY = re.compile(r"^\s*(and\s+)?(why|how come|how so)\s*\??\s*$", re.I)
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
    ]
)


def content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in STOP]


def is_follow_up(question: str) -> bool:
    q = question.strip()
    words = content_words(q)
    if BARE_WHY.match(q) or FOLLOW_UP_START.match(q):
        return True
    # Short questions leaning on a pronoun ("what rate is that?") lean on the history.
    return len(words) <= 3 and bool(PRONOUNS.search(q))


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
    if topic:
        head = QUESTION_HEAD.match(anchor)
        return f"{head.group(0)} {topic}" if head else f"{topic} {anchor}"
    extra = FOLLOW_UP_START.sub("", q).strip(" ,?.")
    extra = " ".join(content_words(extra))
    if not extra:
        return anchor
    return f"{anchor} {extra}"


def _last_standalone(history: list[str]) -> str:
    """The most recent turn that stands alone, rewritten if it was itself a follow-up."""
    for i in range(len(history) - 1, -1, -1):
        if not is_follow_up(history[i]) or i == 0:
            return rewrite(history[i], history[:i]).rstrip(" ?.")
    return history[-1]


def topic_swap(question: str, history: list[str] | tuple[str, ...]) -> str | None:
    """For "what about care leavers?": the new topic that replaces the old one, if any."""
    m = re.match(r"^(and )?(what|how) about (?P<topic>.+?)\??$", question.strip(), re.I)
    return m.group("topic") if m and history else None
