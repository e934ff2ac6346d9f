"""Starting real local servers for tests: a free port, and waiting until one answers."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request

import pytest


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
