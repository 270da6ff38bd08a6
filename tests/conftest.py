"""Shared fixtures: the seeds, their gold annotations, and the rules summaries of every seed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from povsum import ArticleSummary, Document, Settings, Summarizer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLD_DIR = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def rules_summarizer() -> Summarizer:
    return Summarizer(Settings(extractor="rules"))


@pytest.fixture(scope="session")
def seed_documents() -> dict[str, Document]:
    return {p.stem: Document.from_path(p) for p in SEEDS}


@pytest.fixture(scope="session")
def seed_summaries(
    rules_summarizer: Summarizer, seed_documents: dict[str, Document]
) -> dict[str, ArticleSummary]:
    return {stem: rules_summarizer.summarize(doc) for stem, doc in seed_documents.items()}


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.json"))}


# --- LLM extractor fixtures (tests/llm/) ----------------------------------------------
# Imported inside the fixtures: openai and instructor are slow to import for the other tests.
if TYPE_CHECKING:
    from collections.abc import Callable

    from llm_server import ScriptedModel

    from povsum.extractors.llm import LLMExtractor
    from povsum.extractors.llm.store import Store


@pytest.fixture
def scripted() -> ScriptedModel:
    """A queue-backed scripted model; queue replies with ``scripted.queue(...)``."""
    from llm_server import ScriptedModel

    return ScriptedModel()


@pytest.fixture
def waits() -> list[float]:
    """The transport's backoff waits, recorded instead of slept."""
    return []


@pytest.fixture
def make_llm(scripted: ScriptedModel, waits: list[float]) -> Callable[..., LLMExtractor]:
    """``make_llm(store=None, force=False, **settings)``: an LLMExtractor talking to ``scripted``
    in-process, with instant retries (3 HTTP attempts)."""
    from llm_server import mock_client

    from povsum.extractors.llm import LLMExtractor
    from povsum.extractors.llm.transport import RetryPolicy

    def make(store: Store | None = None, force: bool = False, **overrides: object) -> LLMExtractor:
        values = {"extractor": "llm", "model": "scripted-model", "base_url": "http://scripted.test/v1"}
        settings = Settings(**{**values, **overrides})
        client = mock_client(scripted, settings.base_url)
        policy = RetryPolicy(attempts=3, sleep=waits.append)
        return LLMExtractor(settings, client=client, store=store, force=force, retry=policy)

    return make
