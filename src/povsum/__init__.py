"""povsum: structured, verified summaries of Chinese poverty-alleviation reports.

>>> from povsum import summarize_text
>>> summary = summarize_text("2014年海口共有贫困人口4352户18802人。如今贫困人口变成了136户547人。")
>>> summary.baseline.people.value, summary.outcome.households.text
(18802.0, '136户')
"""

from importlib.metadata import version

from povsum.config import Settings
from povsum.document import Document
from povsum.errors import ConfigError, ExtractionError, InputError, PovsumError
from povsum.models import SCHEMA_VERSION, ArticleSummary
from povsum.pipeline import Summarizer, summarize, summarize_text
from povsum.verify import verify

__version__ = version("povsum")

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
