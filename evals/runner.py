"""Run gold sets through answer() and score them; optional baselines in the same run."""

from __future__ import annotations

import time
from pathlib import Path

from app import answer
from index import ReportIndex

from .gold import GoldQuestion, is_gold, load_gold
from .metrics import first_gold_rank, key_facts_ok, summarise


def run_question(q: GoldQuestion, index: ReportIndex) -> dict:
    default = [q.report] if q.report else None
    started = time.perf_counter()
    a = answer(q.question, history=q.history, default_scope=default, index=index)
    latency = (time.perf_counter() - started) * 1000
    query = a.rewritten_query or q.question
    scope = a.scope if q.report is None else (a.scope or default)
    retrieved = index.search(query, 5, report_ids=scope) if not a.refused or q.evidence else []
    return {
        "id": q.id,
        "question": q.question,
        "answer": a.text,
        "refused": a.refused,
        "unanswerable": q.unanswerable,
        "tags": q.tags,
        "has_evidence": bool(q.evidence),
        "key_facts": key_facts_ok(a.text, q.answers) and not a.refused,
        "gold_rank": first_gold_rank([is_gold(h.paragraph.text, q.evidence) for h in retrieved]),
        "citation_flags": [is_gold(c.paragraph_text, q.evidence) for c in a.citations],
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
            {
                "report": h.paragraph.report_id,
                "paragraph_id": h.paragraph.id,
                "text": h.paragraph.text,
            }
            for h in retrieved
        ],
        "latency_ms": round(latency, 1),
    }


def run_eval(gold_files: list[Path], index: ReportIndex) -> tuple[dict, list[dict]]:
    questions = [q for f in gold_files for q in load_gold(f)]
    records = [run_question(q, index) for q in questions]
    return summarise(records), records


def by_tag(records: list[dict]) -> dict[str, dict]:
    tags = sorted({t for r in records for t in r["tags"]})
    return {t: summarise([r for r in records if t in r["tags"]]) for t in tags}


def failures(records: list[dict]) -> list[dict]:
    out = []
    for r in records:
        wrong = (r["unanswerable"] and not r["refused"]) or (
            not r["unanswerable"] and (not r["key_facts"] or r["refused"])
        )
        if wrong:
            out.append(r)
    return out
