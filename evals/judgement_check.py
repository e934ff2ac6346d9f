"""Check judgement extraction against ../shared/corpus/judgements.csv (published grades).

Usage: python -m evals.judgement_check [CORPUS_DIR]
Prints per-file disagreements and the share of comparable grades that match.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from ingest import UnreadableReportError, parse_report

CSV_AREAS = {
    "overall_effectiveness_grade": "overall",
    "impact_of_leaders_grade": "leadership",
    "help_and_protection_grade": "help_and_protection",
    "in_care_grade": "in_care",
    "care_leavers_grade": "care_leavers",
}
CSV_GRADES = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires improvement": "Requires improvement",
    "inadequate": "Inadequate",
}


def compare(corpus: Path) -> tuple[int, int, list[str]]:
    rows = list(csv.DictReader((corpus / "judgements.csv").open(encoding="utf-8")))
    matched = total = 0
    problems: list[str] = []
    for row in rows:
        path = next(iter(corpus.rglob(row["file"])), None)
        if path is None:
            continue
        expected = {
            area: CSV_GRADES[row[col]] for col, area in CSV_AREAS.items() if row[col] in CSV_GRADES
        }
        if not expected:
            continue
        try:
            got = {j.area: j.grade for j in parse_report(path).judgements}
        except UnreadableReportError as exc:
            got = {}
            problems.append(f"{exc}")
        for area, grade in expected.items():
            total += 1
            if got.get(area) == grade:
                matched += 1
            else:
                problems.append(f"{row['file']}: {area} csv={grade} parsed={got.get(area)}")
    return matched, total, problems


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
    matched, total, problems = compare(corpus)
    print(*problems, sep="\n")
    print(f"judgements matched: {matched}/{total} = {matched / max(total, 1):.3f}")


if __name__ == "__main__":
    main()
