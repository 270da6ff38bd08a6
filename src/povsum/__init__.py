"""povsum: structured, verified summaries of Chinese poverty-alleviation reports.

>>> from povsum import summarize_text
>>> summary = summarize_text("2014年海口共有贫困人口4352户18802人。如今贫困人口变成了136户547人。")
>>> summary.baseline.people.value, summary.outcome.households.text
(18802.0, '136户')
"""

import sys
from collections.abc import Callable
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from povsum.config import Settings
    from povsum.document import Document
    from povsum.errors import ConfigError, ExtractionError, InputError, PovsumError
    from povsum.models import SCHEMA_VERSION, ArticleSummary
    from povsum.pipeline import Summarizer, summarize, summarize_text
    from povsum.verify import verify

# Each public name and the module it lives in. They are imported on first use, so `import povsum`
# (and a command that needs few of them) does not pay for building every pydantic model.
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
}

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
        # importlib.metadata costs ~50 ms.
        from importlib.metadata import version

        value = version("povsum")
    elif name in _HOMES:
        value = getattr(import_module(_HOMES[name]), name)
    else:
        raise AttributeError(f"module 'povsum' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public API and the module's own dunders: not the helpers imported here (``sys``,
    ``import_module``...) nor the submodules loaded so far."""
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})


class _Package(ModuleType):
    """``povsum.verify`` names both the function exported here and its submodule, and importing a
    submodule binds its name on the package: a property keeps the name on the function."""

    @property
    def verify(self) -> Callable[..., Any]:
        from povsum.verify import verify

        return verify

    @verify.setter
    def verify(self, submodule: ModuleType) -> None:
        """The import system's binding of the submodule: it stays in ``sys.modules``."""


sys.modules[__name__].__class__ = _Package
