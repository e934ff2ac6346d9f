"""The CI gate: the eval on both gold sets must not fall below these floors.

hit@5, key facts and false refusals are held at the eval issue's targets (0.95, 0.90, at most
0.05). Citation precision and refusal recall are held just under the levels measured when the
gate was last raised (see evals/reports/latest.md), below the issue's 0.90 targets, which they
do not meet yet; each floor is raised as the engine improves.
"""

import pytest

from evals.gold import default_gold_files
from evals.metrics import key_facts_ok, normalise
from evals.runner import run_eval

FLOORS = {
    "hit@5": 0.95,
    "mrr": 0.82,
    "key_facts": 0.90,
    "citation_precision": 0.85,
    "refusal_recall": 0.85,
}
CEILINGS = {"false_refusal": 0.05}


@pytest.mark.slow
def test_eval_gate(full_index):
    metrics, records = run_eval(default_gold_files(), full_index)
    assert len(records) >= 190
    low = {k: metrics[k] for k, floor in FLOORS.items() if metrics[k] < floor}
    high = {k: metrics[k] for k, ceiling in CEILINGS.items() if metrics[k] > ceiling}
    assert not low and not high, f"below floor: {low}; above ceiling: {high}; all: {metrics}"


def test_key_fact_normalisation():
    assert normalise("3,149 Children’s") == "3149 childrens"
    assert key_facts_ok("There were 3149 children", [["3,149"]])
    assert not key_facts_ok("There were 314 children", [["3,149"]])
