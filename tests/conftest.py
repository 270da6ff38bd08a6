"""Shared fixtures: the seeds, their gold annotations, and the rules summaries of every seed."""

from __future__ import annotations

import json
from pathlib import Path

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
