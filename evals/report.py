"""Markdown tables for the eval results."""

from __future__ import annotations

from .metrics import METRIC_KEYS

RETRIEVAL = ("hit@1", "hit@3", "hit@5", "mrr")


def metrics_table(system: dict, baselines: dict[str, dict] | None = None) -> str:
    columns = {"ofsted-qa": system, **(baselines or {})}
    head = "| metric | " + " | ".join(columns) + " |"
    sep = "|---|" + "---|" * len(columns)
    rows = [head, sep]
    for key in METRIC_KEYS:
        cells = []
        for metrics in columns.values():
            value = metrics.get(key)
            cells.append("–" if value is None else f"{value:g}")
        rows.append(f"| {key} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def tag_table(tags: dict[str, dict]) -> str:
    keys = ("hit@5", "key_facts", "citation_precision", "refusal_recall", "false_refusal")
    rows = ["| tag | " + " | ".join(keys) + " |", "|---|" + "---|" * len(keys)]
    for tag, m in tags.items():
        rows.append(f"| {tag} | " + " | ".join(f"{m[k]:g}" for k in keys) + " |")
    return "\n".join(rows)


def markdown(system: dict, baselines: dict, tags: dict, failures: list[dict], gold: list) -> str:
    parts = [
        "# Eval results",
        "",
        f"Gold sets: {', '.join(str(g) for g in gold)}",
        "",
        metrics_table(system, baselines),
        "",
        "## By tag",
        "",
        tag_table(tags),
        "",
        f"## Failures ({len(failures)})",
        "",
    ]
    for f in failures:
        cites = ", ".join(
            f"¶{c['number']}" if c["number"] else c["paragraph_id"] for c in f["citations"]
        )
        parts.append(
            f"- **{f['id']}** {f['question']} → {f['answer'][:300]} ({cites or 'no citations'})"
        )
    return "\n".join(parts) + "\n"
