"""One ReportIndex per process, built from data/reports/ when none exists."""

from __future__ import annotations

import threading

from index import ReportIndex, Settings, get_settings

_lock = threading.Lock()
_index: ReportIndex | None = None


def get_index(settings: Settings | None = None) -> ReportIndex:
    global _index
    with _lock:
        if _index is None or (settings is not None and settings is not _index.settings):
            _index = ReportIndex(settings or get_settings())
        return _index


def ensure_index(index: ReportIndex, progress=None):
    """Index the shipped reports if the index is empty; returns the IngestSummary or None."""
    if not index.is_empty():
        return None
    return index.ingest([index.settings.reports_dir], progress=progress)


_warm = threading.Event()


def warm_up(index: ReportIndex) -> None:
    """Load the embedding model and touch the search path, so the first question is as fast as
    any other: loading the model is most of a cold start."""
    from .answer import answer  # answer() itself uses this module

    if not index.is_empty():
        default = index.settings.default_report
        scope = [default] if index.report(default) else None
        answer("What did inspectors find about care leavers?", default_scope=scope, index=index)
    _warm.set()


def is_warm() -> bool:
    return _warm.is_set()


_llms: dict[str, object] = {}


def get_llm(settings: Settings):
    """The configured generative model, built once per process."""
    from .llm import make_llm

    with _lock:
        if settings.llm not in _llms:
            _llms[settings.llm] = make_llm(
                settings.llm, settings.llm_base_url, settings.llm_timeout_s
            )
        return _llms[settings.llm]
