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
