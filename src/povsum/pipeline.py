"""read -> normalize -> extract -> verify, as one reusable object."""

from __future__ import annotations

import os
from pathlib import Path

from povsum.config import Settings, redact_url
from povsum.document import Document
from povsum.extractors import Extractor
from povsum.models import ArticleSummary
from povsum.verify import verify

Source = str | os.PathLike[str] | bytes | Document


class Summarizer:
    """A configured pipeline. It holds no per-article state, so one instance can be shared
    across threads.

    >>> Summarizer(Settings(extractor="rules")).extractor.name
    'rules'
    """

    def __init__(self, settings: Settings | None = None, *, extractor: Extractor | None = None) -> None:
        self.settings = settings if settings is not None else Settings.from_env()
        self.extractor = extractor if extractor is not None else build_extractor(self.settings)

    def describe(self) -> str:
        """One line saying which extractor runs and why."""
        if self.extractor.name == "rules":
            why = "no LLM endpoint configured" if self.settings.extractor == "auto" else "--extractor rules"
            return f"extractor: rules (offline; {why})"
        where = redact_url(self.settings.base_url) if self.settings.base_url else "api.openai.com"
        return f"extractor: llm ({self.settings.model} at {where})"

    def load(self, source: Source) -> Document:
        """A Document from a path, raw bytes, article text or an existing Document."""
        if isinstance(source, Document):
            return source
        if isinstance(source, bytes):
            return Document.from_bytes(source, max_bytes=self.settings.max_bytes)
        if isinstance(source, os.PathLike) or _looks_like_path(source):
            return Document.from_path(source, max_bytes=self.settings.max_bytes)
        return Document.from_text(source)

    def summarize(self, source: Source) -> ArticleSummary:
        """Extract and verify one article; only proven figures are kept."""
        document = self.load(source)
        summary = self.extractor.extract(document)
        return summary if self.extractor.verifies else verify(summary, document)


def build_extractor(settings: Settings) -> Extractor:
    """The extractor ``settings`` ask for (``auto`` resolved against the environment)."""
    if settings.resolved_extractor() == "llm":
        from povsum.extractors.llm import LLMExtractor  # lazily: openai/instructor are slow to import

        return LLMExtractor(settings)
    from povsum.extractors.rules import RulesExtractor

    return RulesExtractor()


def _looks_like_path(text: str) -> bool:
    # Article text is long and multi-line; a short single line naming an existing file is a path.
    return "\n" not in text and len(text) < 4096 and Path(text).is_file()


def summarize(source: Source, settings: Settings | None = None) -> ArticleSummary:
    """Summarize one article (a path, bytes or its text) with default or given settings."""
    return Summarizer(settings).summarize(source)
