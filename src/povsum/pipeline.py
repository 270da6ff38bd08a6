"""read -> normalize -> extract -> verify, as one reusable object."""

from __future__ import annotations

import os
import re
from pathlib import Path

from povsum.config import Settings, redact_url
from povsum.document import Document
from povsum.extractors import Extractor
from povsum.models import ArticleSummary
from povsum.precompiled import precompiled
from povsum.verify import verify

Source = str | os.PathLike[str] | bytes | Document


class Summarizer:
    """A configured pipeline. It holds no per-article state, so one instance can be shared
    across threads.

    >>> Summarizer(Settings(extractor="rules")).extractor.name
    'rules'
    """

    def __init__(self, settings: Settings | None = None, *, extractor: Extractor | None = None) -> None:
        if settings is not None and not isinstance(settings, Settings):
            raise TypeError(
                f"Summarizer takes a Settings, not {type(settings).__name__}"
                " (write Summarizer(Settings(extractor='rules')), or Settings(**values) for a dict)"
            )
        self.settings = settings if settings is not None else Settings.from_env()
        self.extractor = extractor if extractor is not None else build_extractor(self.settings)

    def describe(self) -> str:
        """One line saying which extractor runs and why."""
        if self.extractor.name == "rules":
            why = "no LLM endpoint configured" if self.settings.extractor == "auto" else "--extractor rules"
            return f"extractor: rules (offline; {why})"
        where = redact_url(self.settings.base_url) if self.settings.base_url else "api.openai.com"
        checked = ", checked against the offline rules" if self.extractor.name == "both" else ""
        return f"extractor: llm ({self.settings.model} at {where}{checked})"

    def load(self, source: Source) -> Document:
        """A Document from a path, raw bytes, article text or an existing Document.

        A string is a path when it reads like one (one line, no sentence punctuation, a folder
        separator or a file suffix) or names a file or folder that exists; a path that does not
        exist, or a folder, is an ``InputError``, never summarized as if it were the article.
        ``summarize_text`` takes text explicitly.
        """
        if isinstance(source, Document):
            return source
        if isinstance(source, bytes):
            return Document.from_bytes(source, max_bytes=self.settings.max_bytes)
        if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
            return Document.from_path(source, max_bytes=self.settings.max_bytes)
        if not isinstance(source, str):
            raise TypeError(
                f"summarize() takes a path (str or Path), bytes, the text or a Document,"
                f" not {type(source).__name__}"
            )
        return Document.from_text(source)

    def summarize_text(self, text: str) -> ArticleSummary:
        """Summarize ``text`` as the article itself, whatever it looks like."""
        return self.summarize(Document.from_text(text))

    def summarize(self, source: Source) -> ArticleSummary:
        """Extract and verify one article; only proven figures are kept."""
        document = self.load(source)
        summary = self.extractor.extract(document)
        return summary if self.extractor.verifies else verify(summary, document)


def build_extractor(settings: Settings) -> Extractor:
    """The extractor ``settings`` ask for (``auto`` resolved against the environment)."""
    with precompiled("rules"):
        from povsum.extractors.rules import RulesExtractor

    chosen = settings.resolved_extractor()
    if chosen == "rules":
        return RulesExtractor()
    from povsum.extractors.llm import LLMExtractor  # lazily: openai/instructor are slow to import

    model = LLMExtractor(settings)
    if chosen == "both":
        from povsum.extractors.combined import CrossCheckedExtractor

        return CrossCheckedExtractor(model, RulesExtractor())
    return model


_PATH_LIKE = re.compile(r"[^\n。，；！？]{1,4096}")
_FILE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,6}$")


def _looks_like_path(text: str) -> bool:
    """
    >>> _looks_like_path("seeds/000.txtx"), _looks_like_path("贫困人口4352户。"), _looks_like_path("a.txt")
    (True, False, True)
    >>> _looks_like_path("."), _looks_like_path("贫" * 300)  # a folder that exists; too long a name
    (True, False)
    """
    if not _PATH_LIKE.fullmatch(text):
        return False
    return os.sep in text or "/" in text or _FILE_SUFFIX.search(text) is not None or _exists(text)


def _exists(text: str) -> bool:
    """Whether ``text`` names a file or folder that exists; a line too long to be a file name
    (or holding a NUL) names none."""
    try:
        return Path(text).exists()
    except (OSError, ValueError):
        return False


def summarize(source: Source, settings: Settings | None = None) -> ArticleSummary:
    """Summarize one article (a path, bytes or its text) with default or given settings."""
    return Summarizer(settings).summarize(source)


def summarize_text(text: str, settings: Settings | None = None) -> ArticleSummary:
    """Summarize ``text`` as the article itself."""
    return Summarizer(settings).summarize_text(text)
