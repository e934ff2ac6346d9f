"""Thumbs up/down on answers, kept in a local SQLite file, exportable as CSV."""

from __future__ import annotations

import csv
import json
import sqlite3
import time
from pathlib import Path

from .types import Answer

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY,
    created REAL NOT NULL,
    rating INTEGER NOT NULL,          -- 1 thumbs up, 0 thumbs down
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,          -- JSON list of {report, paragraph_id, number}
    scope TEXT NOT NULL
)
"""
COLUMNS = ("id", "created", "rating", "question", "answer", "citations", "scope")
# A cell starting with one of these runs as a formula in Excel, LibreOffice or Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def inert_cell(value):
    """A text cell a spreadsheet shows as text: OWASP's advice, a leading apostrophe."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _connect(path: Path) -> sqlite3.Connection:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=10)
    conn.execute(SCHEMA)
    return conn


def record(path: Path, answer: Answer, rating: int) -> None:
    if rating not in (0, 1):
        raise ValueError(f"rating must be 0 or 1, not {rating!r}")
    citations = [
        {"report": c.report_id, "paragraph_id": c.paragraph_id, "number": c.number}
        for c in answer.citations
    ]
    with _connect(path) as conn:
        conn.execute(
            "INSERT INTO feedback (created, rating, question, answer, citations, scope) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                time.time(),
                rating,
                answer.question,
                answer.text,
                json.dumps(citations),
                ",".join(answer.scope),
            ),
        )


def export_csv(path: Path, out: Path) -> int:
    if not Path(path).exists():
        rows = []
    else:
        with _connect(path) as conn:
            rows = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id").fetchall()
    with Path(out).open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows([inert_cell(v) for v in row] for row in rows)
    return len(rows)
