"""The paragraph store: every indexed Report as JSON, plus its sentence vectors.

It is the source of truth for what is indexed. BM25 is rebuilt from it and dense hits are
checked against it, so a half-finished ingest can never surface in answers.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

import numpy as np

from ingest import Judgement, Paragraph, Report

MANIFEST = "manifest.json"


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def report_to_dict(report: Report) -> dict:
    data = asdict(report)
    for p in data["paragraphs"]:
        p["section"] = list(p["section"])
        p["sentences"] = [list(s) for s in p["sentences"]]
    return data


def report_from_dict(data: dict) -> Report:
    paragraphs = [
        Paragraph(
            **{
                **p,
                "section": tuple(p["section"]),
                "sentences": [tuple(s) for s in p["sentences"]],
            }
        )
        for p in data["paragraphs"]
    ]
    judgements = [Judgement(**j) for j in data["judgements"]]
    fields = {k: v for k, v in data.items() if k not in ("paragraphs", "judgements")}
    return Report(**fields, judgements=judgements, paragraphs=paragraphs)


class ParagraphStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.reports_dir = self.root / "reports"

    # The manifest maps report id -> {"hash", "source", "node_ids"}: the committed state.
    def manifest(self) -> dict[str, dict]:
        path = self.root / MANIFEST
        return json.loads(path.read_text()) if path.exists() else {}

    def commit_manifest(self, manifest: dict[str, dict]) -> None:
        _atomic_write(self.root / MANIFEST, json.dumps(manifest, indent=1).encode())

    # Files are named by content hash, so a new version never overwrites the committed one.
    def _path(self, report_id: str, digest: str, suffix: str) -> Path:
        return self.reports_dir / f"{report_id}.{digest}{suffix}"

    def save_report(self, report: Report, sentence_vectors: np.ndarray, digest: str) -> None:
        data = json.dumps(report_to_dict(report), ensure_ascii=False).encode()
        _atomic_write(self._path(report.id, digest, ".json"), data)
        buf = io.BytesIO()
        np.save(buf, sentence_vectors.astype(np.float16))  # half precision: ranking only
        _atomic_write(self._path(report.id, digest, ".npy"), buf.getvalue())

    def save_source(self, report_id: str, digest: str, path: Path) -> None:
        """Keep a copy of a PDF, so its pages can be shown wherever it was ingested from."""
        if Path(path).suffix.lower() == ".pdf":
            _atomic_write(self._path(report_id, digest, ".pdf"), Path(path).read_bytes())

    def source_pdf(self, report_id: str, digest: str) -> Path | None:
        path = self._path(report_id, digest, ".pdf")
        return path if path.exists() else None

    def delete_version(self, report_id: str, digest: str) -> None:
        for suffix in (".json", ".npy", ".pdf"):
            self._path(report_id, digest, suffix).unlink(missing_ok=True)

    def load_report(self, report_id: str, digest: str) -> Report:
        return report_from_dict(json.loads(self._path(report_id, digest, ".json").read_text()))

    def load_sentence_vectors(self, report_id: str, digest: str) -> np.ndarray:
        return np.load(self._path(report_id, digest, ".npy")).astype(np.float32)
