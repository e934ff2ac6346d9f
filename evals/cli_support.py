"""The body of `ofsted-qa eval`: run suites side by side, tabulate, write JSON and Markdown."""

from __future__ import annotations

import json
from pathlib import Path

from index import ReportIndex

from . import baselines as bl
from .cache import cached_index
from .gold import load_gold
from .report import markdown, metrics_table
from .runner import by_tag, failures, run_eval
from .suites import HELD_OUT, SCALE_SUITES, corpus_paths, gold_files


def index_for(suite: str, shipped: ReportIndex, corpus: Path, progress=None) -> ReportIndex:
    """The shipped index for shipped/cross, a cached index of the split's reports otherwise."""
    if suite not in SCALE_SUITES:
        return shipped
    return cached_index(corpus_paths([suite], corpus), progress=progress)


def evaluate(
    shipped: ReportIndex,
    suites: list[str],
    corpus: Path,
    gold: list[Path] | None = None,
    with_baselines: bool = False,
    json_out: Path | None = None,
    markdown_out: Path | None = None,
    progress=None,
) -> str:
    """Score each suite (or the given gold files, as one 'gold' suite) and return a table."""
    plan = {"gold": (list(gold), shipped)} if gold else {}
    for suite in [] if gold else suites:
        plan[suite] = (gold_files(suite), index_for(suite, shipped, corpus, progress))
    columns: dict[str, dict] = {}
    tags: dict[str, dict] = {}
    fails: dict[str, list] = {}
    payload: dict[str, dict] = {}
    for name, (files, index) in plan.items():
        metrics, records = run_eval(files, index)
        columns[name] = metrics
        tags[name] = by_tag(records)
        fails[name] = failures(records)
        # The held-out suites are read as aggregate figures only: no per-question rows.
        rows = [] if name in HELD_OUT else _question_rows(records)
        payload[name] = {"metrics": metrics, "questions": rows}
        if with_baselines and name in ("shipped", "gold"):
            questions = [q for f in files for q in load_gold(f)]
            columns["dense only"] = bl.paragraph_mode(questions, index, "dense")
            columns["BM25 only"] = bl.paragraph_mode(questions, index, "bm25")
            columns["llama-index default"] = bl.llama_index_default(
                questions, Path(index.settings.reports_dir), index
            )
    if json_out:
        baselines = {k: v for k, v in columns.items() if k not in plan}
        json_out.write_text(
            json.dumps({"suites": payload, "baselines": baselines}, indent=1, ensure_ascii=False)
        )
    if markdown_out:
        gold_names = {name: [f.name for f in files] for name, (files, _ix) in plan.items()}
        markdown_out.write_text(markdown(columns, tags, fails, gold_names))
    counts = ", ".join(f"{name}: {len(f)} failures" for name, f in fails.items())
    return metrics_table(columns) + f"\n\n{counts}"


def _question_rows(records: list[dict]) -> list[dict]:
    keys = ("id", "question", "answer", "refused", "citations", "retrieved", "latency_ms")
    return [{k: r[k] for k in keys} for r in records]
