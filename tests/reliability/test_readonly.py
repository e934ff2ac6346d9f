"""A shared index served read-only: searched and answered, never written, and said so."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import stat
import subprocess

import pytest

from .conftest import BASE_ID, ROOT, cli_args, env_for

pytestmark = pytest.mark.reliability
COMMANDS = {
    "reports": ["reports"],
    "ask": ["ask", "What did inspectors say about private fostering?", "--json"],
    "ingest": ["ingest", str(ROOT / "data" / "reports" / "newham-2019-03-25.pdf")],
    "remove": ["remove", BASE_ID],
}


def _can_bind_mount() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0


def _run_read_only(index_dir, args) -> subprocess.CompletedProcess:
    """Run `ofsted-qa ARGS` where the index cannot be written: a read-only bind mount when we
    are root (root ignores permission bits), else a copy whose files lost their write bits."""
    if _can_bind_mount():
        path = shlex.quote(str(index_dir))
        script = (
            f"mount --bind {path} {path} && mount -o remount,bind,ro {path} && "
            f"exec {shlex.join(cli_args(*args))}"
        )
        command = ["unshare", "-m", "sh", "-c", script]
    else:
        command = cli_args(*args)
    return subprocess.run(
        command, cwd=ROOT, env=env_for(index_dir), capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def read_only_index(index_copy):
    if not _can_bind_mount():
        for path in [index_copy, *index_copy.rglob("*")]:
            mode = path.stat().st_mode
            path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    before = {p: p.stat().st_mtime_ns for p in index_copy.rglob("*")}
    yield index_copy
    after = {p: p.stat().st_mtime_ns for p in index_copy.rglob("*")}
    assert after == before, "the read-only index was written"
    for path in [index_copy, *index_copy.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


def test_a_read_only_index_answers_and_refuses_writes_plainly(read_only_index):
    done = {name: _run_read_only(read_only_index, args) for name, args in COMMANDS.items()}
    assert done["reports"].returncode == 0, done["reports"].stderr
    assert BASE_ID in done["reports"].stdout
    assert done["ask"].returncode == 0, done["ask"].stderr
    answer = json.loads(done["ask"].stdout)
    assert not answer["refused"] and answer["citations"][0]["report_id"] == BASE_ID
    for name in ("ingest", "remove"):
        assert done[name].returncode == 2, (name, done[name].stderr)
        assert f"cannot {name}: the index at" in done[name].stderr
        assert "read-only" in done[name].stderr and "Traceback" not in done[name].stderr
