"""Which reports a question spans: every report, a council's run of reports, a span of years,
or reports named together ("Croydon 2024 and Tower Hamlets 2025")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import Report

from .conversation import rewrite
from .scope import YEAR, councils_named, mentions

# "Which councils …", "any of the reports", "each inspection", "where was …": every report.
EVERY = re.compile(
    # ... not "what should the council do?", which asks about the report in scope
    r"\b(which|what)\s+(?:of\s+the\s+)?(?!(?:did|does|do|is|was|were|are|has|have|the|"
    r"should|must|would|could|can|will|might)\b)"
    r"(?:[\w-]+\s+){0,2}?(councils?|reports|inspections?|authorit(?:y|ies)|boroughs?|lscbs|"
    r"boards|services)\b"
    # "which ones were inadequate?"; not "what about the ones who aren't in work?", people
    r"|\b(which|what)\s+ones\b"
    # ... not "the previous inspections", a council's own history in its report
    r"|\b(the|all|any|each|every)\s+(?:of\s+the\s+)?"
    r"(?!(?:previous|last|earlier|prior|past|recent)\s)(?:[\w-]+\s+)?(councils|reports|"
    r"inspections|boroughs|lscbs|safeguarding boards)\b"
    r"|\b(any|each|every)\s+(council|report|inspection|borough)\b|\bwhich report\b"
    r"|^\s*where\s+(?:was|were|did|do|does)\b.*\b(rated|judged|graded|mention\w*|talk\w*|"
    r"discuss\w*)\b",
    re.I,
)
SINCE = re.compile(
    r"\b(since|after|from|better than|worse than|when it failed in)\s+(?:in\s+|the\s+)?"
    r"(?:its\s+)?(20[012]\d)\b(?!\s+(?:to|and|-|–)\s+20)",
    re.I,
)
SPAN = re.compile(r"\b(between|from)\s+(20[012]\d)\s+(?:and|to|-|–)\s+(20[012]\d)\b", re.I)
LATEST = re.compile(r"\b(latest|most recent|last|current|newest)\b(?! time)", re.I)
LAST_TIME = re.compile(r"\b(last time|(last|previous) (inspection|report|one)|before)\b", re.I)
ALL_WORDS = re.compile(r"\b(all|every|each|reports|inspections|over time|years)\b", re.I)


@dataclass
class CrossScope:
    report_ids: list[str]  # in publication order
    note: str = ""
    every: bool = False  # the question asks about every indexed report
    councils: tuple[str, ...] = ()  # the indexed councils it covers (display names)
    unknown_council: str = ""  # a council named that has no indexed report
    from_history: bool = False  # the council came from an earlier turn
    named_years: tuple[int, ...] = ()


def cross_scope(
    question: str, query: str, history: list[str], default_scope: list[str] | None, reports
) -> CrossScope:
    """The reports `question` spans; `query` is its rewrite against `history`."""
    by_council: dict[str, list[Report]] = {}
    for r in sorted(reports, key=lambda r: r.published):
        by_council.setdefault(r.council.lower(), []).append(r)
    if (
        query
        and query != question
        and not _named(question.lower(), by_council)
        and not YEAR.search(question)
        and not EVERY.search(question)
    ):
        question = query  # "what about care leavers?" takes its council and years from before
    low = question.lower()
    named = _named(low, by_council)
    unknown = [c for c in councils_named(question) if c not in by_council]
    if unknown:
        return CrossScope([], unknown_council=unknown[0].title())
    years = [int(y) for y in YEAR.findall(question)]
    everything = sorted(reports, key=lambda r: r.published)
    from_history = False
    if not named and EVERY.search(question):
        pool = _by_years(question, everything, years) or everything
        ids = [r.id for r in pool]
        return CrossScope(ids, _every_note(ids, len(everything)), every=True)
    if not named:
        named = _history_councils(history, by_council) if years else []
        from_history = bool(named)
    selected = False
    if not named and default_scope and years:
        named = sorted({r.council.lower() for r in reports if r.id in default_scope})
        selected = True
    if not named and default_scope:
        return CrossScope(list(default_scope))
    if not named:
        pool = _by_years(question, everything, years) or everything
        ids = [r.id for r in pool]
        return CrossScope(ids, _every_note(ids, len(everything)), every=not years)
    pairs = _paired(low, named, by_council)
    if pairs is not None:
        chosen = pairs
    else:
        chosen = [r for c in named for r in by_council[c]]
        chosen = _by_years(question, chosen, years, strict=selected)
        if not years and LATEST.search(question) and not LAST_TIME.search(question):
            chosen = [by_council[c][-1] for c in named]
    if LAST_TIME.search(question) and len(named) == 1 and not years:
        chosen = chosen[-2:]
    chosen = sorted(chosen, key=lambda r: r.published)
    if not chosen and default_scope:
        return CrossScope(list(default_scope))
    names = ", ".join(r.display_name() for r in chosen)
    return CrossScope(
        [r.id for r in chosen],
        note=f"Searched {names}." if chosen else "",
        councils=tuple(by_council[c][0].council for c in named),
        from_history=from_history,
        named_years=tuple(years),
    )


def _every_note(ids: list[str], total: int) -> str:
    if len(ids) == total:
        return f"Searched all {total} indexed reports."
    return f"Searched the {len(ids)} reports of those years."


def _named(low: str, by_council: dict[str, list[Report]]) -> list[str]:
    found = [(low.find(c), c) for c in by_council if mentions(low, c)]
    return [c for _pos, c in sorted(found)]


def _history_councils(history: list[str], by_council) -> list[str]:
    """The council the conversation last named, each turn read as it was asked."""
    for i in range(len(history) - 1, -1, -1):
        for text in (history[i], rewrite(history[i], history[:i])):
            named = _named(text.lower(), by_council)
            if named:
                return named
    return []


def _paired(low: str, named: list[str], by_council) -> list[Report] | None:
    """'Croydon 2024 … Tower Hamlets 2025', 'Croydon in 2020 and Newham in 2022': each
    council with its own year, when every council named has one; else None."""
    if len(named) < 2:
        return None
    out: list[Report] = []
    for c in named:
        m = re.search(
            rf"{re.escape(c)}(?:'s|s')?\s+(?:in\s+(?:its\s+)?|council\s+)?(20[012]\d)\b", low
        ) or re.search(rf"\b(20[012]\d)(?:'s)?\s+{re.escape(c)}", low)
        latest = re.search(rf"{re.escape(c)}(?:'s|s')?\s+(?:latest|most recent)", low)
        if m:
            year = int(m.group(1))
            match = [r for r in by_council[c] if r.year == year or str(year) in r.inspection_dates]
            if not match:
                return None
            out.append(match[0])
        elif latest:
            out.append(by_council[c][-1])
        else:
            return None
    return out


def _by_years(
    question: str, pool: list[Report], years: list[int], strict: bool = False
) -> list[Report]:
    if not years:
        return pool
    span = SPAN.search(question)
    if span:
        lo, hi = sorted((int(span.group(2)), int(span.group(3))))
        return [r for r in pool if lo <= _year(r, lo, hi) <= hi]
    since = SINCE.search(question)
    if since and len(years) == 1:
        start = int(since.group(2))
        if strict and not any(r.year == start or str(start) in r.inspection_dates for r in pool):
            return []  # on the selected report, "since 2012" (not indexed) is its own words
        return [r for r in pool if r.year >= start or str(start) in r.inspection_dates]
    return [r for r in pool if r.year in years or any(str(y) in r.inspection_dates for y in years)]


def _year(report: Report, lo: int, hi: int) -> int:
    """The report's year for a span: published, or inspected when that falls inside it."""
    for y in range(lo, hi + 1):
        if str(y) in report.inspection_dates:
            return y
    return report.year
