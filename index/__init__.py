"""Report -> Chroma + BM25; query -> ranked paragraphs (hybrid retrieval, scope filters)."""

from .engine import MODES, Hit, ReportIndex
from .glossary import expand, expansions
from .lock import IndexBusyError, IndexReadOnlyError
from .settings import Settings, get_settings
from .vectors import IndexUnavailableError, collection_name
from .writer import IngestSummary

__all__ = [
    "MODES",
    "Hit",
    "IndexBusyError",
    "IndexReadOnlyError",
    "IndexUnavailableError",
    "IngestSummary",
    "ReportIndex",
    "Settings",
    "collection_name",
    "expand",
    "expansions",
    "get_settings",
]
