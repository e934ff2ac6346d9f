"""The Chroma side of the index: embedded PersistentClient, or HttpClient in server mode."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urlparse

from llama_index.core.schema import TextNode
from llama_index.core.vector_stores import (
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
    VectorStoreQuery,
)
from llama_index.vector_stores.chroma import ChromaVectorStore

from ingest import PARSER_VERSION


class IndexUnavailableError(Exception):
    """The vector store cannot be reached or opened; str() says which and why."""


def collection_name(model_name: str, chunk_words: int) -> str:
    """Name the collection after what made it, so a change never mixes old and new vectors."""
    model = re.sub(r"[^a-z0-9]+", "-", model_name.lower()).strip("-")
    return f"ofsted-p{PARSER_VERSION}-w{chunk_words}-{model}"[:63]


def open_client(index_dir: Path, chroma_url: str = ""):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    logging.getLogger("chromadb").setLevel(logging.ERROR)
    settings = ChromaSettings(anonymized_telemetry=False)
    if chroma_url:
        url = urlparse(chroma_url)
        if not url.hostname:
            raise ValueError(
                f"OFSTED_QA_CHROMA_URL={chroma_url!r} is not a URL like http://host:port"
            )
        try:
            return chromadb.HttpClient(
                host=url.hostname,
                port=url.port or 8000,
                ssl=url.scheme == "https",
                settings=settings,
            )
        except Exception as exc:
            raise IndexUnavailableError(f"Chroma server {chroma_url}: {exc}") from None
    path = index_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    _forget_cached_client(path)
    return chromadb.PersistentClient(path=str(path), settings=settings)


def _forget_cached_client(path: Path) -> None:
    """Make the next PersistentClient read the database afresh.

    Chroma caches one client per folder for the life of the process, with the HNSW graph it read
    at start: after another process has added or removed vectors, that client misses the new
    ones and fails on the removed ones ("Error finding id"). The old client is not stopped, so a
    query running on it in another thread still finishes.
    """
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient._identifier_to_system.pop(str(path), None)
    SharedSystemClient._identifier_to_refcount.pop(str(path), None)


def snapshot_for_reading(index_dir: Path) -> Path:
    """A private copy of a read-only index's Chroma folder, for a process that cannot write it.

    Chroma's embedded database writes to its SQLite file even to read ("attempt to write a
    readonly database"), so a read-only index is served from a copy in the temp folder,
    removed when the process ends.
    """
    import atexit
    import shutil
    import tempfile

    copy = Path(tempfile.mkdtemp(prefix="ofsted-qa-readonly-")) / "index"
    source = index_dir / "chroma"
    if source.is_dir():
        shutil.copytree(source, copy / "chroma", copy_function=shutil.copyfile)
    else:
        (copy / "chroma").mkdir(parents=True)
    for folder in (copy / "chroma", *(copy / "chroma").rglob("*")):
        if folder.is_dir():
            folder.chmod(0o755)
    atexit.register(shutil.rmtree, copy.parent, ignore_errors=True)
    return copy


class VectorIndex:
    def __init__(self, client, name: str):
        self.collection = client.get_or_create_collection(name)
        self.store = ChromaVectorStore(chroma_collection=self.collection)

    def add(self, nodes: list[TextNode]) -> None:
        if nodes:
            self.store.add(nodes)

    def delete(self, node_ids: list[str]) -> None:
        for start in range(0, len(node_ids), 5000):
            self.store.delete_nodes(node_ids=node_ids[start : start + 5000])

    def existing(self, node_ids: list[str]) -> set[str]:
        return set(self.collection.get(ids=node_ids, include=[])["ids"]) if node_ids else set()

    def count(self) -> int:
        return self.collection.count()

    def query(self, vector, top_k: int, report_ids: list[str] | None) -> list[tuple[str, float]]:
        """(paragraph_id, similarity) for the nearest chunks, best first."""
        filters = None
        if report_ids:
            filters = MetadataFilters(
                filters=[
                    MetadataFilter(key="report_id", value=report_ids, operator=FilterOperator.IN)
                ]
            )
        result = self.store.query(
            VectorStoreQuery(
                query_embedding=list(map(float, vector)), similarity_top_k=top_k, filters=filters
            )
        )
        return [
            (node.metadata["paragraph_id"], float(score))
            for node, score in zip(result.nodes or [], result.similarities or [])
        ]
