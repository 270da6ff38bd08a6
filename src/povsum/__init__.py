"""povsum: structured, verified summaries of Chinese poverty-alleviation reports.

>>> from povsum import summarize_text
>>> summary = summarize_text("2014年海口共有贫困人口4352户18802人。如今贫困人口变成了136户547人。")
>>> summary.baseline.people.value, summary.outcome.households.text
(18802.0, '136户')

The names below are loaded on first use, so ``import povsum`` costs a few milliseconds and a
command that needs only part of the package never imports the rest.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from povsum.config import Settings
    from povsum.document import Document
    from povsum.errors import ConfigError, ExtractionError, InputError, PovsumError
    from povsum.models import SCHEMA_VERSION, ArticleSummary
    from povsum.pipeline import Summarizer, summarize, summarize_text
    from povsum.verify import verify

# Public name -> the module that defines it.
_HOMES = {
    "SCHEMA_VERSION": "povsum.models",
    "ArticleSummary": "povsum.models",
    "ConfigError": "povsum.errors",
    "Document": "povsum.document",
    "ExtractionError": "povsum.errors",
    "InputError": "povsum.errors",
    "PovsumError": "povsum.errors",
    "Settings": "povsum.config",
    "Summarizer": "povsum.pipeline",
    "summarize": "povsum.pipeline",
    "summarize_text": "povsum.pipeline",
    "verify": "povsum.verify",
}

# Written out for type checkers and linters; a doctest below keeps it equal to _HOMES.
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
    if name == "__version__":
        from importlib.metadata import version

        value: Any = version("povsum")
    elif name in _HOMES:
        value = getattr(import_module(_HOMES[name]), name)
    else:
        raise AttributeError(f"module 'povsum' has no attribute {name!r}")
    globals()[name] = value  # later lookups are plain attribute reads
    return value


def __dir__() -> list[str]:
    """
    >>> sorted(__all__) == sorted([*_HOMES, "__version__"])
    True
    """
    return sorted(__all__)
