"""The schema sent to the model is built once per process, not with every request."""

from __future__ import annotations

import pytest

from povsum.extractors.llm import draft
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
