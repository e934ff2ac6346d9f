"""The body of `ofsted-qa eval`: run, tabulate, write JSON and Markdown."""

from __future__ import annotations

import json
from pathlib import Path

from index import ReportIndex

from . import baselines as bl
from .gold import default_gold_files, load_gold
from .report import markdown, metrics_table
from .runner import by_tag, failures, run_eval


def evaluate(
    index: ReportIndex,
    gold: list[Path] | None,
    corpus: Path | None,
    with_baselines: bool,
    json_out: Path | None,
    markdown_out: Path | None,
) -> str:
    gold_files = list(gold or default_gold_files())
    system, records = run_eval(gold_files, index)
    base: dict[str, dict] = {}
    if with_baselines:
        questions = [q for f in gold_files for q in load_gold(f)]
        base["dense-only"] = bl.paragraph_mode(questions, index, "dense")
        base["bm25-only"] = bl.paragraph_mode(questions, index, "bm25")
        source = corpus or index.settings.reports_dir
        base["llama-index default"] = bl.llama_index_default(questions, Path(source), index)
    if json_out:
        questions_out = [
            {
                k: r[k]
                for k in (
                    "id",
                    "question",
                    "answer",
                    "refused",
                    "citations",
                    "retrieved",
                    "latency_ms",
                )
            }
            for r in records
        ]
        payload = {"metrics": system, "baselines": base, "questions": questions_out}
        json_out.write_text(json.dumps(payload, indent=1, ensure_ascii=False))
    fails = failures(records)
    if markdown_out:
        names = [g.name for g in gold_files]
        markdown_out.write_text(markdown(system, base, by_tag(records), fails, names))
    return metrics_table(system, base) + f"\n\n{len(fails)} failures of {len(records)} questions"
