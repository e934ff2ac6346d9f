"""A cached index of a set of report files, keyed by their content and by how it was built.

Building the index of 30 scale reports takes minutes; an eval rerun on the same files (and the
same parser, chunking and model) opens the cached one instead.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from index import ReportIndex, Settings, collection_name
from ingest import content_hash

CACHE_ROOT = Path(__file__).resolve().parent.parent / "var" / "eval-cache"


def cache_key(files: list[Path], settings: Settings) -> str:
    digest = hashlib.sha256(collection_name("all-MiniLM-L6-v2", settings.chunk_words).encode())
    for path in sorted(files, key=lambda p: p.name):
        digest.update(f"{path.name}:{content_hash(path)}\n".encode())
    return digest.hexdigest()[:16]


def cached_index(files: list[Path], root: Path = CACHE_ROOT, progress=None) -> ReportIndex:
    """The index of `files`, built once into root/<key> and reused while they are unchanged."""
    base = Settings()
    folder = root / cache_key(files, base)
    if (folder / "complete").exists():
        return ReportIndex(base.model_copy(update={"index_dir": folder}))
    # A build that was interrupted left no "complete" mark: start it again from nothing.
    shutil.rmtree(folder, ignore_errors=True)
    index = ReportIndex(base.model_copy(update={"index_dir": folder}))
    summary = index.ingest(files, progress=progress)
    if summary.errors:
        raise RuntimeError("could not index the eval corpus: " + "; ".join(summary.errors))
    (folder / "complete").touch()
    return index
