"""The CI gate: the evals must not fall below these floors.

Shipped gold sets: the eval issue's targets (hit@5 0.95, MRR 0.85, key facts 0.90, at most
0.05 false refusals); citation precision 0.89, a hundredth under its target of 0.90 (today
0.901, 0.897 at the last stop: one question citing two paragraphs instead of one moves it by
0.009, and which of two correct paragraphs "When did the LSCB chair start?" cites is a near
tie); refusal recall 0.88, so that one of its 26 questions may flip on another machine.
Before issue 10 the answerer scored 0.894 on the same (corrected, see evals/gold/README.md)
gold.
"""

import re

import pytest

from evals.gold import GOLD_DIR, default_gold_files
from evals.metrics import key_facts_ok, normalise, summarise
from evals.runner import run_eval

FLOORS = {
    "hit@5": 0.95,
    "mrr": 0.85,
    "key_facts": 0.90,
    "citation_precision": 0.89,  # the target is 0.90, see above
    "refusal_recall": 0.88,  # today 0.923 (24 of 26); one question is 0.038
}
CEILINGS = {"false_refusal": 0.05}


@pytest.mark.slow
def test_eval_gate(full_index):
    metrics, records = run_eval(default_gold_files(), full_index)
    assert len(records) >= 190
    low, high = _out_of_bounds(metrics, FLOORS, CEILINGS)
    assert not low and not high, f"below floor: {low}; above ceiling: {high}; all: {metrics}"


def _out_of_bounds(metrics: dict, floors: dict, ceilings: dict) -> tuple[dict, dict]:
    """The metrics below their floor, and those above their ceiling."""
    low = {k: metrics[k] for k, floor in floors.items() if metrics[k] < floor}
    high = {k: metrics[k] for k, ceiling in ceilings.items() if metrics[k] > ceiling}
    return low, high


@pytest.mark.slow
def test_cross_report_gate(full_index):
    """Issue 11: key facts 0.90 with `forbid` honoured; every council not indexed refused."""
    metrics, _records = run_eval([GOLD_DIR / "cross" / "cross-report.jsonl"], full_index)
    assert metrics["key_facts"] >= 0.90, metrics
    assert metrics["refusal_recall"] == 1.0, metrics


def test_key_fact_normalisation():
    assert normalise("3,149 Children’s") == "3149 childrens"
    assert key_facts_ok("There were 3149 children", [["3,149"]])
    assert not key_facts_ok("There were 314 children", [["3,149"]])


# The held-out split of unseen councils' reports (issue 10), read only as these aggregates.
# Floors just under today's figures (hit@5 0.952, key facts 0.754, precision 0.827 -- 0.690
# when every item of a complete list is checked against the gold's sample of it, see
# evals.gold.citation_flags --, refusal recall 0.833, false refusals 0.057), so a regression
# turns CI red; the TARGETS are not met yet except hit@5. (This gate caught broader
# improvement wording that took precision to 0.769; it was backed out, see a53f493.)
TEST_SPLIT_FLOORS = {
    "hit@5": 0.92,
    "key_facts": 0.70,
    "citation_precision": 0.82,
    "refusal_recall": 0.80,
}
TEST_SPLIT_CEILINGS = {"false_refusal": 0.07}
# The follow-ups each test report gained at stop 24 (ids "-fu1" … "-fu4", half of them
# unanswerable, evals/gold/README.md) are gated on their own, so that the floors above keep
# guarding the questions they were set on. Today: hit@5 0.917, key facts 0.458, precision
# 0.524, refusal recall 0.667, false refusals 0.125, over 48 questions (24 answerable, 24
# not: one question moves a rate by 0.042). The floors are one question under.
FOLLOW_UP = re.compile(r"-fu\d+$")
FOLLOW_UP_FLOORS = {
    "hit@5": 0.87,
    "key_facts": 0.41,
    "citation_precision": 0.48,
    "refusal_recall": 0.62,
}
FOLLOW_UP_CEILINGS = {"false_refusal": 0.17}
TARGETS = {"hit@5": 0.92, "key_facts": 0.85, "citation_precision": 0.85, "refusal_recall": 0.90}


@pytest.mark.slow
def test_eval_gate_on_the_held_out_test_split(tmp_path_factory):
    from evals.cache import cached_index
    from evals.suites import corpus_paths, default_corpus, gold_files

    corpus = default_corpus()
    if not corpus.is_dir():
        pytest.skip(f"no scale corpus at {corpus} (set OFSTED_QA_SHARED to the shared folder)")
    index = cached_index(corpus_paths(["test"], corpus), root=tmp_path_factory.mktemp("cache"))
    _metrics, records = run_eval(gold_files("test"), index)
    follow_ups = [r for r in records if FOLLOW_UP.search(r["id"])]
    earlier = [r for r in records if not FOLLOW_UP.search(r["id"])]
    assert len(earlier) >= 250 and len(follow_ups) >= 40
    for name, subset, floors, ceilings in (
        ("test split", earlier, TEST_SPLIT_FLOORS, TEST_SPLIT_CEILINGS),
        ("its follow-ups", follow_ups, FOLLOW_UP_FLOORS, FOLLOW_UP_CEILINGS),
    ):
        low, high = _out_of_bounds(summarise(subset), floors, ceilings)
        assert not low and not high, f"{name}: below floor: {low}; above ceiling: {high}"


def test_a_forbidden_string_fails_key_facts():
    groups = [["Croydon 2017"]]
    assert key_facts_ok("Croydon 2017 was inadequate.", groups, ["Newham 2014"])
    assert not key_facts_ok("Croydon 2017 and Newham 2014.", groups, ["Newham 2014"])
