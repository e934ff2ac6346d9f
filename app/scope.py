"""Which reports a question is about: an explicit scope, or a council or year it names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import Report

# English local authorities that a question might name; a named council with no indexed report
# is refused rather than answered from another council's report.
KNOWN_COUNCILS = """
barking and dagenham, barnet, barnsley, bath and north east somerset, bedford, bexley,
birmingham, blackburn with darwen, blackpool, bolton, bournemouth, bracknell forest, bradford,
brent, brighton and hove, bristol, bromley, buckinghamshire, bury, calderdale, cambridgeshire,
camden, central bedfordshire, cheshire east, cheshire west and chester, cornwall, coventry,
croydon, cumbria, darlington, derby, derbyshire, devon, doncaster, dorset, dudley, durham,
ealing, east riding of yorkshire, east sussex, enfield, essex, gateshead, gloucestershire,
greenwich, hackney, halton, hammersmith and fulham, hampshire, haringey, harrow, hartlepool,
havering, herefordshire, hertfordshire, hillingdon, hounslow, isle of wight, isles of scilly,
islington, kensington and chelsea, kent, kingston upon hull, hull, kingston upon thames,
kirklees, knowsley, lambeth, lancashire, leeds, leicester, leicestershire, lewisham,
lincolnshire, liverpool, luton, manchester, medway, merton, middlesbrough, milton keynes,
newcastle, newham, norfolk, north east lincolnshire, north lincolnshire, north somerset,
north tyneside, north yorkshire, northamptonshire, north northamptonshire,
west northamptonshire, northumberland, nottingham, nottinghamshire, oldham, oxfordshire,
peterborough, plymouth, portsmouth, reading, redbridge, redcar and cleveland, richmond upon thames,
rochdale, rotherham, rutland, salford, sandwell, sefton, sheffield, shropshire, slough, solihull,
somerset, south gloucestershire, south tyneside, southampton, southend-on-sea, southwark,
st helens, staffordshire, stockport, stockton-on-tees, stoke-on-trent, suffolk, sunderland,
surrey, sutton, swindon, tameside, telford and wrekin, thurrock, torbay, tower hamlets,
trafford, wakefield, walsall, waltham forest, wandsworth, warrington, warwickshire,
west berkshire, west sussex, westminster, wigan, wiltshire, windsor and maidenhead, wirral,
wokingham, wolverhampton, worcestershire, york, cardiff, swansea, glasgow, edinburgh, belfast
"""
COUNCIL_NAMES = sorted(
    {c.strip() for c in KNOWN_COUNCILS.replace("\n", " ").split(",") if c.strip()},
    key=len,
    reverse=True,
)
YEAR = re.compile(r"\b(20[012]\d)\b")


@dataclass
class ScopeDecision:
    report_ids: list[str]
    note: str = ""
    unknown_council: str = ""  # a council the question names that has no indexed report
    councils: tuple[str, ...] = ()  # indexed councils the question names (lower case)
    years: tuple[int, ...] = ()

    def narrows(self, default: list[Report]) -> bool:
        """Whether the question asks for something other than the default reports.

        Naming the council already selected ("in Tower Hamlets") keeps the selection; naming
        another council, or a year, changes it.
        """
        if self.years:
            return True
        return any(r.council.lower() not in self.councils for r in default)


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


mentions = _mentions  # for app.cross_scope


def councils_named(question: str) -> list[str]:
    low = question.lower()
    found: list[str] = []
    for name in COUNCIL_NAMES:
        if _mentions(low, name) and not any(name in f for f in found):
            found.append(name)
    return found


def detect_scope(question: str, reports: list[Report]) -> ScopeDecision | None:
    """The reports a question names by council and/or year, or None if it names none."""
    low = question.lower()
    by_council: dict[str, list[Report]] = {}
    for r in reports:
        by_council.setdefault(r.council.lower(), []).append(r)
    named = [c for c in by_council if _mentions(low, c)]
    unknown = [c for c in councils_named(question) if c not in by_council]
    years = [int(y) for y in YEAR.findall(question)]
    if not named and unknown:
        return ScopeDecision([], unknown_council=unknown[0].title())
    if not named and not years:
        return None
    pool = [r for c in named for r in by_council[c]] if named else list(reports)
    if years:
        by_year = [r for r in pool if r.year in years or _inspected_in(r, years)]
        if by_year:
            pool = by_year
        elif named:
            return ScopeDecision(
                [], unknown_council=f"{named[0].title()} {' and '.join(map(str, years))}"
            )
        else:
            return None  # a year alone, matching no report, is probably a date in the question
    ids = [r.id for r in sorted(pool, key=lambda r: r.published)]
    names = ", ".join(f"{r.council} {r.year}" for r in pool)
    return ScopeDecision(
        ids,
        note=f"Scoped to {names}, as the question names it.",
        councils=tuple(named),
        years=tuple(years),
    )


def _inspected_in(report: Report, years: list[int]) -> bool:
    return any(str(y) in report.inspection_dates for y in years)
