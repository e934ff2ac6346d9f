"""The one domain error for a document that cannot be read."""

from pathlib import Path


class UnreadableReportError(Exception):
    """A report file that cannot be parsed; str() is one line naming the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")
