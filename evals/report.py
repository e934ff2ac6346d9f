"""Markdown tables for the eval results: suites side by side, baselines, tags, failures."""

from __future__ import annotations

from .metrics import METRIC_KEYS
from .suites import HELD_OUT

TAG_KEYS = ("hit@5", "key_facts", "citation_precision", "refusal_recall", "false_refusal")


def metrics_table(columns: dict[str, dict]) -> str:
    """One row per metric, one column per suite or baseline."""
    head = "| metric | " + " | ".join(columns) + " |"
    rows = [head, "|---|" + "---|" * len(columns)]
    for key in METRIC_KEYS:
        cells = []
        for metrics in columns.values():
            value = metrics.get(key)
            cells.append("–" if value is None else f"{value:g}")
        if any(c != "–" for c in cells):
            rows.append(f"| {key} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def tag_table(by_suite: dict[str, dict[str, dict]]) -> str:
    """Per tag, the key metrics of each suite side by side (n = questions with the tag)."""
    suites = list(by_suite)
    tags = sorted({t for tags in by_suite.values() for t in tags})
    head = ["tag"] + [f"{s} {k}" for s in suites for k in ("n", *TAG_KEYS)]
    rows = ["| " + " | ".join(head) + " |", "|---|" + "---|" * (len(head) - 1)]
    for tag in tags:
        cells = [tag]
        for s in suites:
            m = by_suite[s].get(tag)
            cells += (
                ["–"] * (len(TAG_KEYS) + 1)
                if m is None
                else [str(m["n"]), *(f"{m[k]:g}" for k in TAG_KEYS)]
            )
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def markdown(
    columns: dict[str, dict],
    tags: dict[str, dict[str, dict]],
    failures: dict[str, list[dict]],
    gold: dict[str, list],
) -> str:
    parts = ["# Eval results", ""]
    for suite, files in gold.items():
        parts.append(f"- **{suite}**: {', '.join(str(g) for g in files)}")
    parts += ["", metrics_table(columns), "", "## By tag", "", tag_table(tags), ""]
    for suite, fails in failures.items():
        if suite in HELD_OUT:
            # The held-out suites are read as aggregate figures only.
            parts += [f"## Failures: {suite} ({len(fails)}; not listed: held out)", ""]
            continue
        parts += [f"## Failures: {suite} ({len(fails)})", ""]
        for f in fails:
            cites = ", ".join(
                f"¶{c['number']}" if c["number"] else c["paragraph_id"] for c in f["citations"]
            )
            parts.append(
                f"- **{f['id']}** {f['question']} → {f['answer'][:300]} ({cites or 'no citations'})"
            )
        parts.append("")
    return "\n".join(parts)
