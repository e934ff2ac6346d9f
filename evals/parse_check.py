"""Parse every PDF in a folder and count the clean parses (issue 10, point 8).

    python -m evals.parse_check [FOLDER]      # default ../shared/corpus/scale

A clean parse of a SIF or ILACS report has Ofsted's paragraph numbers with no gaps (other than
numbers the report itself skips, as the parser's warnings say), no number left at the start of
(or inside) a paragraph's text, and at least three judgements.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ingest import Report, UnreadableReportError, parse_report

# "… at the time. 114. The board has …": a paragraph number the parser failed to split on.
NUMBER_INSIDE = re.compile(r"(?:^|[.:;]\s+)(\d{1,3})\.\s+[A-Z]")
MIN_JUDGEMENTS = 3


@dataclass
class ParseCheck:
    file: str
    framework: str = ""
    problems: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def clean(self) -> bool:
        return not self.problems and not self.error


def problems(report: Report) -> list[str]:
    found = []
    numbers = [p.number for p in report.paragraphs if p.number is not None]
    # The parser says where the report's own numbering is unusual: the 2013 pilot SIF prints
    # none, and a few reports skip a number (Windsor and Maidenhead 2020 has no paragraph 15).
    unnumbered = any("prints no paragraph numbers" in w for w in report.warnings)
    skipped = {
        int(n)
        for w in report.warnings
        if "numbering skips" in w
        for n in re.findall(r"\d+", w.split("skips", 1)[1])
    }
    if not numbers:
        if not unnumbered:
            found.append("no numbered paragraphs")
    else:
        expected = [n for n in range(1, max(numbers) + 1) if n not in skipped]
        if numbers != expected:
            gaps = sorted(set(expected) - set(numbers))
            found.append(f"numbers not 1..{max(numbers)} in order (missing {gaps[:5]})")
    left = [p for p in report.paragraphs if NUMBER_INSIDE.search(p.text)]
    if left:
        p = left[0]
        m = NUMBER_INSIDE.search(p.text)
        found.append(f"{len(left)} paragraphs keep a number in their text (e.g. {m.group(1)}.)")
    if len(report.judgements) < MIN_JUDGEMENTS:
        found.append(f"{len(report.judgements)} judgements")
    return found


def check_folder(folder: Path) -> list[ParseCheck]:
    out = []
    for path in sorted(folder.glob("*.pdf")):
        check = ParseCheck(path.name)
        try:
            report = parse_report(path)
        except UnreadableReportError as exc:
            check.error = str(exc)
        else:
            check.framework = report.framework
            check.problems = problems(report)
        out.append(check)
    return out


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/scale")
    checks = check_folder(folder)
    for c in checks:
        if not c.clean:
            print(f"{c.file} [{c.framework}]: {c.error or '; '.join(c.problems)}")
    readable = [c for c in checks if not c.error and c.framework in ("SIF", "ILACS")]
    clean = sum(c.clean for c in readable)
    print(f"clean: {clean}/{len(readable)} readable SIF/ILACS reports ({len(checks)} files)")


if __name__ == "__main__":
    main()
