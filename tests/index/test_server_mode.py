"""Server mode: a real `chroma run` server, reached through OFSTED_QA_CHROMA_URL's HttpClient."""

import subprocess
import sys
from pathlib import Path

import pytest

from index import ReportIndex, Settings
from tests.conftest import SEED
from tests.servers import free_port, wait_until_up

pytestmark = pytest.mark.server


@pytest.fixture
def chroma_server(tmp_path):
    chroma = Path(sys.executable).with_name("chroma")
    port = free_port()
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server-db"), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_up(proc, f"{url}/api/v2/heartbeat", "chroma run", 60)
    yield url
    proc.terminate()
    proc.wait(timeout=30)


def test_ingest_and_query_through_a_chroma_server(chroma_server, tmp_path):
    index = ReportIndex(Settings(index_dir=tmp_path / "ix", chroma_url=chroma_server))
    summary = index.ingest([SEED])
    assert [r.id for r in summary.indexed] == ["tower-hamlets-2017"]
    assert index.vectors.count() > 100
    hits = index.search("private fostering arrangements", mode="dense")
    assert "private fostering" in hits[0].paragraph.text
    # A second process sees the same vectors through the server.
    again = ReportIndex(Settings(index_dir=tmp_path / "ix", chroma_url=chroma_server))
    assert again.vectors.count() == index.vectors.count()


def test_unreachable_server_is_a_clear_error(tmp_path):
    from index import IndexUnavailableError

    with pytest.raises(IndexUnavailableError, match="Chroma server http://127.0.0.1:9"):
        ReportIndex(Settings(index_dir=tmp_path / "ix", chroma_url="http://127.0.0.1:9"))
