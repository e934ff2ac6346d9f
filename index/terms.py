"""Word-level terms shared by the index (document frequencies) and the answerer (overlap)."""

from __future__ import annotations

import re
from functools import lru_cache

STOPWORDS = set(
    "a an the and or but so of in on at to for from by with about what which who whom whose when "
    "where why how is are was were be been being do does did has have had that this it they them "
    "those these there its their also then ok okay same please tell me us say said any all many "
    "much can could would should will not no yes there's i we you your our than into over under "
    "as up out if".split()
)
# Words about the report itself, not its subject: every paragraph is "what inspectors found".
META = set(
    "inspector inspectors ofsted report reports recommend recommended recommendation "
    "recommendations find found finding findings describe described according inspection "
    "judge judged".split()
    # ...and words that shape a question rather than name its subject.
    + "percentage proportion number numbers amount rate many much often long like happen "
    "happens happened happening got get wrong right kind sort type way thing things tell know "
    "main key name called".split()
)
_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
# "what's", "they're", "isn't": the clitic goes before the stopword check, so a contraction is
# the function word it contracts, not a word that no report uses.
_CLITIC = re.compile(r"(?:'s|'re|'ve|'ll|'d|'m|n't)$")
_NEGATED = {"ca": "can", "wo": "will", "sha": "shall"}  # can't, won't, shan't


def _words(text: str) -> list[str]:
    return [_uncontracted(w) for w in _TOKEN.findall(text.lower().replace("\u2019", "'"))]


def _uncontracted(word: str) -> str:
    if "'" not in word:
        return word
    bare = _CLITIC.sub("", word)
    return _NEGATED.get(bare, bare) if bare != word else word


@lru_cache(maxsize=1)
def stemmer():
    """PyStemmer's Snowball English stemmer, in C: shared by these terms and the BM25 index, so
    both reduce a word to the same stem."""
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return stemmer().stemWord(word.removesuffix("'s").removesuffix("'"))


def terms(text: str) -> list[str]:
    """Stemmed content words, in order."""
    return [stem(w) for w in _words(text) if w not in STOPWORDS]


def question_words(text: str) -> list[tuple[str, str]]:
    """(word, stem) of each content word of a question, without words about the report."""
    return [(w, stem(w)) for w in _words(text) if w not in STOPWORDS and w not in META]


def question_terms(text: str) -> list[str]:
    """Stemmed content words of a question, without words about the report itself."""
    return [s for _w, s in question_words(text)]
