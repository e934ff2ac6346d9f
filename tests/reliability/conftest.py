"""Shared parts of the reliability suite: real `ofsted-qa` processes on copies of one index.

One small index is built once per session; each test works on its own copy, so a test that
kills or locks it cannot harm another. Its reports are the opening of the seed report (its
executive summary and area facts, 39 paragraphs) under other council names: small enough that
every test process stays cheap on two cores, real enough to parse, embed and answer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED
from tests.servers import free_port, wait_until_up

BASE_ID = "tower-hamlets-2017"
HOSTILE = (
    "Private fostering notices were kept in the quokka register "
    "<script>alert('script')</script> <img src=x onerror=alert('img')> "
    "[click here](http://evil.example/) [run me](javascript:alert('link')) "
    'javascript:alert(\'bare\') =HYPERLINK("http://evil.example","x") '
    "$\\frac{1}{2}$ :red[alarm] **bold**."
)


def env_for(index_dir: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "OFSTED_QA_INDEX_DIR": str(index_dir),
        "OFSTED_QA_DEFAULT_REPORT": BASE_ID,
        **extra,
    }


def cli_args(*args: str) -> list[str]:
    return [sys.executable, "-m", "app.cli", *map(str, args)]


def run_cli(index_dir: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """`ofsted-qa ARGS` in a fresh process, as a user in a terminal would run it."""
    return subprocess.run(
        cli_args(*args),
        cwd=ROOT,
        env=env_for(index_dir),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start_cli(index_dir: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        cli_args(*args),
        cwd=ROOT,
        env=env_for(index_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def mini_report(folder: Path, council: str = "Tower Hamlets", extra: str = "") -> Path:
    """The seed report's first 260 lines, as the report of `council` (id `<slug>-2017`)."""
    lines = SEED.read_text().splitlines(keepends=True)[:260]
    text = "".join(lines).replace("Tower Hamlets", council)
    anchor = "conducted in most cases."
    assert anchor in text
    text = text.replace(anchor, f"{anchor} {extra}".strip(), 1)
    slug = council.lower().replace(" ", "-")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}-2017-mini.txt"
    path.write_text(text)
    return path


def hostile_report(folder: Path) -> Path:
    """A report with a sentence of every kind of injection, for the council of Quokkaham."""
    return mini_report(folder, "Quokkaham", HOSTILE)


@pytest.fixture(scope="session")
def base_index(tmp_path_factory) -> Path:
    from index import ReportIndex, Settings

    folder = tmp_path_factory.mktemp("base")
    report = mini_report(folder / "reports")
    summary = ReportIndex(Settings(index_dir=folder / "index")).ingest([report])
    assert [r.id for r in summary.indexed] == [BASE_ID], summary.errors
    return folder / "index"


@pytest.fixture(scope="session")
def base_report(base_index) -> Path:
    return base_index.parent / "reports" / "tower-hamlets-2017-mini.txt"


@pytest.fixture
def index_copy(base_index, tmp_path) -> Path:
    target = tmp_path / "index"
    shutil.copytree(base_index, target)
    return target


def start_app(index_dir: Path, log: Path) -> tuple[subprocess.Popen, str, int]:
    """`ofsted-qa app`, run from the folder holding the index: a folder named `index` there
    once shadowed the package of that name."""
    assert (index_dir.parent / "index").is_dir()
    port = free_port()
    env = env_for(
        index_dir,
        STREAMLIT_SERVER_HEADLESS="true",
        STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
    )
    proc = subprocess.Popen(
        cli_args("app", "--port", str(port)),
        cwd=index_dir.parent,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_up(proc, f"{url}/_stcore/health", "streamlit")
    return proc, url, port


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def wait_for(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"timed out after {seconds:.0f} s waiting for {what}")
