"""The index keeps each ingested PDF, so the app can show its pages wherever it came from."""

from ingest import content_hash
from tests.conftest import REPORTS


def test_an_ingested_pdf_is_kept_with_its_content_hash(full_index):
    path, digest = full_index.source_pdf("croydon-2024")
    assert digest == content_hash(REPORTS / "croydon-2024-12-03.pdf")
    assert content_hash(path) == digest
    assert full_index.source_pdf("tower-hamlets-2017") is None  # a text report has no pages
    assert full_index.source_pdf("no-such-report") is None
