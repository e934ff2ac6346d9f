"""A search scoped to a few reports ranks their chunks exactly, in memory, as Chroma would."""

import pytest

QUESTIONS = [
    "How many children were on a child protection plan?",
    "What did inspectors say about private fostering?",
    "Are care leavers in suitable accommodation?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_exact_search_of_one_report_ranks_as_chroma_does(full_index, question):
    vector = full_index.embedder.embed([question])[0]
    scope = ["tower-hamlets-2017"]
    exact = [pid for pid, _ in full_index._exact(vector, scope, 10)]
    chroma = [pid for pid, _ in full_index.vectors.query(vector, 10, scope)]
    assert exact == chroma
    assert all(full_index.paragraph(pid).report_id == "tower-hamlets-2017" for pid in exact)


def test_a_wide_scope_and_an_unknown_report_are_handled(full_index):
    vector = full_index.embedder.embed(["adoption"])[0]
    assert full_index._exact(vector, ["no-such-report"], 10) == []
    every = [r.id for r in full_index.reports()]
    hits = full_index.search("adoption", 5, report_ids=every)  # more than EXACT_SCOPE: Chroma
    assert hits and {h.paragraph.report_id for h in hits} <= set(every)
