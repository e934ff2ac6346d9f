"""Bad files get one line naming the file and the reason; the rest of a batch still ingests."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from ingest import UnreadableReportError, parse_report


def _one_line(exc: Exception, name: str) -> str:
    message = str(exc)
    assert "\n" not in message and message.startswith(name), message
    return message


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty.txt": b"",
        "binary.txt": b"\x00\x01\x02binary\x00",
        "latin1.txt": "caf\xe9 report".encode("latin-1"),
        "corrupt.pdf": b"%PDF-1.4\nthis is not really a pdf\n",
        "notes.docx": b"PK\x03\x04",
        "recipe.txt": b"Chocolate cake\n\nMix flour and sugar. Bake for an hour.\n",
    }
    out = {}
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        out[name] = path
    return out


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary data"),
        ("latin1.txt", "not UTF-8"),
        ("corrupt.pdf", "PDF"),
        ("notes.docx", "unsupported file type"),
        ("recipe.txt", "does not look like an Ofsted"),
    ],
)
def test_each_bad_file_names_itself_and_the_reason(bad_files, name, reason):
    with pytest.raises(UnreadableReportError) as info:
        parse_report(bad_files[name])
    assert reason in _one_line(info.value, name)


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableReportError, match="no such file"):
        parse_report(tmp_path / "nope.pdf")


def test_file_over_the_size_cap(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(UnreadableReportError, match="over the"):
        parse_report(path, max_bytes=1024)


def test_pdf_without_text_layer(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=595, height=842)  # pages with no text: a scan looks so
    path = tmp_path / "scanned.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(UnreadableReportError, match=r"no text layer \(scanned\?\)"):
        parse_report(path)


def test_encrypted_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    from tests.conftest import SEED_PDF

    writer = PdfWriter()
    writer.append(PdfReader(SEED_PDF), pages=(0, 2))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(UnreadableReportError, match="encrypted"):
        parse_report(path)


def test_batch_ingests_good_files_and_reports_bad_ones(bad_files, tmp_path):
    from tests.conftest import SEED

    runner = CliRunner()
    index_dir = tmp_path / "ix"
    result = runner.invoke(
        cli, ["ingest", str(bad_files["empty.txt"]), str(SEED), "--index-dir", str(index_dir)]
    )
    assert result.exit_code == 0, result.output
    assert "empty.txt: empty file" in result.output
    assert "Traceback" not in result.output
    listing = runner.invoke(cli, ["reports", "--index-dir", str(index_dir)], terminal_width=80)
    row = next(line for line in listing.output.splitlines() if "tower-hamlets-2017" in line)
    # Grades in Ofsted's shorthand, one column per area (overall ... LSCB), no wrapping.
    assert row.split() == ["tower-hamlets-2017", "SIF", "I", "I", "RI", "RI", "RI", "I", "I"]
    assert all(len(line) <= 80 for line in listing.output.splitlines())


def test_nothing_ingested_exits_non_zero(bad_files, tmp_path):
    result = CliRunner().invoke(
        cli, ["ingest", str(bad_files["binary.txt"]), "--index-dir", str(tmp_path / "ix")]
    )
    assert result.exit_code == 1
    assert "binary.txt: binary data, not text" in result.output
