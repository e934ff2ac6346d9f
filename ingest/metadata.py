"""Cover-page metadata: council, title, dates, framework and lead inspector."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
DATE_RE = re.compile(rf"\b(\d{{1,2}})\s+({MONTHS})\s+(\d{{4}})\b", re.I)
FILE_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

_COUNCIL_PATTERNS = [
    re.compile(r"^inspection of (?P<c>.+?) local authority children.s services", re.I),
    re.compile(
        r"^(?:the )?(?:london borough|royal borough|city|borough|county) of (?P<c>.+)$", re.I
    ),
    re.compile(r"^(?P<c>.+?) (?:metropolitan |county |city |borough )*council$", re.I),
    re.compile(r"^children.s services in (?P<c>.+?) (?:are|is|require|requires)\b", re.I),
]


@dataclass
class Metadata:
    council: str
    title: str
    framework: str
    inspection_dates: str
    published: str
    lead_inspector: str

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.council.lower()).strip("-")


def read_metadata(cover: list[str], body: list[str], path: Path) -> Metadata:
    cover_text = _join(cover)
    everything = cover + body
    council = _council(cover, everything) or _council_from_filename(path)
    dates = _after_label(everything, r"inspection dates?")
    published = _published(everything, path, dates)
    lead = _after_label(everything, r"lead inspector")
    lead = re.split(r",|\s{2,}|\bHer Majesty|\bHis Majesty", lead)[0].strip() if lead else ""
    return Metadata(
        council=council,
        title=_title(cover),
        framework=_framework(cover_text + " " + _join(body[:400]), published),
        inspection_dates=dates,
        published=published,
        lead_inspector=lead,
    )


def _join(lines: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(lines)).strip()


def _council(cover: list[str], everything: list[str]) -> str:
    head = [ln.strip() for ln in cover[:6] if ln.strip()]
    if not head:
        head = [ln.strip() for ln in everything[:6] if ln.strip()]
    candidates = [*head[:3], " ".join(head[:2]), *[ln.strip() for ln in everything[:60]]]
    for text in candidates:
        if re.search(r"\b(and|of|upon|on|the)$", text, re.I):
            continue  # a name that wraps: "The Royal Borough of Windsor and" / "Maidenhead"
        for pattern in _COUNCIL_PATTERNS:
            m = pattern.match(text)
            if m:
                return _tidy_council(m.group("c"))
    return ""


def _tidy_council(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.")
    # "Inspection of Kent County Council" (2022 on): the cover's first line names the council.
    name = re.sub(r"^inspection of ", "", name, flags=re.I)
    name = re.sub(
        r"^(the )?(london borough|royal borough|city|borough|county) of ", "", name, flags=re.I
    )
    return re.sub(r"\s*(metropolitan borough|county|city|borough)? council$", "", name, flags=re.I)


def _council_from_filename(path: Path) -> str:
    stem = FILE_DATE.split(path.stem)[0].strip("-_ ")
    return stem.replace("-", " ").title() if stem else path.stem


def _after_label(lines: list[str], label: str) -> str:
    pattern = re.compile(rf"^\s*(?:{label})\s*:\s*(?P<value>.+)$", re.I)
    for line in lines:
        m = pattern.match(line)
        if m:
            return re.sub(r"\s+", " ", m.group("value")).strip()
    return ""


def _published(lines: list[str], path: Path, dates: str) -> str:
    printed = _after_label(lines, r"(report )?published|publication date")
    parsed = _parse_date(printed)
    if parsed:
        return parsed.isoformat()
    m = FILE_DATE.search(path.stem)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    # Last resort: the end of the inspection window, which precedes publication by weeks.
    ends = DATE_RE.findall(dates)
    if ends:
        d, mth, y = ends[-1]
        return datetime.strptime(f"{d} {mth} {y}", "%d %B %Y").date().isoformat()
    return ""


def _parse_date(text: str) -> date | None:
    m = DATE_RE.search(text or "")
    if not m:
        return None
    return datetime.strptime(f"{m.group(1)} {m.group(2)} {m.group(3)}", "%d %B %Y").date()


def _title(cover: list[str]) -> str:
    lines = [ln.strip() for ln in cover if ln.strip()]
    start = next((i for i, ln in enumerate(lines) if ln.lower().startswith("inspection of")), None)
    if start is None:
        return ""
    out = []
    for ln in lines[start:]:
        if re.match(r"^(inspection dates?|report published|lead inspector)\b", ln, re.I):
            break
        out.append(ln)
    return re.sub(r"(?<=[a-z])\d\b", "", _join(out))


def _framework(text: str, published: str) -> str:
    low = text.lower()
    if "local safeguarding children board" in low and "review of the effectiveness" in low:
        return "SIF"
    if "inspection of services for children in need of help and protection" in low:
        return "SIF"
    if re.search(r"local authority children.s services|children.s social care services", low):
        return "ILACS"
    if "judgement grade" in low or "impact of leaders on social work practice" in low:
        return "ILACS"
    year = int(published[:4]) if published else 0
    if 2013 <= year <= 2018 and "overall effectiveness" not in low:
        return "SIF"
    return ""
