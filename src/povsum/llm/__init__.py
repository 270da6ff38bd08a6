"""Parts of the llm extractor (``povsum.extractors.llm``): the model-facing answer and its
conversion (``draft``), and HTTP with retries and clear errors (``transport``)."""
