"""The generative path of answer(): prompt, parse markers, verify, or fall back."""

from __future__ import annotations

import time

import numpy as np

from index import Hit, ReportIndex

from .llm import REFUSAL, best_quote, build_prompt, grounded, parse_markers
from .types import Answer, AnswerSentence, citation_for


def compose(
    result: Answer, query: str, qvec: np.ndarray, hits: list[Hit], index: ReportIndex, llm
) -> bool:
    """Fill `result` from the model's answer; False (with a notice) to fall back to extractive."""
    paragraphs = [h.paragraph for h in hits]
    started = time.perf_counter()
    try:
        response = llm.complete(build_prompt(query, paragraphs))
        text = getattr(response, "text", str(response)) or ""
    except Exception as exc:  # any backend failure (down, timeout, bad reply) falls back
        result.notice = (
            f"The language model did not answer ({type(exc).__name__}: {str(exc)[:120]}); "
            "showing the report's own sentences instead."
        )
        return False
    finally:
        result.timings_ms["llm"] = round((time.perf_counter() - started) * 1000, 1)
    if REFUSAL.lower() in text.lower() and len(text) < len(REFUSAL) + 40:
        result.notice = "The language model found no answer; showing the closest sentences."
        return False
    sentences = parse_markers(text, len(paragraphs))
    vectors = index.embedder.embed([s.text for s in sentences]) if sentences else []
    kept: list[tuple[str, list[int], list[str]]] = []
    dropped: list[str] = []
    for sentence, vector in zip(sentences, vectors):
        cited = [paragraphs[m - 1] for m in sentence.markers]
        quotes = [best_quote(vector, p, index.sentence_vectors(p)) for p in cited]
        similarity = max((q[1] for q in quotes), default=0.0)
        reason = grounded(sentence, cited, similarity)
        if reason:
            dropped.append(f"“{sentence.text[:60]}” {reason}")
        else:
            kept.append((sentence.text, sentence.markers, [q[0] for q in quotes]))
    if not kept:
        result.notice = (
            "The language model's answer could not be checked against the report "
            f"({'; '.join(dropped[:2]) or 'no sentences'}); showing the report's own sentences."
        )
        return False
    renumber: dict[int, int] = {}
    for text_, markers, quotes in kept:
        new_markers = []
        for m, quote in zip(markers, quotes):
            if m not in renumber:
                renumber[m] = len(renumber) + 1
                p = paragraphs[m - 1]
                result.citations.append(citation_for(renumber[m], p, quote))
            new_markers.append(renumber[m])
        result.sentences.append(AnswerSentence(text_, new_markers))
    if dropped:
        result.notice = f"Removed {len(dropped)} sentence(s) the cited paragraphs do not support."
    return True
