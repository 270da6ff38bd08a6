"""Extractors turn a Document into a draft ArticleSummary; the verifier then proves it.

Two share one interface: ``rules`` (offline, deterministic, the default) and ``llm``.
"""

from __future__ import annotations

from typing import Protocol

from povsum.config import Settings
from povsum.document import Document
from povsum.models import ArticleSummary, Source


class Extractor(Protocol):
    """Anything with a name and ``extract(document) -> draft summary`` can be plugged in."""

    name: str
    # Whether articles gain from running in threads: true when the work waits on the network;
    # CPU-bound extractors run one article at a time (threads only add GIL contention).
    waits_on_io: bool

    def produced(self, summary: ArticleSummary) -> bool:
        """Whether ``summary`` is what this extractor, as configured, would make: a run reuses
        only such summaries."""
        ...

    def extract(self, document: Document) -> ArticleSummary: ...


def source_info(document: Document) -> Source:
    """The ``source`` block of a summary, taken from the document's metadata."""
    return Source(
        path=document.path,
        sha256=document.sha256,
        title=document.title,
        published=document.published,
        publisher=document.publisher,
        url=document.url,
        script=document.script,
        warnings=list(document.warnings),
    )


def build_extractor(settings: Settings) -> Extractor:
    """The extractor ``settings`` ask for (``auto`` resolved against the environment)."""
    if settings.resolved_extractor() == "llm":
        from povsum.extractors.llm import (
            LLMExtractor,
        )  # imported lazily: openai/instructor are slow to import

        return LLMExtractor(settings)
    from povsum.extractors.rules import RulesExtractor

    return RulesExtractor()
