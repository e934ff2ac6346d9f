"""Report -> Chroma + BM25; query -> ranked paragraphs (hybrid retrieval, scope filters)."""

from .engine import MODES, Hit, ReportIndex
from .glossary import expand, expansions
from .settings import Settings, get_settings
from .vectors import IndexUnavailableError, collection_name
from .writer import IngestSummary

__all__ = [
    "MODES",
    "Hit",
    "IndexUnavailableError",
    "IngestSummary",
    "ReportIndex",
    "Settings",
    "collection_name",
    "expand",
    "expansions",
    "get_settings",
]
