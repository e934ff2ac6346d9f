"""Shared fixtures: real reports, the real MiniLM model, real Chroma, in temporary folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
SEED = REPORTS / "tower-hamlets-2017-04-07.txt"
SEED_PDF = ROOT / "tests" / "data" / "tower-hamlets-2017-04-07.pdf"
SHARED = Path(os.environ.get("OFSTED_QA_SHARED", ROOT.parent / "shared"))


@pytest.fixture(autouse=True)
def _isolated_state(tmp_path, monkeypatch):
    """No test writes to the project's own var/ folder."""
    monkeypatch.setenv("OFSTED_QA_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("OFSTED_QA_FEEDBACK_DB", str(tmp_path / "feedback.sqlite3"))
    from index.settings import get_settings

    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def full_index(tmp_path_factory):
    """The ten shipped reports, indexed once per test session."""
    from index import ReportIndex, Settings

    index = ReportIndex(Settings(index_dir=tmp_path_factory.mktemp("full-index")))
    summary = index.ingest([REPORTS])
    assert not summary.errors, summary.errors
    return index


@pytest.fixture(scope="session")
def seed_report():
    from ingest import parse_report

    return parse_report(SEED)


@pytest.fixture(scope="session")
def seed_pdf_report():
    from ingest import parse_report

    return parse_report(SEED_PDF)
