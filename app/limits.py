"""Bounds and checks on what reaches answer(): the question, the history, the report ids.

Everything here is checked once, at the door, and a bad value gets a one-line answer that
names it instead of a traceback (STYLE habit 3). Kept apart from answer() so any router can
call it first.
"""

from __future__ import annotations

import re
from pathlib import Path

from .types import Answer

MAX_QUESTION_CHARS = 1000
MAX_HISTORY_TURNS = 6  # as conversation.MAX_HISTORY: older turns no longer steer a follow-up
MAX_HISTORY_FILE_BYTES = 64 * 1024  # six turns of 1,000 characters, with room to spare
MAX_ID_CHARS = 80
REPORT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # what ingest.metadata's slug produces


def readable(text: str) -> str:
    """The text with anything that is not valid Unicode (a lone surrogate, as Python decodes
    invalid UTF-8 on the command line) replaced by U+FFFD, so it can be printed and saved."""
    return text.encode("utf-8", "replace").decode("utf-8")


def question_problem(question: str) -> str | None:
    """Why `question` (already whitespace-normalised) cannot be asked, or None."""
    if not question:
        return "Please ask a question about an inspection report."
    if len(question) > MAX_QUESTION_CHARS:
        return (
            f"The question is too long ({len(question)} characters; "
            f"the limit is {MAX_QUESTION_CHARS})."
        )
    if readable(question) != question:
        return "The question is not valid text (it contains bytes that are not UTF-8)."
    return None


def clean_history(history) -> list[str]:
    """The turns a follow-up may lean on: text only, each one a question that could have been
    asked (a refused one never steers a follow-up), the last MAX_HISTORY_TURNS of them.

    Checked from the newest backwards, so a huge history costs no more than its last turns.
    """
    kept: list[str] = []
    for turn in reversed(list(history or ())[-100 * MAX_HISTORY_TURNS :]):
        if len(kept) == MAX_HISTORY_TURNS:
            break
        if not isinstance(turn, str) or len(turn) > 4 * MAX_QUESTION_CHARS:
            continue
        turn = " ".join(turn.split())
        if question_problem(turn) is None:
            kept.append(turn)
    return kept[::-1]


def check_report_id(report_id: str) -> str | None:
    """Why `report_id` cannot be a report id, or None."""
    if not isinstance(report_id, str):
        return f"a report id must be text, not {type(report_id).__name__}"
    shown = readable(report_id[:MAX_ID_CHARS]) + ("…" if len(report_id) > MAX_ID_CHARS else "")
    if len(report_id) > MAX_ID_CHARS or not REPORT_ID.match(report_id):
        return f"'{shown}' is not a report id (ids look like croydon-2020; see `ofsted-qa reports`)"
    return None


def scope_problem(index, scope, default_scope) -> str | None:
    """Why the report ids asked for cannot be answered from, or None. The index first picks up
    any commit another process made, so a report removed since the last question is named as
    such rather than failing later on its deleted files."""
    index.refresh()
    for report_id in [*(scope or []), *(default_scope or [])]:
        problem = check_report_id(report_id)
        if problem:
            return problem[0].upper() + problem[1:] + "."
        if index.report(report_id) is None:
            if report_id in index.removed:
                return (
                    f"The report {report_id} is no longer indexed (it was removed while this "
                    "conversation was open). Choose another report."
                )
            return f"No report '{report_id}' is indexed."
    return None


def read_history_file(path: Path) -> list[str]:
    """Earlier questions, one a line; ValueError with a one-line reason when unreadable."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_HISTORY_FILE_BYTES + 1)
    except OSError as exc:
        raise ValueError(f"{path}: {exc.strerror or exc}") from None
    if len(data) > MAX_HISTORY_FILE_BYTES:
        raise ValueError(
            f"{path}: history file is over {MAX_HISTORY_FILE_BYTES // 1024} KB "
            f"(only the last {MAX_HISTORY_TURNS} questions are used)"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    return [line for line in text.splitlines() if line.strip()]


# Markup a model might write into an answer: HTML tags, Markdown links and images, link
# schemes. The app escapes everything it shows, so this is about not passing it on silently.
_ACTIVE = re.compile(r"(?is)<(script|style|iframe|object)\b.{0,5000}?</\1\s*>")
_TAG = re.compile(r"</?[A-Za-z][^>]{0,500}>")
_MD_LINK = re.compile(r"!?\[([^\]]{0,500})\]\([^)]{0,2000}\)")
_SCHEME = re.compile(r"(?i)\b(javascript|vbscript|data|file):")


def strip_markup(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    text = _ACTIVE.sub("", text)
    text = _TAG.sub("", text)
    text = _SCHEME.sub("", text)
    return " ".join(text.split())


def clean_model_answer(result: Answer) -> None:
    """A generative answer's sentences without markup, and a notice when any was removed."""
    changed = 0
    for sentence in result.sentences:
        clean = strip_markup(sentence.text)
        if clean != sentence.text:
            sentence.text = clean
            changed += 1
    result.sentences = [s for s in result.sentences if s.text]
    if changed:
        note = f"Removed markup (HTML or links) from {changed} sentence(s) of the model's answer."
        result.notice = f"{result.notice} {note}".strip()
