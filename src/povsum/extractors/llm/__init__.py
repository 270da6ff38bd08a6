"""The ``llm`` extractor and everything only it uses: the model-facing answer and its conversion
(``draft``), HTTP with retries and clear errors (``transport``), the prompt files (``prompts``),
the SQLite cache and run log (``store``) and the extractor itself (``extractor``).

Nothing outside this package imports these modules: the pipeline builds ``LLMExtractor`` and
the CLI's ``cache`` command opens ``Store``, both through this package and lazily (openai and
instructor are slow to import and the offline path needs neither).
"""

from povsum.extractors.llm.extractor import LLMExtractor
from povsum.extractors.llm.store import Store

__all__ = ["LLMExtractor", "Store"]
