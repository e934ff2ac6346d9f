"""BM25 over the same paragraphs (bm25s), rebuilt from the paragraph store on every change."""

from __future__ import annotations

import json
from pathlib import Path

import bm25s

from .terms import stemmer

STOPWORDS = "en"


def _tokens(texts: list[str]):
    # Stemmed, so "disabled" meets "disabilities" and "assessments" meets "assessed".
    return bm25s.tokenize(texts, stopwords=STOPWORDS, stemmer=stemmer(), show_progress=False)


class LexicalIndex:
    def __init__(self, retriever: bm25s.BM25 | None, paragraph_ids: list[str]):
        self.retriever = retriever
        self.paragraph_ids = paragraph_ids

    @classmethod
    def build(cls, paragraph_ids: list[str], texts: list[str]) -> LexicalIndex:
        if not texts:
            return cls(None, [])
        retriever = bm25s.BM25()
        retriever.index(_tokens(texts), show_progress=False)
        return cls(retriever, paragraph_ids)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if self.retriever is not None:
            self.retriever.save(str(folder))
        (folder / "paragraph_ids.json").write_text(json.dumps(self.paragraph_ids))

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        ids_file = folder / "paragraph_ids.json"
        if not ids_file.exists():
            return cls(None, [])
        ids = json.loads(ids_file.read_text())
        return cls(bm25s.BM25.load(str(folder)) if ids else None, ids)

    def query(self, text: str, top_k: int, allowed: set[str] | None) -> list[tuple[str, float]]:
        if self.retriever is None:
            return []
        tokens = _tokens([text])
        if not tokens.vocab:
            return []
        k = len(self.paragraph_ids)  # score everything, then filter to the scope
        docs, scores = self.retriever.retrieve(tokens, k=k, show_progress=False)
        out: list[tuple[str, float]] = []
        for doc, score in zip(docs[0], scores[0]):
            pid = self.paragraph_ids[int(doc)]
            if score <= 0 or (allowed is not None and pid not in allowed):
                continue
            out.append((pid, float(score)))
            if len(out) >= top_k:
                break
        return out
