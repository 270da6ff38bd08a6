"""The schema sent to the model is built once per process, not with every request."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import get_args

import pytest
from llm_cases import HAIKOU, HAIKOU_ANSWER
from llm_server import ScriptedModel, answer

from povsum import Document
from povsum.config import Mode
from povsum.extractors.llm import LLMExtractor, draft
from povsum.extractors.llm.draft import ArticleDraft


def test_the_lean_schema_is_built_once_and_each_caller_gets_a_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(draft, "_SCHEMAS", {})
    built: list[object] = []
    compact = draft.compact_schema

    def counting(schema: object) -> object:
        if (
            isinstance(schema, dict) and "$defs" in schema
        ):  # the whole schema (compact_schema also calls itself on its parts)
            built.append(schema)
        return compact(schema)

    monkeypatch.setattr(draft, "compact_schema", counting)
    first = ArticleDraft.model_json_schema()
    first["properties"] = "changed by a caller"
    second = ArticleDraft.model_json_schema()
    assert len(built) == 1
    assert second["properties"] != "changed by a caller" and second == ArticleDraft.model_json_schema()
    assert second["title"] == "ArticleDraft"
    assert ArticleDraft.model_json_schema(mode="serialization") is not None and len(built) == 2


@pytest.mark.parametrize("mode", get_args(Mode))
def test_requests_reuse_one_answer_model_and_its_schema(
    mode: str, monkeypatch: pytest.MonkeyPatch, make_llm: Callable[..., LLMExtractor], scripted: ScriptedModel
) -> None:
    """instructor wraps a response model that is not its ResponseSchema in a new class with every
    request: the schema was built again each time and the cache grew by one class per request.
    Answers are scripted (tests/llm/llm_server.py)."""
    monkeypatch.setattr(draft, "_SCHEMAS", {})
    scripted.queue(*[answer(HAIKOU_ANSWER)] * 3)
    extractor = make_llm(mode=mode)
    for _ in range(3):
        assert extractor.extract(Document.from_text(HAIKOU)).verification.status == "verified"
    assert len(draft._SCHEMAS) == 1
    sent = [json.dumps(seen.body.get("tools") or seen.body.get("response_format")) for seen in scripted.seen]
    assert len(scripted.seen) == 3 and len(set(sent)) == 1
