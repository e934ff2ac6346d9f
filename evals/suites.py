"""Named gold suites: which gold files, scored on which reports.

- `shipped`: the original gold sets, on the index of the ten shipped reports.
- `cross`: cross-report questions, on the same index.
- `dev`, `test`, `fresh`, `fresh2`, `fresh3`: questions about reports of
  ../shared/corpus/scale, each suite on a cached index of just the reports its split names
  (evals/gold/splits.json).
  `test` is held out: read as aggregate figures only, and so is `fresh3` (not in
  evals/diagnose.py's ALLOWED) until a stop has reported its unseen figures.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .gold import GOLD_DIR

SUITES = ("shipped", "cross", "dev", "test", "fresh", "fresh2", "fresh3")
SCALE_SUITES = ("dev", "test", "fresh", "fresh2", "fresh3")
# Read only as aggregate figures: no per-question rows in the reports, no diagnose.
HELD_OUT = ("test", "fresh3")
_FOLDERS = {
    "cross": "cross",
    "dev": "scale/dev",
    "test": "scale/test",
    "fresh": "fresh",
    "fresh2": "fresh2",
    "fresh3": "fresh3",
}


def gold_files(suite: str) -> list[Path]:
    if suite not in SUITES:
        raise ValueError(f"unknown suite {suite!r}: expected one of {', '.join(SUITES)}")
    if suite == "shipped":
        return sorted(GOLD_DIR.glob("*.jsonl"))
    return sorted((GOLD_DIR / _FOLDERS[suite]).glob("*.jsonl"))


def split_files(suite: str) -> dict[str, str]:
    """Corpus file name -> report id, for a scale suite."""
    return json.loads((GOLD_DIR / "splits.json").read_text())[suite]


def default_corpus() -> Path:
    """../shared/corpus/scale, or OFSTED_QA_SHARED/corpus/scale (CI sets it)."""
    shared = os.environ.get("OFSTED_QA_SHARED")
    root = Path(shared) if shared else Path(__file__).resolve().parents[2] / "shared"
    return root / "corpus" / "scale"


def corpus_paths(suites: list[str], corpus: Path) -> list[Path]:
    """The corpus files the scale suites need; a clear error when any is missing."""
    names = [name for s in suites if s in SCALE_SUITES for name in split_files(s)]
    missing = [n for n in names if not (corpus / n).is_file()]
    if missing:
        raise FileNotFoundError(
            f"{corpus}: {len(missing)} report(s) of the scale gold sets are missing "
            f"(e.g. {missing[0]}); pass --corpus DIR with the ../shared/corpus/scale PDFs"
        )
    return [corpus / n for n in names]
