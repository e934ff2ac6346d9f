"""Starting real local servers for tests: a free port, and waiting until one answers."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

# Debian's Chromium, driven by Playwright in the browser and reliability tests.
CHROMIUM = "/usr/bin/chromium"
# Without these, Chromium keeps trying to reach Google's hosts on this closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(proc: subprocess.Popen, url: str, what: str, seconds: float = 90) -> None:
    """Poll `url` until it answers; fail the test if the process dies or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"{what} exited with {proc.returncode}")
            time.sleep(0.3)
    proc.kill()
    pytest.fail(f"{what} did not answer within {seconds:.0f} s")


ROOT = Path(__file__).resolve().parents[1]


@contextlib.contextmanager
def streamlit_server(index_dir: Path):
    """The chat app served by `streamlit run` on a free port, with the repo's config; yields
    its base URL."""
    port = free_port()
    env = {**os.environ, "OFSTED_QA_INDEX_DIR": str(index_dir)}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app" / "streamlit_app.py")]
    command += ["--server.port", str(port), "--server.headless", "true"]
    command += ["--browser.gatherUsageStats", "false", "--server.enableStaticServing", "true"]
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(proc, f"{url}/_stcore/health", "streamlit")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
