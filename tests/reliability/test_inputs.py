"""Hostile and oversized input at every door gets one line, never a traceback or a stall."""

from __future__ import annotations

import threading
import time

import pytest
from typer.testing import CliRunner

from app.cli import cli
from index import ReportIndex, Settings

from .conftest import BASE_ID, run_cli

pytestmark = pytest.mark.reliability


@pytest.fixture
def index(index_copy, monkeypatch):
    monkeypatch.setenv("OFSTED_QA_INDEX_DIR", str(index_copy))
    from index.settings import get_settings

    get_settings.cache_clear()
    return ReportIndex(Settings(index_dir=index_copy))


def _one_line(result) -> str:
    text = result.output.strip()
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in text and len(text.splitlines()) == 1, text
    return text


def test_rich_markup_in_a_path_or_id_is_printed_not_parsed(index):
    runner = CliRunner()
    ingest = runner.invoke(cli, ["ingest", "reports[/x].pdf"])
    assert ingest.exit_code == 1 and "reports[/x].pdf: no such file or folder" in ingest.output
    remove = runner.invoke(cli, ["remove", "[/x]"])
    assert remove.exit_code == 1 and "'[/x]' is not a report id" in _one_line(remove)
    long_id = runner.invoke(cli, ["remove", "a" * 5000])
    assert long_id.exit_code == 1 and len(_one_line(long_id)) < 300


def test_invalid_utf8_in_a_history_file_or_a_question(index, tmp_path):
    history = tmp_path / "history.txt"
    history.write_bytes(b"what about care leavers?\n\xff\xfe bad\n")
    bad_file = CliRunner().invoke(cli, ["ask", "why?", "--history-file", str(history)])
    assert bad_file.exit_code == 2 and "not UTF-8 text (byte 25)" in _one_line(bad_file)
    # A question that is not UTF-8 reaches Python as lone surrogates (surrogateescape).
    done = run_cli(
        index.settings.index_dir, "ask", b"caseloads \xff?".decode("utf-8", "surrogateescape")
    )
    assert done.returncode == 0 and "not valid text" in done.stdout, done.stderr


def test_unknown_bad_and_removed_ids_in_a_scope_get_one_line(index):
    from app.answer import answer

    assert answer("caseloads?", default_scope=["croydon-2099"], index=index).refusal_reason == (
        "No report 'croydon-2099' is indexed."
    )
    bad = answer("caseloads?", default_scope=["../../etc"], index=index)
    assert "is not a report id" in bad.refusal_reason
    reader = ReportIndex(index.settings)  # a long-lived reader, as the app is
    assert not answer("private fostering?", default_scope=[BASE_ID], index=reader).refused
    assert index.remove(BASE_ID)
    gone = answer("caseloads?", default_scope=[BASE_ID], index=reader)
    assert gone.refused and "tower-hamlets-2017 is no longer indexed" in gone.refusal_reason


def test_a_huge_or_hostile_history_costs_nothing_and_is_never_replayed(index):
    from app.answer import answer

    answer("What did inspectors say about private fostering?", index=index)  # warm
    started = time.perf_counter()
    result = answer(
        "and private fostering?",
        history=["x" * 1_000_000, 42, None, "What did inspectors say about private fostering?"]
        * 500,
        index=index,
    )
    assert time.perf_counter() - started < 5  # 12-14 s of CPU before the bound
    assert "x" * 50 not in (result.rewritten_query or "")
    refused = answer("y" * 5000, index=index)
    assert refused.refused and "too long" in refused.refusal_reason


def test_one_reload_per_change_however_many_sessions_ask(index, tmp_path):
    reader = ReportIndex(index.settings)
    assert not reader.refresh()
    assert index.remove(BASE_ID)
    threads = [threading.Thread(target=reader.refresh) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert reader.reloads == 1 and reader.is_empty()
    assert not reader.refresh() and reader.reloads == 1


def test_smaller_ingest_messages(index, base_report, tmp_path):
    from index import writer

    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    (folder / "notes.docx").write_text("x")
    (folder / "r.txt").write_bytes(base_report.read_bytes())
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    errors: list[str] = []
    warnings: list[str] = []
    writer.collect_files([folder, loop], errors, warnings)
    assert errors == [f"{loop}: symbolic link loop"]
    assert any("1 subfolder(s) not searched (sub)" in w for w in warnings)
    assert any("not .pdf or .txt (notes.docx)" in w for w in warnings)
    from ingest import UnreadableReportError
    from ingest.read import read_lines

    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (50 * 2**20 + 1))
    with pytest.raises(UnreadableReportError, match="file is 50 MB, over the 50 MB limit"):
        read_lines(big, 50 * 2**20)


def test_feedback_export_neutralises_formulas():
    from app.feedback import inert_cell

    for cell in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", " =1"):
        assert inert_cell(cell).startswith("'")
    assert inert_cell("care leavers") == "care leavers" and inert_cell(3) == 3


def test_app_binds_loopback_unless_told_and_ignores_the_current_folder(monkeypatch):
    import os

    seen = {}
    monkeypatch.setattr(os, "execv", lambda exe, args: seen.setdefault("args", args))
    CliRunner().invoke(cli, ["app"])
    args = seen["args"]
    assert "-P" in args and args[args.index("--server.address") + 1] == "127.0.0.1"
    seen.clear()
    CliRunner().invoke(cli, ["app", "--host", "0.0.0.0"])
    assert seen["args"][seen["args"].index("--server.address") + 1] == "0.0.0.0"


def test_markup_in_a_model_answer_is_removed_with_a_notice():
    from app.limits import clean_model_answer
    from app.types import Answer, AnswerSentence

    result = Answer(question="q", mode="llm:test")
    result.sentences = [
        AnswerSentence("Caseloads were high <script>alert(1)</script> [here](javascript:x).", [1]),
        AnswerSentence("Managers were visible.", [1]),
    ]
    clean_model_answer(result)
    assert result.sentences[0].text == "Caseloads were high here."
    assert "Removed markup" in result.notice
