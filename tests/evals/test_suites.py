"""Gold suites, their splits, the cached eval index and the eval's clear errors."""

import shutil

from typer.testing import CliRunner

from app.cli import cli
from evals.cache import cache_key
from evals.gold import load_gold
from evals.metrics import key_facts_ok
from evals.suites import SCALE_SUITES, gold_files, split_files
from index import Settings
from tests.conftest import REPORTS


def _council(report_id: str) -> str:
    return report_id.rsplit("-", 1)[0]


def test_splits_are_whole_councils_and_test_is_about_forty_percent():
    councils = {s: {_council(r) for r in split_files(s).values()} for s in SCALE_SUITES}
    assert not councils["dev"] & councils["test"]
    assert not (councils["dev"] | councils["test"]) & councils["fresh"]
    assert not (councils["dev"] | councils["test"] | councils["fresh"]) & councils["fresh2"]
    earlier = councils["dev"] | councils["test"] | councils["fresh"] | councils["fresh2"]
    assert not earlier & councils["fresh3"]
    dev, test = len(split_files("dev")), len(split_files("test"))
    assert 0.35 <= test / (dev + test) <= 0.45
    assert dev + test >= 25


def test_every_scale_question_is_about_a_report_of_its_split():
    for suite in SCALE_SUITES:
        reports = set(split_files(suite).values())
        questions = [q for f in gold_files(suite) for q in load_gold(f)]
        assert questions and {q.report for q in questions} <= reports, suite


def test_the_issue_asks_for_400_questions_of_these_kinds():
    questions = [q for s in ("dev", "test") for f in gold_files(s) for q in load_gold(f)]
    assert len(questions) >= 400
    at_least = {
        "two_part": 60,
        "why": 40,
        "improve": 30,
        "list_all": 20,
        "follow_up": 30,
        "unanswerable": 40,
    }
    for tag, n in at_least.items():
        assert sum(tag in q.tags for q in questions) >= n, tag
    assert sum("number" in q.tags or "date" in q.tags for q in questions) >= 60


def test_forbidden_strings_fail_the_key_facts():
    assert key_facts_ok("Newham 2019 was inadequate", [["Newham 2019"]])
    assert not key_facts_ok("Newham 2019 and Newham 2026", [["Newham 2019"]], ["Newham 2026"])


def test_the_cache_key_follows_the_files_content(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("one")
    b.write_text("two")
    settings = Settings(index_dir=tmp_path / "ix")
    key = cache_key([a, b], settings)
    assert key == cache_key([b, a], settings)  # order does not matter
    b.write_text("changed")
    assert key != cache_key([a, b], settings)


def test_eval_on_an_empty_index_fails_with_a_clear_message(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "--index-dir", str(tmp_path / "empty")])
    said = " ".join(result.output.split())
    assert result.exit_code == 2
    assert "has no reports" in said and "Traceback" not in said


def test_eval_with_an_unknown_suite_or_missing_corpus_says_so(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "--suite", "nope"])
    assert result.exit_code == 2 and "unknown suite 'nope'" in " ".join(result.output.split())
    empty = tmp_path / "corpus"
    shutil.copytree(REPORTS, empty)
    result = CliRunner().invoke(cli, ["eval", "--suite", "test", "--corpus", str(empty)])
    assert result.exit_code == 2 and "missing" in result.output
