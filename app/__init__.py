"""Question (+ history) -> Answer with citations; the CLI and the Streamlit UI render it."""

from .answer import answer
from .types import Answer, AnswerSentence, Citation, Related

__all__ = ["Answer", "AnswerSentence", "Citation", "Related", "answer"]
