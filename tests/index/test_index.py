"""The index: hybrid search, idempotent and atomic ingest, removal, collection naming."""

import pytest

from index import ReportIndex, Settings, collection_name
from index.engine import lexical_query
from tests.conftest import REPORTS, SEED


@pytest.fixture
def seed_index(tmp_path):
    index = ReportIndex(Settings(index_dir=tmp_path / "ix"))
    summary = index.ingest([SEED])
    assert [r.id for r in summary.indexed] == ["tower-hamlets-2017"]
    return index


def test_hybrid_search_finds_the_paragraph(full_index):
    hits = full_index.search(
        "how many children were on a child protection plan", report_ids=["tower-hamlets-2017"]
    )
    assert "401 children and young people" in hits[0].paragraph.text
    assert all(h.paragraph.report_id == "tower-hamlets-2017" for h in hits)


def test_bm25_ignores_the_question_framing(full_index):
    query = "What did inspectors find about pathway plans?"
    assert lexical_query(query) == "What did about pathway plans"
    # Kept: they meet the Recommendations heading and "at the time of the inspection".
    assert "recommend" in lexical_query("What did Ofsted recommend at the inspection?")
    assert "inspection" in lexical_query("What did Ofsted recommend at the inspection?")
    hits = full_index.search(query, 2, report_ids=["tower-hamlets-2017"], mode="bm25")
    assert all("pathway plans" in h.paragraph.text for h in hits)


@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_each_mode_returns_scoped_hits(full_index, mode):
    hits = full_index.search("private fostering", 5, report_ids=["croydon-2017"], mode=mode)
    assert hits and all(h.paragraph.report_id == "croydon-2017" for h in hits)


def test_ingesting_the_same_file_twice_changes_nothing(seed_index):
    before = seed_index.vectors.count()
    summary = seed_index.ingest([SEED])
    assert summary.unchanged == ["tower-hamlets-2017"] and not summary.indexed
    assert seed_index.vectors.count() == before


def test_a_changed_file_replaces_its_paragraphs(seed_index, tmp_path):
    changed = tmp_path / SEED.name  # the same file, edited: another file would need --replace
    changed.write_text(SEED.read_text().replace("401 children", "402 children"))
    seed_index.ingest([changed])
    texts = [p.text for r in seed_index.reports() for p in r.paragraphs]
    assert any("402 children" in t for t in texts)
    assert not any("401 children" in t for t in texts)
    assert len(seed_index.reports()) == 1
    live = {i for e in seed_index.store.manifest().values() for i in e["node_ids"]}
    assert seed_index.vectors.count() == len(live)


def test_remove_report(seed_index):
    assert seed_index.remove("tower-hamlets-2017")
    assert seed_index.is_empty()
    assert seed_index.vectors.count() == 0
    assert not seed_index.remove("tower-hamlets-2017")


class Boom(RuntimeError):
    pass


def test_failed_ingest_leaves_previous_index_whole(seed_index, monkeypatch, tmp_path):
    before = [h.paragraph.id for h in seed_index.search("private fostering")]
    count = seed_index.vectors.count()

    def fail(report):
        raise Boom(f"disk full after writing {report.id}")

    monkeypatch.setattr(seed_index, "after_report_written", fail)
    with pytest.raises(Boom):
        seed_index.ingest([REPORTS / "newham-2019-03-25.pdf"])
    assert seed_index.vectors.count() == count
    reopened = ReportIndex(seed_index.settings)
    assert [h.paragraph.id for h in reopened.search("private fostering")] == before


def test_collection_name_says_how_it_was_made():
    name = collection_name("all-MiniLM-L6-v2", 120)
    assert name.startswith("ofsted-p") and "w120" in name and "minilm" in name


def test_a_hit_says_its_rank_in_each_retriever(full_index):
    hits = full_index.search("private fostering", 5, report_ids=["tower-hamlets-2017"])
    assert hits and all(set(h.channel_ranks) <= {"dense", "bm25", "rare"} for h in hits)
    assert any({"dense", "bm25"} <= set(h.channel_ranks) for h in hits)
    dense = full_index.search("private fostering", 5, mode="dense")
    assert [set(h.channel_ranks) for h in dense] == [{"dense"}] * len(dense)
    assert [h.channel_ranks["dense"] for h in dense] == [h.rank for h in dense]
