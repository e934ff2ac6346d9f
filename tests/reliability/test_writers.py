"""One writer at a time, and no report ever lost: real `ofsted-qa` processes on one index."""

from __future__ import annotations

import json
import os
import signal

import pytest

from index import ReportIndex, Settings
from index.lock import write_lock

from .conftest import BASE_ID, mini_report, run_cli, start_cli, wait_for

pytestmark = pytest.mark.reliability


def _state(index_dir):
    index = ReportIndex(Settings(index_dir=index_dir))
    live = {i for e in index.store.manifest().values() for i in e["node_ids"]}
    return index, live


def test_two_ingests_at_once_keep_every_report(index_copy, tmp_path):
    first = start_cli(index_copy, "ingest", mini_report(tmp_path, "Testshire"))
    second = start_cli(index_copy, "ingest", mini_report(tmp_path, "Otherbury"))
    outputs = [p.communicate(timeout=150) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert any("waiting for another ingest or remove" in err for _out, err in outputs), outputs
    index, live = _state(index_copy)
    ids = ["otherbury-2017", "testshire-2017", BASE_ID]
    assert sorted(r.id for r in index.reports()) == ids
    assert index.vectors.count() == len(live)  # no vector lost, none left over
    for rid in ids:
        assert index.search("care leavers", 3, report_ids=[rid], mode="dense")
        assert index.search("care leavers", 3, report_ids=[rid], mode="bm25")


def test_a_writer_that_cannot_wait_fails_clearly_and_readers_never_wait(index_copy):
    with write_lock(index_copy, "test"):
        busy = run_cli(index_copy, "remove", BASE_ID, "--wait", "0")
        reader = run_cli(index_copy, "reports")
    assert busy.returncode == 2
    assert "another ingest or remove is writing" in busy.stderr
    assert "Traceback" not in busy.stderr and len(busy.stderr.strip().splitlines()) == 1
    assert reader.returncode == 0 and BASE_ID in reader.stdout


def test_kill_9_mid_ingest_leaves_the_old_state_answering(index_copy, tmp_path):
    from app.answer import answer

    reports = next(index_copy.glob("ofsted-*")) / "reports"
    before = set(os.listdir(reports))
    new = [mini_report(tmp_path, "Testshire"), mini_report(tmp_path, "Otherbury")]
    proc = start_cli(index_copy, "ingest", *new)
    # The first new report's files are written before the commit: kill it right there.
    wait_for(lambda: set(os.listdir(reports)) - before or proc.poll() is not None, 120, "write")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    index = ReportIndex(Settings(index_dir=index_copy))
    assert [r.id for r in index.reports()] == [BASE_ID]
    result = answer("What did inspectors say about private fostering?", index=index)
    assert not result.refused and result.citations[0].report_id == BASE_ID
    # The killed writer's lock died with it: the next writer does not wait.
    again = run_cli(index_copy, "remove", BASE_ID, "--wait", "0")
    assert again.returncode == 0, again.stderr


def test_two_files_of_one_report_are_refused_together(index_copy, base_report, tmp_path):
    renamed = tmp_path / "th-again.txt"
    renamed.write_text(base_report.read_text() + "\n")  # the same report, other bytes
    both = run_cli(index_copy, "ingest", base_report, renamed)
    assert both.returncode == 1 and f"both are report {BASE_ID}" in both.stderr, both.stderr
    alone = run_cli(index_copy, "ingest", renamed)
    assert alone.returncode == 1
    assert f"already indexed from {base_report.name}; pass --replace" in alone.stderr
    replaced = run_cli(index_copy, "ingest", renamed, "--replace")
    assert replaced.returncode == 0 and "1 indexed" in replaced.stdout, replaced.stderr
    manifest = json.loads(next(index_copy.glob("ofsted-*/manifest.json")).read_text())
    assert manifest[BASE_ID]["source"] == "th-again.txt"
