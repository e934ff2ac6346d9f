"""One settings class for the whole product, overridable by OFSTED_QA_* environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OFSTED_QA_", extra="ignore")

    index_dir: Path = Field(
        PROJECT_ROOT / "var" / "index",
        description="Folder holding the Chroma database, the BM25 index and the paragraph store.",
    )
    reports_dir: Path = Field(
        PROJECT_ROOT / "data" / "reports",
        description="Folder of reports that `make run` indexes when no index exists.",
    )
    chroma_url: str = Field(
        "",
        description="Use a Chroma server (http://host:port) instead of the embedded database.",
    )
    max_file_mb: int = Field(50, description="Reports larger than this are refused.")
    chunk_words: int = Field(
        120, description="Paragraphs longer than this are embedded in sentence-bounded chunks."
    )
    top_k: int = Field(5, description="Paragraphs kept after hybrid retrieval.")
    llm: str = Field(
        "extractive",
        description="Answer backend. Only `extractive` is implemented so far.",
    )
    llm_base_url: str = Field("", description="Base URL of an OpenAI-compatible or Ollama server.")
    llm_timeout_s: float = Field(30.0, description="Seconds before an LLM call falls back.")
    feedback_db: Path = Field(
        PROJECT_ROOT / "var" / "feedback.sqlite3",
        description="SQLite file where the chat app stores thumbs up/down feedback.",
    )
    default_report: str = Field(
        "tower-hamlets-2017", description="Report the chat app starts scoped to."
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
