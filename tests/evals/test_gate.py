"""The CI gate: the eval on both gold sets must not fall below these floors.

The floors are the eval issue's targets (hit@5 0.95, key facts, citation precision and refusal
recall 0.90, at most 0.05 false refusals), plus MRR at the answers issue's 0.85.
"""

import pytest

from evals.gold import GOLD_DIR, default_gold_files
from evals.metrics import key_facts_ok, normalise
from evals.runner import run_eval

FLOORS = {
    "hit@5": 0.95,
    "mrr": 0.85,
    "key_facts": 0.90,
    "citation_precision": 0.90,
    "refusal_recall": 0.90,
}
CEILINGS = {"false_refusal": 0.05}


@pytest.mark.slow
def test_eval_gate(full_index):
    metrics, records = run_eval(default_gold_files(), full_index)
    assert len(records) >= 190
    low = {k: metrics[k] for k, floor in FLOORS.items() if metrics[k] < floor}
    high = {k: metrics[k] for k, ceiling in CEILINGS.items() if metrics[k] > ceiling}
    assert not low and not high, f"below floor: {low}; above ceiling: {high}; all: {metrics}"


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


def test_a_forbidden_string_fails_key_facts():
    groups = [["Croydon 2017"]]
    assert key_facts_ok("Croydon 2017 was inadequate.", groups, ["Newham 2014"])
    assert not key_facts_ok("Croydon 2017 and Newham 2014.", groups, ["Newham 2014"])
