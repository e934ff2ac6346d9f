"""The diagnosis tool reads tuning suites only: the test split stays aggregate-only."""

import subprocess
import sys

import pytest

from evals.report import markdown
from evals.suites import HELD_OUT


@pytest.mark.parametrize("suite", HELD_OUT)
def test_diagnose_refuses_the_held_out_suites(suite):
    run = subprocess.run(
        [sys.executable, "-m", "evals.diagnose", "--suite", suite],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert f"invalid choice: '{suite}'" in run.stderr


def test_the_report_lists_no_failure_of_a_held_out_suite():
    failure = {"id": "q-1", "question": "How many?", "answer": "secret", "citations": []}
    failure.update(refused=False, unanswerable=False, tags=[], key_facts=False)
    fails = {s: [failure] for s in ("dev", *HELD_OUT)}
    text = markdown({}, {}, fails, {s: [] for s in fails})
    assert text.count("q-1") == 1  # dev's
    for suite in HELD_OUT:
        assert f"## Failures: {suite} (1; not listed: held out)" in text
