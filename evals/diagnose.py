"""Why answers miss, on a tuning suite: where each failing question was lost.

    python -m evals.diagnose --suite dev [--show 20]

Each answerable question is put in the first stage it fails at:
- `refused`: answer() refused it (the answerable model did not believe the best sentence);
- `not retrieved`: no candidate sentence holds a key fact in a gold paragraph;
- `ranked low`: such a sentence is a candidate but the answer did not choose it;
- `in cited para`: a cited paragraph holds the fact in a sentence (or clause) not shown;
- `partial`: some key-fact groups are in the answer, others are not.
Citation precision is split the same way. Only `dev`, `shipped` and `fresh` are accepted: the
test split is read as aggregate figures only, never question by question.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from app import answer
from app.conversation import rewrite
from app.extractive_answer import collect
from app.plan import make_plan
from index import ReportIndex, get_settings

from .cache import cached_index
from .gold import citation_flags, is_gold, load_gold
from .metrics import key_facts_ok, normalise
from .suites import corpus_paths, default_corpus, gold_files

ALLOWED = ("dev", "shipped", "fresh", "fresh2")


def _index(suite: str, corpus: Path) -> ReportIndex:
    if suite == "shipped":
        return ReportIndex(get_settings())
    return cached_index(corpus_paths([suite], corpus))


def stage(q, a, index: ReportIndex) -> tuple[str, int | None]:
    """The stage the question failed at, and the rank of the best fact-bearing candidate."""
    if a.refused:
        return "refused", None
    text = normalise(a.text)
    groups = [[normalise(x) for x in g] for g in q.answers]
    found = [any(x in text for x in g) for g in groups]
    plan = make_plan(q.question, rewrite(q.question, q.history))
    per_part, _hits, _vec = collect(plan, index, [q.report] if q.report else None)
    ranks = []
    for part in per_part:
        for rank, c in enumerate(part):
            if q.evidence and is_gold(c.paragraph.text, q.evidence):
                sentence = normalise(c.text)
                if any(any(x in sentence for x in g) for g in groups):
                    ranks.append(rank)
                    break
    rank = min(ranks) if ranks else None
    if any(found):
        return "partial", rank
    if rank is None:
        return "not retrieved", None
    cited = " ".join(c.paragraph_text for c in a.citations)
    if any(any(x in normalise(cited) for x in g) for g in groups):
        return "in cited para", rank
    return "ranked low", rank


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", choices=ALLOWED, default="dev")
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--show", type=int, default=0, help="print N failures of each stage")
    parser.add_argument("--tag", default=None, help="only questions with this tag")
    args = parser.parse_args()
    index = _index(args.suite, args.corpus)
    questions = [q for f in gold_files(args.suite) for q in load_gold(f)]
    if args.tag:
        questions = [q for q in questions if args.tag in q.tags]
    stages: Counter = Counter()
    shown: Counter = Counter()
    cited = Counter()
    for q in questions:
        if q.unanswerable:
            continue
        default = [q.report] if q.report else None
        a = answer(q.question, history=q.history, default_scope=default, index=index)
        for flag in citation_flags(q, a.citations):
            cited["gold" if flag else "other"] += 1
        if not a.refused and key_facts_ok(a.text, q.answers, q.forbid):
            stages["ok"] += 1
            continue
        where, rank = stage(q, a, index)
        stages[where] += 1
        if shown[where] < args.show:
            shown[where] += 1
            print(f"--- [{where}] rank={rank} {q.id} {q.tags}\nQ: {q.question}")
            print(f"want: {q.answers}\nA: {a.text[:500]}\n")
    total = sum(stages.values())
    for name, n in stages.most_common():
        print(f"{name:14s} {n:4d}  {n / total:.3f}")
    print(f"citations: {dict(cited)}")


if __name__ == "__main__":
    main()
