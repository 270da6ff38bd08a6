"""Extractors turn a Document into a draft ArticleSummary; the verifier then proves it.

Two share one interface: ``rules`` (offline, deterministic, the default) and ``llm``.
"""

from __future__ import annotations

from typing import Protocol

from povsum.document import Document
from povsum.models import ArticleSummary


class Extractor(Protocol):
    """Anything with a name and ``extract(document) -> draft summary`` can be plugged in."""

    name: str
    # Whether articles gain from running in threads: true when the work waits on the network;
    # CPU-bound extractors run one article at a time (threads only add GIL contention).
    waits_on_io: bool
    # Whether ``extract`` returns summaries it already verified against the document (the llm
    # extractor verifies each answer to decide on a re-ask); otherwise the pipeline verifies.
    verifies: bool

    def produced(self, summary: ArticleSummary) -> bool:
        """Whether ``summary`` is what this extractor, as configured, would make: a run reuses
        only such summaries."""
        ...

    def extract(self, document: Document) -> ArticleSummary:
        """A draft summary, or a verified one when ``verifies`` is true."""
        ...
