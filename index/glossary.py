"""Social-care and Ofsted terms, used both ways to expand queries ('CP' <-> 'child protection')."""

from __future__ import annotations

import re

TERMS: dict[str, list[str]] = {
    "cp": ["child protection"],
    "cpp": ["child protection plan"],
    "cin": ["children in need", "child in need"],
    "cla": ["children looked after", "children in care"],
    "lac": ["looked after children", "children in care"],
    "children in care": ["children looked after", "looked after"],
    # "How many children were in care?": the reports count them as "looked after".
    "in care": ["looked after"],
    "plo": ["public law outline", "pre-proceedings"],
    "mash": ["multi-agency safeguarding hub"],
    "marac": ["multi-agency risk assessment conference"],
    "iro": ["independent reviewing officer"],
    "iros": ["independent reviewing officers"],
    "dcs": ["director of children's services"],
    "lscb": ["local safeguarding children board", "board"],
    "cse": ["child sexual exploitation", "sexual exploitation"],
    "fgm": ["female genital mutilation"],
    "sgo": ["special guardianship order"],
    "sgos": ["special guardianship orders"],
    "neet": ["not in education, employment or training"],
    "camhs": ["child and adolescent mental health service"],
    "rhi": ["return home interview"],
    "return home interview": ["missing"],
    "adm": ["agency decision-maker"],
    "send": ["special educational needs and disabilities"],
    "ehcp": ["education, health and care plan"],
    "pa": ["personal adviser"],
    "pas": ["personal advisers"],
    "scr": ["serious case review"],
    "scrs": ["serious case reviews"],
    "uasc": ["unaccompanied asylum-seeking children"],
    "lado": ["designated officer"],
    "edt": ["emergency duty team", "out of hours"],
    "b&b": ["bed and breakfast"],
    "b&bs": ["bed and breakfast"],
    "yot": ["youth offending"],
    "pep": ["personal education plan"],
    "peps": ["personal education plans"],
    "ilacs": ["inspection of local authority children's services"],
    "sif": ["single inspection framework"],
    "hmi": ["her majesty's inspectors"],
    "care leavers": ["care leaving", "personal advisers"],
    "foster": ["fostering"],
    "private fostering": ["privately arranged fostering"],
    "kids": ["children"],
    "led": ["lead inspector"],
    # How the templates phrase dates of appointment and tenure.
    "start": ["in post since", "appointed"],
    "started": ["in post since", "appointed"],
    "appointed": ["in post since"],
    "joined": ["in post since", "appointed"],
    "disabled": ["disabilities", "disability"],
    "on time": ["timescales", "timeliness"],
    # Where contacts and referrals first arrive; most councils run it as a MASH.
    "front door": ["multi-agency safeguarding hub", "mash"],
    # Reports say "previous inspection"; people ask about "the last inspection".
    "last inspection": ["previous inspection"],
    # The reports say either for the number of children a worker holds.
    "caseload": ["workload"],
    "caseloads": ["workloads"],
    "workload": ["caseload"],
    "workloads": ["caseloads"],
    # People name their council's area ("live outside the borough"); the SIF's fact lists say
    # "outside the local authority area".
    "outside the borough": ["outside the local authority area"],
    "outside the county": ["outside the local authority area"],
    "outside the city": ["outside the local authority area"],
    "out of borough": ["outside the local authority area"],
    "out of area": ["outside the local authority area"],
}


def _build_reverse() -> dict[str, list[str]]:
    reverse: dict[str, list[str]] = {}
    for short, longs in TERMS.items():
        if len(short) > 6:
            continue
        for long in longs:
            reverse.setdefault(long, []).append(short)
    return reverse


REVERSE = _build_reverse()


def synonym_pairs(text: str) -> list[tuple[str, str]]:
    """(term in the text, another way to say it): ('serious case reviews', 'scrs')."""
    low = text.lower()
    pairs: list[tuple[str, str]] = []
    for table in (TERMS, REVERSE):
        for term, alts in table.items():
            if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", low):
                pairs.extend((term, a) for a in alts if a not in low)
    return pairs


def expansions(text: str) -> list[str]:
    """Terms that mean the same as something in `text`, not already in it."""
    found: list[str] = []
    for _term, alt in synonym_pairs(text):
        if alt not in found:
            found.append(alt)
    return found


def expand(text: str) -> str:
    extra = expansions(text)
    return f"{text} ({'; '.join(extra)})" if extra else text
