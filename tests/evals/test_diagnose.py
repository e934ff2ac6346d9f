"""The diagnosis tool reads tuning suites only: the test split stays aggregate-only."""

import subprocess
import sys


def test_diagnose_refuses_the_held_out_test_split():
    run = subprocess.run(
        [sys.executable, "-m", "evals.diagnose", "--suite", "test"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert "invalid choice: 'test'" in run.stderr
