"""Sentence spans, for highlighting and for extractive answers."""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {"e.g", "i.e", "etc", "no", "dr", "mr", "mrs", "ms", "st", "approx", "para", "vs"}
_BOUNDARY = re.compile(r"""[.!?]['")\]]*\s+(?=['"(\[]?[A-Z0-9])""")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        word = re.search(r"(\S+)$", text[start : m.start()])
        token = word.group(1).lower().rstrip(".") if word else ""
        if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
            continue
        end = m.end()
        spans.append((start, len(text[:end].rstrip())))
        start = end
    if start < len(text.strip()):
        spans.append((start, len(text.rstrip())))
    return [(a, b) for a, b in spans if text[a:b].strip()]
