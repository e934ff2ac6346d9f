"""Fit the answer scorer's weights and selection constants on the dev split; write app/weights.json.

    python -m evals.fit_weights [--corpus DIR] [--dry-run]

1. Every dev question (and the shipped gold sets, our earlier tuning data) is planned and its
   candidate sentences collected with their named features, exactly as answer() does.
2. A sentence is a positive when it is in a gold paragraph and contains a key fact.
3. Logistic regression over the features, cross-validated by report (GroupKFold): the
   printed CV figures say how well the weights carry to reports they were not fitted on.
4. The refusal threshold is the probability of the best sentence that best separates the
   answerable from the unanswerable dev questions (cross-validated the same way); the
   selection constants (further parts, runner-up sentences, new paragraphs) are chosen by
   answering the fitting questions with each combination on a grid.

The test split is never read here.
"""

from __future__ import annotations

import argparse
import itertools
import json
from dataclasses import replace
from pathlib import Path

import numpy as np

from app.conversation import rewrite
from app.extractive_answer import (
    answerable_features,
    choose,
    collect,
    parts_believed,
    rank_part,
)
from app.features import ANSWERABLE, FEATURES
from app.plan import make_plan
from app.scorer import WEIGHTS_FILE, Weights, trying
from index import ReportIndex, get_settings

from .cache import cached_index
from .gold import GoldQuestion, is_gold, load_gold
from .metrics import key_facts_ok, normalise
from .suites import corpus_paths, default_corpus, gold_files

PART_GRID = (0.02, 0.05, 0.1, 0.15, 0.2, 0.3)
EXPLAIN_GRID = (1, 2, 3, 4, 5)
LENGTH_GRID = (2, 3, 4)  # most sentences in a one-part answer
# ... and in an answer to several parts. Longer scores a little higher still (8: key facts
# +0.002 on the fitting questions), but an answer of seven or eight sentences reads as a list.
MULTI_LENGTH_GRID = (3, 4, 5, 6)
# Zipf 4.5 to 6: from words met once in 30,000 ("funding", "extra") to once in 1,000 ("want").
ZIPF_GRID = (4.5, 5.0, 5.5, 6.0)
QUALIFIER_GRID = (0, 1, 2)
TYPED_GRID = (0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 2.0)  # 2.0: never
RUNNER_UP_GRID = (0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0)
NEW_PARAGRAPH_GRID = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 0.9)


def _rows(questions: list[GoldQuestion], index: ReportIndex):
    """Feature rows, labels and groups (report ids) of every candidate sentence, and per
    question what the refusal decision needs: its plan, its first part's candidates and the
    words no report uses."""
    X, y, groups, decisions = [], [], [], []
    for q in questions:
        query = rewrite(q.question, q.history)
        plan = make_plan(q.question, query)
        scope = [q.report] if q.report else None
        per_part, _hits, _vec = collect(plan, index, scope)
        aliases = [normalise(a) for g in q.answers for a in g]
        for part in per_part:
            for c in part:
                gold = is_gold(c.paragraph.text, q.evidence) if q.evidence else False
                has_fact = any(a in normalise(c.text) for a in aliases)
                X.append([c.features[f] for f in FEATURES])
                y.append(1 if gold and has_fact else 0)
                groups.append(q.report or "")
        decisions.append((q, plan, per_part, index, scope))
    return np.array(X), np.array(y), np.array(groups), decisions


def _answerable_rows(model, decisions, common_from: float):
    """Per question: the answerable features of its first part's best sentence under `model`
    (None when it has no candidate), whether it is answerable, and its report."""
    rows = []
    for q, plan, per_part, index, scope in decisions:
        candidates = per_part[0] if per_part else []
        if not candidates:
            continue
        X = np.array([[c.features[f] for f in FEATURES] for c in candidates])
        probs = model.predict_proba(X)[:, 1]
        best = candidates[int(np.argmax(probs))]
        best.score = float(probs.max())
        features = answerable_features(best, plan, index, scope, common_from)
        rows.append(([features[f] for f in ANSWERABLE], not q.unanswerable, q.report or ""))
    return rows


def fit_answerable(rows):
    """The model of answerable questions and its threshold, chosen on out-of-fold
    probabilities (by report) to maximise refusal recall minus false refusals."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    X = np.array([r[0] for r in rows])
    y = np.array([1 if r[1] else 0 for r in rows])
    groups = np.array([r[2] for r in rows])
    out_of_fold = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(X, y, groups):
        m = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
        out_of_fold[test] = m.fit(X[train], y[train]).predict_proba(X[test])[:, 1]
    threshold = refusal_threshold(list(out_of_fold), [bool(v) for v in y])
    model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit(X, y)
    refused = out_of_fold < threshold
    cv = {
        "refusal_recall": round(float(refused[y == 0].mean()), 3),
        "false_refusal": round(float(refused[y == 1].mean()), 3),
    }
    return model, threshold, cv


def _simulate(weights: Weights, decisions, answered: list[list[bool]]) -> dict[str, float]:
    """Key facts, citation precision and refusals of the extractive answers to the fitting
    questions under `weights`, from their collected candidates (no retrieval rerun; the
    candidates are already ranked by `weights`' sentence model, see `_rank`)."""
    facts, flags, refused_ok, false_refusals = [], [], [], []
    for (q, plan, per_part, _index, _scope), ok in zip(decisions, answered):
        if q.unanswerable:
            refused_ok.append(not any(ok))
            continue
        false_refusals.append(not any(ok))
        if not any(ok):
            facts.append(False)
            continue
        chosen = choose(per_part, plan, weights, ok)
        facts.append(key_facts_ok(" ".join(c.text for c in chosen), q.answers))
        paragraphs = {c.paragraph.id: c.paragraph.text for c in chosen}
        if q.evidence:
            flags += [is_gold(t, q.evidence) for t in paragraphs.values()]
    mean = lambda xs: round(float(np.mean(xs)), 3) if xs else 0.0  # noqa: E731
    return {
        "key_facts": mean(facts),
        "citation_precision": mean(flags),
        "refusal_recall": mean(refused_ok),
        "false_refusal": mean(false_refusals),
    }


def _scored(weights: Weights, decisions, answered) -> tuple[float, dict[str, float]]:
    """What the selection constants are chosen by (key facts plus citation precision), and
    the simulated metrics behind it."""
    m = _simulate(weights, decisions, answered)
    return m["key_facts"] + m["citation_precision"], m


def _one_constant(fitted: Weights, name: str, grid, decisions, answered, tie):
    """The value on `grid` of the one selection constant `name` that scores best with the
    others as fitted (`tie` orders equal scores), and the simulated metrics there."""
    scores = {v: _scored(replace(fitted, **{name: v}), decisions, answered) for v in grid}
    best = max(scores, key=lambda v: (scores[v][0], tie(v)))
    return best, scores[best][1]


def _rank(weights: Weights, decisions) -> list[list[bool]]:
    """Score and order every question's candidates under `weights`, as answer() does; per
    question, whether each part's best sentence is believed (that does not depend on the
    selection constants, so it is decided once)."""
    answered = []
    for _q, plan, per_part, index, scope in decisions:
        per_part[:] = [
            rank_part(part, plan.parts[n], plan, weights, index, scope)
            for n, part in enumerate(per_part)
        ]
        answered.append(parts_believed(per_part, plan, weights, index, scope))
    return answered


def fit_logistic(X, y, groups):
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    aucs = []
    for train, test in GroupKFold(n_splits=5).split(X, y, groups):
        model = LogisticRegression(C=1.0, max_iter=2000).fit(X[train], y[train])
        if len(set(y[test])) > 1:
            aucs.append(roc_auc_score(y[test], model.predict_proba(X[test])[:, 1]))
    model = LogisticRegression(C=1.0, max_iter=2000).fit(X, y)
    return model, float(np.mean(aucs)) if aucs else float("nan")


def fit_explaining(weights: Weights, sets) -> int:
    """How many sentences of concern explain a grade: each value on EXPLAIN_GRID answers the
    fitting questions that ask why (through answer(), as the eval does), scored by key facts
    plus citation precision."""
    from app.extractive import question_type

    from .runner import run_question

    asked = [(q, index) for qs, index in sets for q in qs if question_type(q.question) == "why"]
    scores = {}
    for n in EXPLAIN_GRID:
        with trying(replace(weights, explain_sentences=n)):
            records = [run_question(q, index) for q, index in asked]
        answerable = [r for r in records if not r["unanswerable"]]
        facts = np.mean([r["key_facts"] for r in answerable]) if answerable else 0.0
        flags = [f for r in answerable for f in r["citation_flags"]]
        precision = np.mean(flags) if flags else 0.0
        scores[n] = float(facts + precision)
        print(f"explain with {n} sentences: key facts {facts:.3f}, precision {precision:.3f}")
    return max(scores, key=lambda n: (scores[n], -n))


# Issue 10's targets: refuse at least this share of unanswerable questions, and at most this
# share of answerable ones.
REFUSAL_RECALL_TARGET, FALSE_REFUSAL_TARGET = 0.90, 0.05


def refusal_threshold(probabilities: list[float], answerable: list[bool]) -> float:
    """The threshold whose worse miss of the two refusal targets is smallest (Youden's J,
    refusal recall minus false refusals, breaks ties). J alone weighs a refused answerable
    question like a missed unanswerable one, though there are eight times as many of the
    first: it settled where false refusals were twice their target."""
    p = np.array(probabilities)
    a = np.array(answerable)
    best_t, best = 0.5, (-np.inf, -np.inf)
    for t in sorted(set(np.round(p, 3))):
        refused = p < t
        recall = refused[~a].mean() if (~a).any() else 0.0
        false = refused[a].mean() if a.any() else 0.0
        if refusal_score(recall, false) > best:
            best_t, best = float(t), refusal_score(recall, false)
    return best_t


def refusal_score(recall: float, false: float) -> tuple[float, float]:
    """The worse miss of the two refusal targets, then Youden's J: larger is better."""
    return min(recall - REFUSAL_RECALL_TARGET, FALSE_REFUSAL_TARGET - false), recall - false


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--dry-run", action="store_true", help="print, do not write")
    parser.add_argument("--limit", type=int, default=None, help="only the first N questions")
    parser.add_argument(
        "--with-shipped", action="store_true", help="also fit on the shipped gold sets"
    )
    args = parser.parse_args()

    dev_index = cached_index(corpus_paths(["dev"], args.corpus))
    dev = [q for f in gold_files("dev") for q in load_gold(f)][: args.limit]
    shipped = [q for f in gold_files("shipped") for q in load_gold(f)] if args.with_shipped else []
    shipped = shipped[: args.limit]
    parts = [_rows(dev, dev_index)]
    shipped_index = ReportIndex(get_settings()) if shipped else None
    if shipped:
        parts.append(_rows(shipped, shipped_index))
    X = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    groups = np.concatenate([p[2] for p in parts])
    model, auc = fit_logistic(X, y, groups)
    weights = dict(zip(FEATURES, map(float, model.coef_[0])))
    intercept = float(model.intercept_[0])
    print(f"{len(y)} candidate sentences, {int(y.sum())} positives; CV AUC by report {auc:.3f}")
    for name, w in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:22s} {w:+.3f}")

    decisions = [d for part in parts for d in part[3]]
    # The line between common English and a report's own words, chosen on the refusal
    # model's out-of-fold figures.
    fits = {z: fit_answerable(_answerable_rows(model, decisions, z)) for z in ZIPF_GRID}
    for z, (_m, t, cv) in fits.items():
        print(f"common words from Zipf {z}: answer when P >= {t:.3f}; out of fold {cv}")
    common_from = max(
        fits, key=lambda z: refusal_score(fits[z][2]["refusal_recall"], fits[z][2]["false_refusal"])
    )
    refusal_model, threshold, cv = fits[common_from]
    answerable = dict(zip(ANSWERABLE, map(float, refusal_model.coef_[0])))
    answerable_intercept = float(refusal_model.intercept_[0])
    print(f"answer when P(answerable) >= {threshold:.3f}; out of fold by report: {cv}")
    for name, w in answerable.items():
        print(f"  {name:22s} {w:+.3f}")

    # The selection constants: how likely a part's best sentence must be when the answerable
    # model does not believe it (a believed part is always answered), how close
    # to the best a further sentence must come, how likely one that cites a new paragraph
    # must be, and the longest one-part answer. Chosen together by answering the fitting
    # questions with each combination.
    def candidate(part_above: float, margin: float, new_paragraph: float, most: int = 3) -> Weights:
        return Weights(
            weights,
            intercept,
            threshold,
            part_above,
            margin,
            new_paragraph_above=new_paragraph,
            max_sentences=most,
            answerable=answerable,
            answerable_intercept=answerable_intercept,
            common_word_zipf=common_from,
        )

    answered = _rank(candidate(0.0, 0.0, 0.0), decisions)
    scores = {}
    grid = itertools.product(PART_GRID, RUNNER_UP_GRID, NEW_PARAGRAPH_GRID, LENGTH_GRID)
    for combo in grid:
        scores[combo] = _scored(candidate(*combo), decisions, answered)
    # On a tie: the shorter answer, then the stricter thresholds.
    part_above, margin, new_paragraph, most = max(
        scores, key=lambda k: (scores[k][0], -k[3], k[0], -k[1], k[2])
    )
    for combo, (_total, m) in sorted(scores.items(), key=lambda kv: -kv[1][0])[:5]:
        print(f"part_above, runner-up margin, new paragraph above, length {combo}: {m}")
    fitted = candidate(part_above, margin, new_paragraph, most)
    # The longest answer to a question of several parts (on a tie, the shorter): only those
    # answers change.
    multi, m = _one_constant(
        fitted, "max_sentences_multi", MULTI_LENGTH_GRID, decisions, answered, lambda n: -n
    )
    print(f"several parts: length {multi}: {m}")
    fitted = replace(fitted, max_sentences_multi=multi)
    # How likely a sentence with the figure or date asked for must be to join an answer
    # that has none (on a tie, the stricter): only those answers change.
    typed, m = _one_constant(fitted, "typed_above", TYPED_GRID, decisions, answered, lambda t: t)
    print(f"figure or date missing: add one above {typed}: {m}")
    fitted = replace(fitted, typed_above=typed)
    # How many sentences that qualify a cited finding ("However, …") an answer may add
    # beyond its length (on a tie, fewer).
    qualifiers, m = _one_constant(
        fitted, "qualifiers", QUALIFIER_GRID, decisions, answered, lambda n: -n
    )
    print(f"qualifying sentences: {qualifiers}: {m}")
    fitted = replace(fitted, qualifiers=qualifiers)
    # Then a why-question's own bar for a new paragraph and its own length: only the
    # why-questions' answers change, so they are fitted after the rest, on the same score.
    why_scores = {}
    for bar, length in itertools.product(NEW_PARAGRAPH_GRID, (*LENGTH_GRID, 5)):
        trial = replace(fitted, why_new_paragraph_above=bar, why_max_sentences=length)
        why_scores[(bar, length)] = _scored(trial, decisions, answered)
    why_bar, why_most = max(
        why_scores, key=lambda k: (why_scores[k][0], k == (new_paragraph, most), -k[1], k[0])
    )
    print(
        f"why: new paragraph above {why_bar}, length {why_most}: {why_scores[why_bar, why_most][1]}"
    )
    fitted = replace(fitted, why_new_paragraph_above=why_bar, why_max_sentences=why_most)
    explain = fit_explaining(
        fitted, [(dev, dev_index), *([(shipped, shipped_index)] if shipped else [])]
    )
    out = {
        "weights": {k: round(v, 4) for k, v in weights.items()},
        "intercept": round(intercept, 4),
        "answerable": {k: round(v, 4) for k, v in answerable.items()},
        "answerable_intercept": round(answerable_intercept, 4),
        "common_word_zipf": common_from,
        "answer_above": round(threshold, 4),
        "part_above": round(part_above, 4),
        "runner_up_within": margin,
        "new_paragraph_above": new_paragraph,
        "explain_sentences": explain,
        "max_sentences": most,
        "max_sentences_multi": multi,
        "typed_above": typed,
        "qualifiers": qualifiers,
        "why_new_paragraph_above": why_bar,
        "why_max_sentences": why_most,
        "fitted_on": {
            "script": "python -m evals.fit_weights",
            "questions": {"dev": len(dev), "shipped": len(shipped)},
            "sentences": int(len(y)),
            "positives": int(y.sum()),
            "cv_auc_by_report": round(auc, 4),
            "answerable_out_of_fold": cv,
        },
    }
    if args.dry_run:
        print(json.dumps(out, indent=1))
        return
    WEIGHTS_FILE.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
