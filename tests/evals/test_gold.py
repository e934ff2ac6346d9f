"""Gold sets are well formed, and every evidence string occurs in its report's parsed text."""

from evals.gold import default_gold_files, evidence_problems, load_gold


def test_gold_files_follow_the_schema():
    files = default_gold_files()
    assert len(files) >= 2
    ids = set()
    for f in files:
        for q in load_gold(f):
            assert q.id not in ids, f"duplicate id {q.id}"
            ids.add(q.id)
            assert q.question.strip()
            assert q.unanswerable == (not q.answers), q.id
            assert all(group for group in q.answers), q.id


def test_tower_hamlets_gold_set_size():
    questions = load_gold(next(f for f in default_gold_files() if "tower-hamlets" in f.name))
    assert len(questions) >= 150
    assert sum(q.unanswerable for q in questions) >= 20
    assert any(q.history for q in questions)


def test_every_evidence_string_occurs_in_its_report(full_index):
    reports = {r.id: r for r in full_index.reports()}
    questions = [q for f in default_gold_files() for q in load_gold(f)]
    assert evidence_problems(questions, reports) == []


def _cite(report, section, text):
    from types import SimpleNamespace

    return SimpleNamespace(report_id=report, section=section, paragraph_text=text)


def test_a_complete_list_counts_its_other_items_but_not_another_list():
    from evals.gold import GoldQuestion, citation_flags, strict_citation_flags

    def q(tags):
        return GoldQuestion(
            "x", "List all the recommendations", [["a"]], ["first item"], "r", tags=tags
        )

    cites = [
        _cite("r", "Recommendations", "The first item."),
        _cite("r", "Recommendations", "A second item."),
        _cite("r", "Summary", "A strength."),
        _cite("s", "Recommendations", "Another report's item."),
    ]
    assert citation_flags(q(["list_all"]), cites) == [True, True, False, False]
    assert strict_citation_flags(q(["list_all"]), cites) == [True, False, False, False]
    # Only a request for the whole list: a scoped question must cite its own items.
    assert citation_flags(q(["improve"]), cites) == [True, False, False, False]
    # An answer that cites no evidence item of the list gets no credit for the list.
    assert citation_flags(q(["list_all"]), cites[1:]) == [False, False, False]


def test_the_refusal_threshold_minds_both_targets_not_their_difference():
    from evals.fit_weights import refusal_threshold

    # 50 answerable questions, 20 unanswerable. Refusing below 0.9 refuses all 20 and 6
    # answerable ones (J = 0.88, false refusals 0.12, over their 0.05 target); below 0.45,
    # 17 of 20 and none (J = 0.85, refusal recall 0.85, just under its 0.90 target).
    probs = [0.45] * 6 + [0.9] * 44 + [0.1] * 17 + [0.5] * 3
    answerable = [True] * 50 + [False] * 20
    t = refusal_threshold(probs, answerable)
    assert sum(p < t for p, a in zip(probs, answerable) if a) == 0
    assert sum(p < t for p, a in zip(probs, answerable) if not a) == 17
