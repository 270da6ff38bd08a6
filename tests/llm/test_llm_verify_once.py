"""On the LLM path the verifier runs once per model answer, plus once on the summary merged
from several answers (re-asks); the pipeline does not verify again. Answers are scripted
(tests/llm/llm_server.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from llm_cases import HAIKOU, HAIKOU_ANSWER, HAIKOU_HALLUCINATED
from llm_server import ScriptedModel, answer

import povsum.extractors.llm.draft
import povsum.extractors.llm.extractor
import povsum.pipeline
from povsum import Document, Summarizer
from povsum.extractors.llm import LLMExtractor
from povsum.verify import verify


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []

    def counted(summary, document):  # type: ignore[no-untyped-def]
        seen.append(summary.extractor.name)
        return verify(summary, document)

    for module in (povsum.extractors.llm.draft, povsum.extractors.llm.extractor, povsum.pipeline):
        monkeypatch.setattr(module, "verify", counted)
    return seen


@pytest.mark.parametrize("answers", [1, 2, 3])
def test_each_answer_is_verified_once(
    answers: int, calls: list[str], make_llm: Callable[..., LLMExtractor], scripted: ScriptedModel
) -> None:
    scripted.queue(*[answer(HAIKOU_HALLUCINATED)] * (answers - 1), answer(HAIKOU_ANSWER))
    summary = Summarizer(extractor=make_llm(max_retries=2)).summarize(Document.from_text(HAIKOU))
    assert summary.extractor.attempts == answers and summary.verification.status == "verified"
    assert len(calls) == answers + (answers > 1)  # each answer, then the merged summary


def test_the_rules_path_is_verified_once_by_the_pipeline(calls: list[str]) -> None:
    from povsum import Settings

    Summarizer(Settings(extractor="rules")).summarize(Document.from_text(HAIKOU))
    assert calls == ["rules"]
