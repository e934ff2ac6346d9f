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
    scope TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT ''  -- what was wrong, optional, asked after a thumbs down
)
"""
COLUMNS = ("id", "created", "rating", "question", "answer", "citations", "scope", "comment")
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
    # Databases made before comments were asked for lack the column.
    if "comment" not in {row[1] for row in conn.execute("PRAGMA table_info(feedback)")}:
        conn.execute("ALTER TABLE feedback ADD COLUMN comment TEXT NOT NULL DEFAULT ''")
    return conn


def _check(rating: int) -> None:
    if rating not in (0, 1):
        raise ValueError(f"rating must be 0 or 1, not {rating!r}")


def record(path: Path, answer: Answer, rating: int, comment: str = "") -> int:
    """Store a rating; returns its row id, which `update` takes when the user changes it."""
    _check(rating)
    citations = [
        {"report": c.report_id, "paragraph_id": c.paragraph_id, "number": c.number}
        for c in answer.citations
    ]
    with _connect(path) as conn:
        cursor = conn.execute(
            "INSERT INTO feedback (created, rating, question, answer, citations, scope, comment) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                time.time(),
                rating,
                answer.question,
                answer.text,
                json.dumps(citations),
                ",".join(answer.scope),
                comment.strip(),
            ),
        )
    return cursor.lastrowid


def update(path: Path, row_id: int, rating: int, comment: str | None = None) -> None:
    """A changed vote (and the comment, when given) replaces the stored one."""
    _check(rating)
    with _connect(path) as conn:
        if comment is None:
            conn.execute("UPDATE feedback SET rating = ? WHERE id = ?", (rating, row_id))
        else:
            conn.execute(
                "UPDATE feedback SET rating = ?, comment = ? WHERE id = ?",
                (rating, comment.strip(), row_id),
            )


def row(path: Path, row_id: int) -> dict | None:
    with _connect(path) as conn:
        found = conn.execute(
            f"SELECT {', '.join(COLUMNS)} FROM feedback WHERE id = ?", (row_id,)
        ).fetchone()
    return dict(zip(COLUMNS, found)) if found else None


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
