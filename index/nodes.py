"""Report -> llama-index TextNodes: one per paragraph, long ones split on sentence boundaries."""

from __future__ import annotations

import hashlib

from llama_index.core.schema import TextNode

from ingest import Paragraph, Report


def paragraph_chunks(paragraph: Paragraph, chunk_words: int) -> list[str]:
    sentences = paragraph.sentence_texts() or [paragraph.text]
    chunks: list[str] = []
    current: list[str] = []
    words = 0
    for sentence in sentences:
        n = len(sentence.split())
        if current and words + n > chunk_words:
            chunks.append(" ".join(current))
            current, words = [], 0
        current.append(sentence)
        words += n
    if current:
        chunks.append(" ".join(current))
    return chunks


def embed_text(paragraph: Paragraph, chunk: str) -> str:
    """What the model sees: the section heading gives short paragraphs their topic."""
    return f"{paragraph.section_path}: {chunk}" if paragraph.section else chunk


def report_nodes(report: Report, chunk_words: int, salt: str) -> list[TextNode]:
    nodes: list[TextNode] = []
    for p in report.paragraphs:
        for i, chunk in enumerate(paragraph_chunks(p, chunk_words)):
            text = embed_text(p, chunk)
            node_id = hashlib.sha256(f"{salt}|{p.id}|{i}|{text}".encode()).hexdigest()[:32]
            nodes.append(
                TextNode(
                    id_=node_id,
                    text=text,
                    metadata={
                        "report_id": report.id,
                        "council": report.council,
                        "year": report.year,
                        "section": p.section_path,
                        "number": p.number if p.number is not None else -1,
                        "page": p.page if p.page is not None else -1,
                        "kind": p.kind,
                        "paragraph_id": p.id,
                    },
                )
            )
    return nodes
