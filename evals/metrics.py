"""Scoring: retrieval hit@k and MRR, key facts, citations, refusals, latency."""

from __future__ import annotations

import re
import statistics
import unicodedata

METRIC_KEYS = (
    "hit@1",
    "hit@3",
    "hit@5",
    "mrr",
    "key_facts",
    "citation_precision",
    "citation_precision_strict",
    "citation_recall",
    "refusal_recall",
    "false_refusal",
    "latency_p50_ms",
    "latency_p95_ms",
    "warmup_ms",
)


def normalise(text: str) -> str:
    """Case, white space, apostrophes, dashes and number formats ('3,149' = '3149')."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\u2018\u2019'`]", "", text)
    text = re.sub(r"[\u2013\u2014-]", " ", text)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def key_facts_ok(answer_text: str, groups: list[list[str]], forbid: list[str] = ()) -> bool:
    """Every group has an alias in the answer, and no forbidden string is in it."""
    norm = normalise(answer_text)
    if any(normalise(f) in norm for f in forbid):
        return False
    return all(any(normalise(alias) in norm for alias in group) for group in groups)


def first_gold_rank(is_gold_flags: list[bool]) -> int | None:
    return next((i + 1 for i, g in enumerate(is_gold_flags) if g), None)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def summarise(records: list[dict]) -> dict[str, float]:
    """Metrics over per-question records made by the runner."""
    answerable = [r for r in records if not r["unanswerable"]]
    with_evidence = [r for r in answerable if r["has_evidence"]]
    ranks = [r["gold_rank"] for r in with_evidence]
    cited = [r for r in with_evidence if r["citation_flags"]]
    flags = [f for r in cited for f in r["citation_flags"]]
    strict = [f for r in cited for f in r.get("citation_flags_strict", r["citation_flags"])]
    unanswerable = [r for r in records if r["unanswerable"]]
    latencies = [r["latency_ms"] for r in records]
    out = {
        "hit@1": mean([1.0 if k is not None and k <= 1 else 0.0 for k in ranks]),
        "hit@3": mean([1.0 if k is not None and k <= 3 else 0.0 for k in ranks]),
        "hit@5": mean([1.0 if k is not None and k <= 5 else 0.0 for k in ranks]),
        "mrr": mean([1.0 / k if k else 0.0 for k in ranks]),
        "key_facts": mean([1.0 if r["key_facts"] else 0.0 for r in answerable]),
        "citation_precision": mean([1.0 if f else 0.0 for f in flags]),
        # every cited item of a complete list checked against the gold's sample of it
        "citation_precision_strict": mean([1.0 if f else 0.0 for f in strict]),
        "citation_recall": mean([1.0 if any(r["citation_flags"]) else 0.0 for r in with_evidence]),
        "refusal_recall": mean([1.0 if r["refused"] else 0.0 for r in unanswerable]),
        "false_refusal": mean([1.0 if r["refused"] else 0.0 for r in answerable]),
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p95_ms": percentile(latencies, 95),
    }
    return {k: round(v, 3) for k, v in out.items()}
