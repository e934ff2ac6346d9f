"""The reports' files as the app serves them: a citation's PDF page, a text report's paragraph."""

import urllib.error
import urllib.request

from app import answer
from app.sources import FOLDER, URL_PREFIX, paragraph_anchor, publish, source_link
from tests.servers import streamlit_server


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type"), b""


def test_only_indexed_reports_are_published(full_index):
    stray = FOLDER / "notes.pdf"
    FOLDER.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"%PDF- not a report")
    served = publish(full_index)
    assert not stray.exists()
    assert set(served) == {r.id for r in full_index.reports()}
    assert sorted(p.name for p in FOLDER.iterdir()) == sorted(served.values())
    assert served["croydon-2024"].endswith(".pdf")
    assert served["tower-hamlets-2017"].endswith(".html")  # the shipped text report


def test_citation_links_to_its_pdf_page_or_its_paragraph(full_index):
    served = publish(full_index)
    pdf = answer(
        "What did inspectors find about care leavers?", scope=["croydon-2024"], index=full_index
    )
    c = pdf.citations[0]
    label, url = source_link(c, served)
    assert label == f"Open in PDF, p.{c.page}"
    assert url == f"{URL_PREFIX}/{served['croydon-2024']}#page={c.page}"
    text = answer("Who was the lead inspector?", scope=["tower-hamlets-2017"], index=full_index)
    label, url = source_link(text.citations[0], served)
    assert label == "Show in the full report text"
    assert url.endswith("#" + paragraph_anchor(text.citations[0].paragraph_id))


def test_pdf_and_text_pages_are_served_by_streamlit(full_index):
    served = publish(full_index)
    with streamlit_server(full_index.settings.index_dir) as base:
        status, ctype, body = _get(f"{base}/{URL_PREFIX}/{served['croydon-2024']}")
        assert (status, ctype) == (200, "application/pdf") and body.startswith(b"%PDF")
        status, ctype, body = _get(f"{base}/{URL_PREFIX}/{served['tower-hamlets-2017']}")
        assert status == 200 and ctype.startswith("text/html")
        assert b"Take immediate action" in body
        assert _get(f"{base}/{URL_PREFIX}/nothing-here.pdf")[0] == 404
        assert _get(f"{base}/{URL_PREFIX}/..%2F..%2Fpyproject.toml")[0] in (400, 404)
