"""The latency-only benchmark refuses a folder that holds no index, naming it."""

import subprocess
import sys


def test_latency_index_names_a_missing_or_empty_folder(tmp_path):
    for folder in (tmp_path / "missing", tmp_path):
        run = subprocess.run(
            [sys.executable, "-m", "evals.bench", "--latency-index", str(folder)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode != 0
        assert str(folder) in run.stderr and "no index" in run.stderr
        assert "Traceback" not in run.stderr
