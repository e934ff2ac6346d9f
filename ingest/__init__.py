"""Bytes on disk -> Report: sections, Ofsted-numbered paragraphs, sentences, judgements."""

from .errors import UnreadableReportError
from .models import AREAS, GRADES, KINDS, Judgement, Paragraph, Report
from .parse import PARSER_VERSION, content_hash, parse_report
from .repair import match_key

__all__ = [
    "AREAS",
    "GRADES",
    "KINDS",
    "PARSER_VERSION",
    "Judgement",
    "Paragraph",
    "Report",
    "UnreadableReportError",
    "content_hash",
    "match_key",
    "parse_report",
]
