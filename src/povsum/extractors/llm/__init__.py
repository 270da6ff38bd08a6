"""The ``llm`` extractor and everything only it uses: the model-facing answer and its conversion
(``draft``), HTTP with retries and clear errors (``transport``), the prompt files (``prompts``),
the SQLite cache and run log (``store``), the extractor itself (``extractor``) and its requests
sent through the Batch API (``batch``).

Nothing outside this package imports these modules: the pipeline builds ``LLMExtractor``, the
CLI's ``cache`` command reads and clears the ``Store`` and ``povsum.batch`` drives the Batch API,
all through this package and lazily (openai and instructor are slow to import and the offline
path needs neither).
"""

from povsum.extractors.llm.batch import (
    Answer,
    BatchAPI,
    BatchExtractor,
    BatchInfo,
    Pending,
    read_results,
    request_lines,
)
from povsum.extractors.llm.extractor import LLMExtractor
from povsum.extractors.llm.store import Store, cache_stats, clear_cache

__all__ = [
    "Answer",
    "BatchAPI",
    "BatchExtractor",
    "BatchInfo",
    "LLMExtractor",
    "Pending",
    "Store",
    "cache_stats",
    "clear_cache",
    "read_results",
    "request_lines",
]
