"""Repairs for damaged text extractions (the seed lost its apostrophes, dashes and year ranges)."""

from __future__ import annotations

import re

# Possessives whose apostrophe the extraction lost and which cannot be read any other way:
# "childrens" is never a plural, unlike "councils" or "parents", which we leave alone.
_POSSESSIVES = {
    "childrens": "children's",
    "authoritys": "authority's",
    "childs": "child's",
    "mens": "men's",
    "womens": "women's",
    "peoples": "people's",
    "persons": "person's",
    "boards": None,  # ambiguous: plural and possessive are both common
}
_POSSESSIVE_RE = re.compile(
    r"\b(" + "|".join(k for k, v in _POSSESSIVES.items() if v) + r")\b", re.IGNORECASE
)
# Only "young persons" is a possessive in these reports; "persons" alone is a plural.
_CONTEXT_ONLY = {"persons": re.compile(r"\byoung persons\b", re.I)}

_FUSED_YEARS = re.compile(r"\b(19|20)(\d\d)(\d\d)\b")

_TYPOGRAPHY = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2011": "-"}
)


def normalise_typography(text: str) -> str:
    """Curly quotes to straight ones, so matching and BM25 see one form; a doubled per cent
    sign ("12%%", Northumberland 2016) to one."""
    return text.translate(_TYPOGRAPHY).replace("%%", "%")


def fix_fused_years(text: str) -> str:
    """'201516' -> '2015–16' when the second pair is the year after the first (a school year)."""

    def repl(m: re.Match[str]) -> str:
        century, first, second = m.group(1), int(m.group(2)), int(m.group(3))
        if second == (first + 1) % 100:
            return f"{century}{m.group(2)}\u2013{m.group(3)}"
        return m.group(0)

    return _FUSED_YEARS.sub(repl, text)


def restore_apostrophes(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        lower = word.lower()
        if lower in _CONTEXT_ONLY:
            return word
        fixed = _POSSESSIVES[lower] or word
        return fixed[0].upper() + fixed[1:] if word[0].isupper() else fixed

    text = _POSSESSIVE_RE.sub(repl, text)
    return _CONTEXT_ONLY["persons"].sub(lambda m: m.group(0)[:-1] + "'s", text)


def repair(text: str) -> str:
    return restore_apostrophes(fix_fused_years(normalise_typography(text)))


def match_key(text: str) -> str:
    """A form for comparing texts across extractions: letters and digits only, lower case."""
    return re.sub(r"[^a-z0-9]+", "", text.lower())
