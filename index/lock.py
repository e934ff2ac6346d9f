"""One writer at a time: a lock file in the index folder, taken by ingest and remove only.

Readers never take it. They see whole states because the manifest is swapped atomically and
the files it names are only deleted after the swap (see writer.py), so a reader that loses a
race simply reloads.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = ".write.lock"
DEFAULT_WAIT_S = 300.0  # a full ten-report ingest takes about a minute on 2 cores


class IndexBusyError(Exception):
    """Another process is writing to the index and did not finish within the wait."""


class IndexReadOnlyError(Exception):
    """The index folder cannot be written by this process (read-only mount or permissions)."""


def writable(folder: Path) -> bool:
    """True when this process can write `folder` (a folder or a file, or the nearest existing
    parent of one not yet made).

    os.access also says no on a read-only mount, where root's permission bits do not matter.
    """
    folder = Path(folder)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK | (os.X_OK if folder.is_dir() else 0))


def require_writable(index_dir: Path, action: str) -> None:
    index_dir = Path(index_dir)
    targets = [index_dir, *index_dir.glob("*"), *index_dir.glob("*/*")]
    blocked = next((p for p in targets if p.is_dir() and not writable(p)), None)
    if blocked is None and not writable(index_dir):
        blocked = index_dir
    if blocked is not None:
        raise IndexReadOnlyError(
            f"cannot {action}: the index at {index_dir} is read-only for this process "
            f"({blocked} is not writable); it can still be searched"
        )


@contextmanager
def write_lock(
    index_dir: Path,
    action: str,
    wait_s: float | None = None,
    say: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the index's write lock; wait up to `wait_s` seconds (None: the default) for it."""
    require_writable(index_dir, action)
    Path(index_dir).mkdir(parents=True, exist_ok=True)
    lock = FileLock(Path(index_dir) / LOCK_NAME)
    wait = DEFAULT_WAIT_S if wait_s is None else max(0.0, wait_s)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if wait <= 0:
            raise IndexBusyError(
                f"cannot {action}: another ingest or remove is writing to {index_dir} "
                "(try again, or pass --wait SECONDS)"
            ) from None
        if say:
            say(f"waiting for another ingest or remove to finish (up to {wait:.0f} s)")
        try:
            lock.acquire(timeout=wait)
        except Timeout:
            raise IndexBusyError(
                f"cannot {action}: another ingest or remove still held {index_dir} "
                f"after {wait:.0f} s (--wait)"
            ) from None
    try:
        yield
    finally:
        lock.release()
