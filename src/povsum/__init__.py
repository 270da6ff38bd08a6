"""povsum: structured, verified summaries of Chinese poverty-alleviation reports.

>>> from povsum import summarize_text
>>> summary = summarize_text("2014年海口共有贫困人口4352户18802人。如今贫困人口变成了136户547人。")
>>> summary.baseline.people.value, summary.outcome.households.text
(18802.0, '136户')
"""

from typing import Any

from povsum.config import Settings
from povsum.document import Document
from povsum.errors import ConfigError, ExtractionError, InputError, PovsumError
from povsum.models import SCHEMA_VERSION, ArticleSummary
from povsum.pipeline import Summarizer, summarize, summarize_text
from povsum.verify import verify

__all__ = [
    "SCHEMA_VERSION",
    "ArticleSummary",
    "ConfigError",
    "Document",
    "ExtractionError",
    "InputError",
    "PovsumError",
    "Settings",
    "Summarizer",
    "__version__",
    "summarize",
    "summarize_text",
    "verify",
]


def __getattr__(name: str) -> Any:
    # The installed version is looked up on first use: importlib.metadata costs ~50 ms.
    if name == "__version__":
        from importlib.metadata import version

        globals()["__version__"] = value = version("povsum")
        return value
    raise AttributeError(f"module 'povsum' has no attribute {name!r}")
