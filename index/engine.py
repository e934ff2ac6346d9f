"""ReportIndex: the indexed reports and hybrid search over their paragraphs."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ingest import Paragraph, Report, content_hash

from . import writer
from .embedder import Embedder, get_embedder
from .glossary import expand
from .lexical import LexicalIndex
from .lock import IndexReadOnlyError, writable, write_lock
from .paragraph_store import ParagraphStore
from .settings import Settings, get_settings
from .terms import META, terms
from .vectors import VectorIndex, collection_name, open_client, snapshot_for_reading

RRF_K = 60  # the usual reciprocal-rank-fusion constant; larger flattens rank differences
CANDIDATES = 40  # per retriever, before fusion
# A scope of at most this many reports is searched exactly, in memory (ReportIndex._exact).
EXACT_SCOPE = 3
MODES = ("hybrid", "dense", "bm25")


@dataclass
class Hit:
    paragraph: Paragraph
    score: float
    rank: int
    # Its rank in each retriever that found it ("dense", "bm25"): the answerer's scorer
    # weighs them apart, since one retriever's noise (BM25 on a question of common words)
    # can outvote the other in the fused rank.
    channel_ranks: dict[str, int] = field(default_factory=dict)


class ReportIndex:
    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None):
        self.settings = settings or get_settings()
        self._embedder = embedder
        self.name = collection_name("all-MiniLM-L6-v2", self.settings.chunk_words)
        self.root = Path(self.settings.index_dir) / self.name
        self.store = ParagraphStore(self.root)
        self._lock = threading.RLock()
        self._refresh_lock = threading.Lock()
        self.reloads = 0  # how often another process's commit was picked up
        self.removed: set[str] = set()  # ids indexed earlier in this process, since removed
        self.read_only = False
        self._open_vectors()
        self._load()

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder()
        return self._embedder

    # --- state -------------------------------------------------------------------------
    def _open_vectors(self) -> None:
        index_dir = Path(self.settings.index_dir)
        if not self.settings.chroma_url:
            chroma = index_dir / "chroma"
            self.read_only = not writable(chroma) or not all(
                writable(f) for f in chroma.glob("*.sqlite3")
            )
            if self.read_only:
                index_dir = snapshot_for_reading(index_dir)
        client = open_client(index_dir, self.settings.chroma_url)
        self.vectors = VectorIndex(client, self.name)

    def generation(self) -> tuple[int, int, int] | None:
        """The committed state's identity: the manifest is replaced by a rename, never edited,
        so a new commit always shows as a new inode or modification time."""
        try:
            st = (self.root / "manifest.json").stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def refresh(self) -> bool:
        """Reload if another process committed since the last load; True when it did.

        Cheap when nothing changed (one stat), and one reload per change: concurrent callers
        wait for the first one's reload instead of each doing their own.
        """
        if self.generation() == self._generation:
            return False
        with self._refresh_lock:
            if self.generation() == self._generation:
                return False
            with self._lock:
                self._open_vectors()
                self._load()
            self.reloads += 1
            return True

    def _load(self) -> None:
        for attempt in range(20):
            before = self.generation()
            try:
                state = self._read_state()
            except FileNotFoundError:
                state = None  # a writer deleted what the manifest we read named: read again
            if state is not None and self.generation() == before:
                break
            time.sleep(0.05 * (attempt + 1))
        else:
            raise RuntimeError(f"{self.root}: the index kept changing while it was read")
        manifest, reports, lexical = state
        old_ids = set(getattr(self, "_reports", {}))
        self.removed = (self.removed | old_ids) - set(reports)
        self._install(before, manifest, reports, lexical)

    def _read_state(self):
        manifest = self.store.manifest()
        reports = {rid: self.store.load_report(rid, e["hash"]) for rid, e in manifest.items()}
        generation = next((e.get("bm25") for e in manifest.values()), None)
        if generation and not (self.root / generation / "paragraph_ids.json").exists():
            raise FileNotFoundError(self.root / generation)
        lexical = (
            LexicalIndex.load(self.root / generation) if generation else LexicalIndex(None, [])
        )
        return manifest, reports, lexical

    def _install(self, generation, manifest, reports, lexical) -> None:
        paragraphs = {p.id: p for r in reports.values() for p in r.paragraphs}
        sentence_rows: dict[str, tuple[str, int, int]] = {}
        for rid, report in reports.items():
            row = 0
            for p in report.paragraphs:
                sentence_rows[p.id] = (rid, row, row + len(p.sentences))
                row += len(p.sentences)
        with self._lock:
            self._generation = generation
            self._manifest = manifest
            self._reports = reports
            self._paragraphs = paragraphs
            self._lexical = lexical
            self._live_nodes = {i for e in manifest.values() for i in e["node_ids"]}
            self._sentence_rows = sentence_rows
            self._sentence_vectors: dict[str, np.ndarray] = {}
            self._chunk_vectors: dict[str, tuple[list[str], np.ndarray]] = {}
            self._df_cache: dict[tuple[str, ...], dict[str, int]] = {}
            self._postings: dict[str, set[str]] | None = None

    def is_empty(self) -> bool:
        return not self._reports

    def reports(self) -> list[Report]:
        return sorted(self._reports.values(), key=lambda r: (r.council, r.published))

    def report(self, report_id: str) -> Report | None:
        return self._reports.get(report_id)

    def source_pdf(self, report_id: str) -> tuple[Path, str] | None:
        """The indexed PDF of a report and its content hash: the copy kept at ingest, or, for
        an index built before copies were kept, the file in reports_dir if its bytes match."""
        entry = self._manifest.get(report_id)
        if entry is None:
            return None
        kept = self.store.source_pdf(report_id, entry["hash"])
        if kept is not None:
            return kept, entry["hash"]
        shipped = Path(self.settings.reports_dir) / entry.get("source", "")
        is_pdf = shipped.suffix.lower() == ".pdf" and shipped.is_file()
        if is_pdf and content_hash(shipped) == entry["hash"]:
            return shipped, entry["hash"]
        return None

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        return self._paragraphs.get(paragraph_id)

    def sentence_vectors(self, paragraph: Paragraph) -> np.ndarray:
        rid, start, end = self._sentence_rows[paragraph.id]
        with self._lock:
            if rid not in self._sentence_vectors:
                digest = self._manifest[rid]["hash"]
                try:
                    self._sentence_vectors[rid] = self.store.load_sentence_vectors(rid, digest)
                except FileNotFoundError:
                    # Removed or replaced by another process during this question: rank the
                    # sentences as unrelated; the next question reloads and sees it gone.
                    return np.zeros(
                        (end - start, self.embedder.embed([""]).shape[1]), dtype=np.float32
                    )
            return self._sentence_vectors[rid][start:end]

    def document_frequencies(self, report_ids: list[str] | None) -> dict[str, int]:
        """How many paragraphs of the scoped reports contain each term."""
        key = tuple(sorted(report_ids or self._reports))
        with self._lock:
            cached = self._df_cache.get(key)
            if cached is None:
                cached = {}
                for rid in key:
                    for p in self._reports[rid].paragraphs:
                        for term in set(terms(f"{p.section_path} {p.text}")):
                            cached[term] = cached.get(term, 0) + 1
                self._df_cache[key] = cached
            return cached

    def paragraphs_with(self, term: str) -> set[str]:
        """Ids of the paragraphs whose text or heading has the stemmed `term`."""
        with self._lock:
            if self._postings is None:
                postings: dict[str, set[str]] = {}
                for pid, p in self._paragraphs.items():
                    for t in set(terms(f"{p.section_path} {p.text}")):
                        postings.setdefault(t, set()).add(pid)
                self._postings = postings
            return self._postings.get(term, set())

    # --- writing -----------------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[Path | str],
        progress=None,
        wait_s: float | None = None,
        replace: bool = False,
    ) -> writer.IngestSummary:
        """Add reports. Waits up to `wait_s` for another writer (IndexBusyError after that);
        `replace` lets a file replace a report indexed from another file under the same id."""
        started = time.perf_counter()
        say = progress or (lambda _msg: None)
        summary = writer.IngestSummary()
        files = writer.collect_files(paths, summary.errors, summary.warnings)
        with self._writing("ingest", wait_s, say):
            indexed = {
                e["hash"]: rid for rid, e in self._manifest.items() if e.get("parser") == self.name
            }
            max_bytes = self.settings.max_file_mb * 1024 * 1024
            parsed = writer.parse_all(files, max_bytes, summary, say, indexed)
            parsed = writer.check_identity(parsed, self._manifest, summary, replace)
            try:
                writer.write_reports(self, parsed, summary, say)
            finally:
                self._load()
        summary.seconds = time.perf_counter() - started
        return summary

    @contextmanager
    def _writing(self, action: str, wait_s: float | None, say) -> Iterator[None]:
        """The write lock, then the state as committed now: another process may have written
        while this one waited, and Chroma must be read afresh before it is written."""
        with write_lock(Path(self.settings.index_dir), action, wait_s, say), self._lock:
            self._open_vectors()
            if self.read_only:  # never write to the private read-only copy
                raise IndexReadOnlyError(
                    f"cannot {action}: the Chroma database in {self.settings.index_dir} "
                    "is read-only for this process"
                )
            self._load()
            yield

    def after_report_written(self, report: Report) -> None:
        """Called after each report's vectors and JSON are written, before the commit."""

    def remove(self, report_id: str, wait_s: float | None = None, progress=None) -> bool:
        with self._writing("remove", wait_s, progress):
            old = self.store.manifest()
            if report_id not in old:
                return False
            new = {rid: e for rid, e in old.items() if rid != report_id}
            writer.commit(self, old, new, lambda _m: None)
            self._load()
            return True

    # --- searching ---------------------------------------------------------------------
    def scope_ids(
        self, report_ids: list[str] | None, section: str | None = None
    ) -> set[str] | None:
        if not report_ids and not section:
            return None
        wanted = set(report_ids or self._reports)
        needle = (section or "").lower()
        return {
            pid
            for pid, p in self._paragraphs.items()
            if p.report_id in wanted and needle in p.section_path.lower()
        }

    def search(
        self,
        query: str,
        top_k: int | None = None,
        report_ids: list[str] | None = None,
        section: str | None = None,
        mode: str = "hybrid",
        query_vector: np.ndarray | None = None,
        rare: list[str] | None = None,
    ) -> list[Hit]:
        """Hybrid search; `rare` (stemmed words few paragraphs have, such as a named local
        programme) adds a third ranking of the paragraphs that contain them, so a word
        that dense and BM25 scores both dilute still finds its paragraph."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        top_k = top_k or self.settings.top_k
        allowed = self.scope_ids(report_ids, section)
        rankings: dict[str, list[tuple[str, float]]] = {}
        if mode in ("hybrid", "dense"):
            rankings["dense"] = self.dense(query, allowed, report_ids, query_vector)
        if mode in ("hybrid", "bm25"):
            rankings["bm25"] = self._lexical.query(lexical_query(query), CANDIDATES, allowed)
        if rare and mode == "hybrid":
            rankings["rare"] = self._rare_ranking(rare, allowed)
        listed = list(rankings.values())
        fused = listed[0] if len(listed) == 1 else fuse(listed)
        ranks = {
            name: {pid: r for r, (pid, _s) in enumerate(ranking, start=1)}
            for name, ranking in rankings.items()
        }
        hits = []
        for rank, (pid, score) in enumerate(fused[:top_k], start=1):
            paragraph = self._paragraphs.get(pid)
            if paragraph is not None:
                found = {name: r[pid] for name, r in ranks.items() if pid in r}
                hits.append(Hit(paragraph, score, rank, found))
        return hits

    def _exact(self, vector: np.ndarray, report_ids: list[str], top_k: int):
        """(paragraph_id, cosine) of the nearest chunks of a few reports, by exact search over
        their vectors held in memory. A question scoped to one report is the common case;
        Chroma's filtered search over a 100-report collection cost 20 ms of the 50 ms answer,
        while a report's few hundred chunks take well under one. The vectors are Chroma's own,
        read once per report and generation."""
        found: list[tuple[str, float]] = []
        for rid in report_ids:
            pids, matrix = self._chunks(rid)
            if len(pids):
                scores = matrix @ vector
                found += [(pids[i], float(scores[i])) for i in np.argsort(-scores)[:top_k]]
        return sorted(found, key=lambda kv: -kv[1])[:top_k]

    def _chunks(self, report_id: str) -> tuple[list[str], np.ndarray]:
        with self._lock:
            cached = self._chunk_vectors.get(report_id)
            entry = self._manifest.get(report_id)
            if cached is None and entry is not None:
                got = self.vectors.collection.get(
                    ids=list(entry["node_ids"]), include=["embeddings", "metadatas"]
                )
                pids = [m["paragraph_id"] for m in got["metadatas"]]
                matrix = np.asarray(got["embeddings"], dtype=np.float32).reshape(len(pids), -1)
                cached = self._chunk_vectors[report_id] = (pids, matrix)
            return cached or ([], np.zeros((0, 0), dtype=np.float32))

    def _rare_ranking(self, rare: list[str], allowed: set[str] | None) -> list[tuple[str, float]]:
        counts: dict[str, int] = {}
        for term in rare:
            for pid in self.paragraphs_with(term):
                if allowed is None or pid in allowed:
                    counts[pid] = counts.get(pid, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def dense(
        self,
        query: str,
        allowed: set[str] | None,
        report_ids: list[str] | None,
        query_vector: np.ndarray | None = None,
    ) -> list[tuple[str, float]]:
        if not self._reports:
            return []
        vector = query_vector if query_vector is not None else self.embedder.embed([query])[0]
        if report_ids and len(report_ids) <= EXACT_SCOPE:
            raw = self._exact(vector, report_ids, CANDIDATES * 2)
        else:
            raw = self.vectors.query(vector, CANDIDATES * 2, report_ids)
        best: dict[str, float] = {}
        for pid, score in raw:
            if pid in self._paragraphs and (allowed is None or pid in allowed):
                best[pid] = max(best.get(pid, 0.0), score)
        return sorted(best.items(), key=lambda kv: -kv[1])[:CANDIDATES]


# Framing words that BM25 would otherwise reward wherever a paragraph says "inspectors found";
# "recommend" stays (it meets the Recommendations heading), as does "inspection" ("at the time
# of the inspection" is a phrase the reports use for facts).
FRAMING = META - {"recommend", "recommended", "recommendation", "recommendations", "inspection"}


def lexical_query(query: str) -> str:
    """The words BM25 should match: the question without its framing, plus glossary synonyms."""
    words = re.findall(r"[\w'’-]+", query)
    kept = " ".join(w for w in words if w.lower() not in FRAMING)
    return expand(kept) if kept.strip() else expand(query)


def fuse(rankings: list[list[tuple[str, float]]]) -> list[tuple[str, float]]:
    """Reciprocal rank fusion: robust to the different scales of BM25 and cosine scores."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, (pid, _score) in enumerate(ranking, start=1):
            scores[pid] = scores.get(pid, 0.0) + 1.0 / (RRF_K + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])
