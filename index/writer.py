"""Reports -> index, atomically: a failed ingest leaves the previous index whole and queryable.

Order of writes: new vectors are added under new ids, the report JSON is written under its
content hash, BM25 is rebuilt into a fresh folder, and only then is the manifest replaced (one
atomic rename). Old vectors and files are removed after that. On failure the new vectors are
removed and the old manifest still describes a complete index.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ingest import Report, UnreadableReportError, content_hash, parse_report

from .lexical import LexicalIndex
from .nodes import report_nodes

Progress = Callable[[str], None]


@dataclass
class IngestSummary:
    indexed: list[Report] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return bool(self.indexed or self.unchanged)


SUFFIXES = (".pdf", ".txt")
MAX_PATH_CHARS = 4096  # PATH_MAX on Linux; a longer name is a mistake or an attack


def collect_files(
    paths: Iterable[Path | str], errors: list[str], warnings: list[str] | None = None
) -> list[Path]:
    """The report files named, directly or as a folder's files. A folder is not searched
    below its top level; what is skipped there is said, once per folder."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if len(str(path)) > MAX_PATH_CHARS:
            errors.append(f"{str(path)[:60]}…: path is over {MAX_PATH_CHARS} characters")
            continue
        try:
            if path.is_dir():
                files.extend(_folder_files(path, errors, warnings))
            elif path.exists():
                files.append(path)
            elif path.is_symlink():
                errors.append(f"{path}: {_broken_link(path)}")
            else:
                errors.append(f"{path}: no such file or folder")
        except OSError as exc:  # a symlink loop, a name too long, a folder we may not list
            errors.append(f"{path}: {exc.strerror or exc}")
    return files


def _broken_link(path: Path) -> str:
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return "symbolic link loop"
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            return "symbolic link loop"
    return f"broken symbolic link (to {path.readlink()})"


def _folder_files(folder: Path, errors: list[str], warnings: list[str] | None) -> list[Path]:
    entries = sorted(folder.iterdir())
    found = [p for p in entries if p.suffix.lower() in SUFFIXES and not p.is_dir()]
    if not found:
        errors.append(f"{folder}: folder has no .pdf or .txt reports")
    subfolders = [p.name for p in entries if p.is_dir()]
    others = [p.name for p in entries if not p.is_dir() and p not in found]
    others = [n for n in others if not n.startswith(".") and n.upper() != "LICENCE.MD"]
    if warnings is not None and subfolders:
        warnings.append(
            f"{folder}: {len(subfolders)} subfolder(s) not searched ({_some(subfolders)}); "
            "name them to ingest them"
        )
    if warnings is not None and others:
        warnings.append(
            f"{folder}: skipped {len(others)} file(s) that are not .pdf or .txt ({_some(others)})"
        )
    return found


def _some(names: list[str]) -> str:
    return ", ".join(names[:3]) + (", …" if len(names) > 3 else "")


def parse_all(
    files: list[Path],
    max_bytes: int,
    summary: IngestSummary,
    progress: Progress,
    indexed: dict[str, str] | None = None,
) -> list[tuple[Report, str, Path]]:
    """Parse the files; those whose bytes are already indexed (`indexed`: content hash ->
    report id) are counted unchanged without parsing, which is most of a re-ingest's cost."""
    parsed: list[tuple[Report, str, Path]] = []
    seen: dict[str, list[str]] = {}  # report id -> the files in this batch that are it
    for path in files:
        if indexed and path.is_file() and 0 < path.stat().st_size <= max_bytes:
            report_id = indexed.get(content_hash(path))
            if report_id:
                summary.unchanged.append(report_id)
                seen.setdefault(report_id, []).append(path.name)
                continue
        progress(f"parse {path.name}")
        try:
            report = parse_report(path, max_bytes)
        except UnreadableReportError as exc:
            summary.errors.append(str(exc))
            continue
        except Exception as exc:  # a parser bug on an odd layout must not sink the batch
            summary.errors.append(f"{path.name}: could not be parsed ({type(exc).__name__}: {exc})")
            continue
        seen.setdefault(report.id, []).append(path.name)
        summary.warnings.extend(report.warnings)
        parsed.append((report, content_hash(path), path))
    return _refuse_twins(parsed, seen, summary)


def _refuse_twins(
    parsed: list[tuple[Report, str, Path]], seen: dict[str, list[str]], summary: IngestSummary
) -> list[tuple[Report, str, Path]]:
    """Two files that are one report are both refused: which one is right is the user's call,
    and silently keeping either (the older rule) lost the other without a word."""
    twins = {rid: names for rid, names in seen.items() if len(names) > 1}
    for rid, names in twins.items():
        summary.errors.append(
            f"{' and '.join(names)}: both are report {rid}; neither was ingested "
            "(ingest the one you want, with --replace if another is indexed)"
        )
    summary.unchanged[:] = [rid for rid in summary.unchanged if rid not in twins]
    return [item for item in parsed if item[0].id not in twins]


def check_identity(
    parsed: list[tuple[Report, str, Path]],
    manifest: dict[str, dict],
    summary: IngestSummary,
    replace: bool,
) -> list[tuple[Report, str, Path]]:
    """A report indexed from one file is replaced by another file only when asked (--replace);
    a new version of the same file replaces it as before (ingest stays idempotent)."""
    kept = []
    for report, digest, path in parsed:
        entry = manifest.get(report.id)
        if entry and entry.get("source") != report.source and not replace:
            summary.errors.append(
                f"{report.source}: report {report.id} is already indexed from "
                f"{entry.get('source')}; pass --replace to replace it with this file"
            )
            continue
        kept.append((report, digest, path))
    return kept


def sentence_matrix(index, report: Report) -> np.ndarray:
    sentences = [s for p in report.paragraphs for s in p.sentence_texts()]
    return index.embedder.embed(sentences)


def write_reports(
    index, parsed: list[tuple[Report, str, Path]], summary: IngestSummary, progress: Progress
) -> None:
    old = index.store.manifest()
    new = dict(old)
    added_ids: list[str] = []
    try:
        for report, digest, path in parsed:
            entry = old.get(report.id)
            if entry and entry["hash"] == digest and entry.get("parser") == index.name:
                summary.unchanged.append(report.id)
                continue
            progress(f"embed {report.id}")
            nodes = report_nodes(report, index.settings.chunk_words, index.name)
            vectors = index.embedder.embed([n.text for n in nodes])
            for node, vector in zip(nodes, vectors):
                node.embedding = vector.tolist()
            present = index.vectors.existing([n.node_id for n in nodes])
            fresh = [n for n in nodes if n.node_id not in present]
            index.vectors.add(fresh)
            added_ids.extend(n.node_id for n in fresh)
            index.store.save_report(report, sentence_matrix(index, report), digest)
            index.store.save_source(report.id, digest, path)
            new[report.id] = {
                "hash": digest,
                "source": report.source,
                "parser": index.name,
                "node_ids": [n.node_id for n in nodes],
            }
            summary.indexed.append(report)
            index.after_report_written(report)  # a hook tests use to fail midway
        if summary.indexed:
            commit(index, old, new, progress)
    except BaseException:
        stale = [i for i in added_ids if not _referenced(old, i)]
        index.vectors.delete(stale)
        for report in summary.indexed:
            if report.id not in old or old[report.id]["hash"] != new[report.id]["hash"]:
                index.store.delete_version(report.id, new[report.id]["hash"])
        raise


def _referenced(manifest: dict[str, dict], node_id: str) -> bool:
    return any(node_id in entry["node_ids"] for entry in manifest.values())


def commit(index, old: dict[str, dict], new: dict[str, dict], progress: Progress) -> None:
    """Rebuild BM25 for the new state, swap the manifest, then drop what nothing references."""
    progress("build BM25")
    generation = f"bm25-{time.time_ns()}"
    reports = [index.store.load_report(rid, entry["hash"]) for rid, entry in new.items()]
    ids = [p.id for r in reports for p in r.paragraphs]
    texts = [f"{p.section_path}: {p.text}" for r in reports for p in r.paragraphs]
    LexicalIndex.build(ids, texts).save(index.root / generation)
    for entry in new.values():
        entry["bm25"] = generation
    index.store.commit_manifest(new)
    live = {i for entry in new.values() for i in entry["node_ids"]}
    dead = [i for entry in old.values() for i in entry["node_ids"] if i not in live]
    index.vectors.delete(dead)
    for rid, entry in old.items():
        if rid not in new or new[rid]["hash"] != entry["hash"]:
            index.store.delete_version(rid, entry["hash"])
    for folder in index.root.glob("bm25-*"):
        if folder.name != generation:
            shutil.rmtree(folder, ignore_errors=True)
