"""Run gold sets through answer() and score them; optional baselines in the same run."""

from __future__ import annotations

import time
from pathlib import Path

from app import answer
from index import ReportIndex

from .gold import GoldQuestion, citation_flags, is_gold, load_gold, strict_citation_flags
from .metrics import first_gold_rank, key_facts_ok, summarise


def run_question(q: GoldQuestion, index: ReportIndex) -> dict:
    default = [q.report] if q.report else None
    started = time.perf_counter()
    a = answer(q.question, history=q.history, default_scope=default, index=index)
    latency = (time.perf_counter() - started) * 1000
    # Retrieval is scored on what the answer path itself retrieved (search, or the paragraphs a
    # grade or numbered-paragraph lookup used), so the metric measures the system as it runs.
    retrieved = [index.paragraph(r.paragraph_id) for r in a.retrieved[:5]]
    retrieved = [p for p in retrieved if p is not None]
    return {
        "id": q.id,
        "question": q.question,
        "answer": a.text,
        "refused": a.refused,
        "unanswerable": q.unanswerable,
        "tags": q.tags,
        "has_evidence": bool(q.evidence),
        "key_facts": key_facts_ok(a.text, q.answers, q.forbid) and not a.refused,
        "gold_rank": first_gold_rank([is_gold(p.text, q.evidence) for p in retrieved]),
        "citation_flags": citation_flags(q, a.citations),
        "citation_flags_strict": strict_citation_flags(q, a.citations),
        "citations": [
            {
                "report": c.report_id,
                "paragraph_id": c.paragraph_id,
                "number": c.number,
                "text": c.paragraph_text,
            }
            for c in a.citations
        ],
        "retrieved": [
            {"report": p.report_id, "paragraph_id": p.id, "text": p.text} for p in retrieved
        ],
        "latency_ms": round(latency, 1),
    }


def run_eval(gold_files: list[Path], index: ReportIndex) -> tuple[dict, list[dict]]:
    if index.is_empty():
        raise EmptyIndexError(
            f"the index at {index.settings.index_dir} has no reports: run "
            "`ofsted-qa ingest data/reports` first, or pass --corpus DIR"
        )
    questions = [q for f in gold_files for q in load_gold(f)]
    # The first call loads the model and fills caches: timed on its own, not in the percentiles.
    warmup = run_question(questions[0], index)["latency_ms"] if questions else 0.0
    records = [run_question(q, index) for q in questions]
    metrics = summarise(records)
    metrics["warmup_ms"] = warmup
    return metrics, records


class EmptyIndexError(Exception):
    """The eval was asked to score an index with no reports in it."""


def by_tag(records: list[dict]) -> dict[str, dict]:
    tags = sorted({t for r in records for t in r["tags"]})
    out = {}
    for t in tags:
        tagged = [r for r in records if t in r["tags"]]
        out[t] = {**summarise(tagged), "n": len(tagged)}
    return out


def failures(records: list[dict]) -> list[dict]:
    out = []
    for r in records:
        wrong = (r["unanswerable"] and not r["refused"]) or (
            not r["unanswerable"] and (not r["key_facts"] or r["refused"])
        )
        if wrong:
            out.append(r)
    return out
