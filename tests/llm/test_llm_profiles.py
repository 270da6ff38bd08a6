"""Provider profiles, best of attempts, fail-fast and the cache key (issue 11). Every answer here
is scripted (tests/llm/llm_server.py), not a model's."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import get_args

import pytest
from llm_cases import HAIKOU, HAIKOU_ANSWER, fig
from llm_server import TEST_KEY, ScriptedModel, ScriptedServer, answer

from povsum import Document, Settings, Summarizer
from povsum.config import PROVIDERS, Mode
from povsum.engines import LocalEngine
from povsum.extractors.llm import LLMExtractor
from povsum.extractors.llm.extractor import FAIL_FAST_AFTER, MODES
from povsum.extractors.llm.store import Store
from povsum.extractors.llm.transport import RetryPolicy
from povsum.runner import run_paths

Make = Callable[..., LLMExtractor]


def test_every_mode_has_its_instructor_spelling_and_every_provider_a_known_mode() -> None:
    assert set(MODES) == set(get_args(Mode))
    assert {p.mode for p in PROVIDERS.values()} <= set(get_args(Mode))


@pytest.mark.parametrize(
    ("model", "base_url", "mode"),
    [
        ("deepseek/deepseek-chat", "https://api.deepseek.com/v1", "json_object"),
        ("qwen/qwen-plus", "https://dashscope.aliyuncs.com/compatible-mode/v1", "json_object"),
        ("ollama/qwen2.5:7b", "http://localhost:11434/v1", "json_schema"),
        ("openai/gpt-4o-mini", None, "tools"),
    ],
)
def test_a_provider_shorthand_sets_the_endpoint_and_mode(model: str, base_url: str | None, mode: str) -> None:
    settings = Settings.from_env({}, model=model)
    assert (settings.model, settings.base_url, settings.mode) == (model.split("/", 1)[1], base_url, mode)
    assert Settings.from_env({}, model=model, mode="md_json").mode == "md_json"  # explicit wins


def test_requests_carry_temperature_zero_and_a_token_limit(make_llm: Make, scripted: ScriptedModel) -> None:
    scripted.queue(answer(HAIKOU_ANSWER))
    make_llm().extract(Document.from_text(HAIKOU))
    body = scripted.seen[0].body
    assert body["temperature"] == 0 and body["max_tokens"] == 4096


def test_json_object_mode_asks_for_a_json_object_and_verifies_in_one_request() -> None:
    with ScriptedServer([answer(HAIKOU_ANSWER)]) as server:
        settings = Settings(extractor="llm", model="deepseek-chat", base_url=server.url, mode="json_object")
        summary = Summarizer(settings).summarize(Document.from_text(HAIKOU))
        assert server.model.seen[0].body["response_format"] == {"type": "json_object"}
    assert summary.verification.status == "verified" and summary.extractor.attempts == 1


def _answer_with(people: int, invented: bool) -> dict:
    """HAIKOU_ANSWER keeping only ``people`` of its figures, plus one invented figure or not."""
    outcome = {"as_of": "如今", "households": fig("136户", "如今贫困人口变成了136户547人")}
    if people > 1:
        outcome["people"] = fig("547人", "如今贫困人口变成了136户547人")
    if invented:
        outcome["people_lifted"] = fig("28255人", "这28255人脱贫的背后,是一股强大的合力。")
    return {**HAIKOU_ANSWER, "outcome": outcome}


def test_the_best_attempt_is_kept_not_the_last(make_llm: Make, scripted: ScriptedModel) -> None:
    best, worse = _answer_with(2, invented=True), _answer_with(1, invented=True)
    scripted.queue(answer(best), answer(worse), answer(worse))
    summary = Summarizer(extractor=make_llm(max_retries=2)).summarize(Document.from_text(HAIKOU))
    assert summary.extractor.attempts == 3
    assert summary.outcome.people is not None and summary.outcome.people.value == 547
    assert summary.outcome.people_lifted is None  # the invented number never survives
    assert summary.verification.status == "partial"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_dead_endpoint_stops_the_batch_after_a_few_articles(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(30):
        (folder / f"a{i:02}.txt").write_text(HAIKOU + f"\n{i}\n", encoding="utf-8")
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    settings = Settings(extractor="llm", model="m", base_url=url, api_key=TEST_KEY)
    extractor = LLMExtractor(settings, retry=RetryPolicy(attempts=2, sleep=lambda s: None))
    started = time.monotonic()
    summarizer = Summarizer(settings, extractor=extractor)
    report = run_paths([folder], summarizer, tmp_path / "out", formats=(), engine=LocalEngine(4))
    errors = [r.error or "" for r in report.results]
    tried = [e for e in errors if e.startswith("endpoint unreachable")]
    skipped = [e for e in errors if e.startswith("not attempted")]
    assert len(tried) + len(skipped) == 30
    assert FAIL_FAST_AFTER <= len(tried) < FAIL_FAST_AFTER + 4  # at most the threads already under way
    assert all("endpoint unreachable" in e for e in skipped)
    assert time.monotonic() - started < 30


def test_the_cache_key_holds_the_mode(tmp_path: Path, make_llm: Make, scripted: ScriptedModel) -> None:
    store = Store(tmp_path / "cache.sqlite")
    scripted.queue(answer(HAIKOU_ANSWER), answer(HAIKOU_ANSWER))
    document = Document.from_text(HAIKOU)
    make_llm(store=store).extract(document)
    make_llm(store=store).extract(document)  # same mode: served from the cache
    assert len(scripted.seen) == 1
    make_llm(store=store, mode="json_schema").extract(document)  # another mode: asked again
    assert len(scripted.seen) == 2
    store.close()


def test_an_open_breaker_lets_one_article_probe_after_its_cooldown() -> None:
    from povsum.errors import ExtractionError
    from povsum.extractors.llm.extractor import Breaker, EndpointDown

    now = [0.0]
    breaker = Breaker(2, cooldown=30, clock=lambda: now[0])
    for _ in range(2):
        breaker.check()
        breaker.record(ExtractionError("endpoint unreachable: http://x/v1", "unreachable"))
    with pytest.raises(EndpointDown):
        breaker.check()
    now[0] = 31
    breaker.check()  # the probe
    with pytest.raises(EndpointDown):
        breaker.check()  # the others wait for it
    breaker.record(None)  # the endpoint is back
    breaker.check()


def test_prompt_tokens_served_from_the_providers_cache_are_recorded(
    make_llm: Make, scripted: ScriptedModel
) -> None:
    from llm_server import Reply

    scripted.queue(Reply(text=answer(HAIKOU_ANSWER).text, cached_tokens=900))
    summary = make_llm().extract(Document.from_text(HAIKOU))
    assert summary.extractor.usage is not None and summary.extractor.usage.cached_tokens == 900


def _walk(node: object) -> list[dict]:
    """Every object node of a JSON schema."""
    if isinstance(node, list):
        return [n for item in node for n in _walk(item)]
    if not isinstance(node, dict):
        return []
    return [node, *(n for value in node.values() for n in _walk(value))]


def test_json_schema_servers_get_a_schema_without_refs_or_null_alternatives(
    make_llm: Make, scripted: ScriptedModel
) -> None:
    scripted.queue(answer(HAIKOU_ANSWER))
    summary = Summarizer(extractor=make_llm(mode="json_schema")).summarize(Document.from_text(HAIKOU))
    assert summary.verification.status == "verified" and summary.extractor.attempts == 1
    sent = scripted.seen[0].body["response_format"]["json_schema"]
    schema = sent["schema"]
    assert sent["name"] == "ArticleDraft"
    nodes = _walk(schema)
    assert not [n for n in nodes if "$ref" in n or "$defs" in n or "anyOf" in n or "oneOf" in n]
    assert not [n for n in nodes if n.get("type") == "null" or "null" in (n.get("type") or [])]
    # Optional fields are stated by omission: only what every answer must have is required.
    props = schema["properties"]
    assert "required" not in schema or schema["required"] == []
    figure = props["baseline"]["properties"]["people"]
    assert figure["type"] == "object" and figure["required"] == ["text", "quote"]
    assert props["funding"]["items"]["properties"]["amount"] == figure  # the definition, inlined
    assert props["region"]["required"] == ["name", "quote"]


def test_the_other_modes_keep_the_shorter_schema_with_definitions(
    make_llm: Make, scripted: ScriptedModel
) -> None:
    scripted.queue(answer(HAIKOU_ANSWER))
    make_llm(mode="tools").extract(Document.from_text(HAIKOU))
    parameters = scripted.seen[0].body["tools"][0]["function"]["parameters"]
    assert "$defs" in parameters and not [n for n in _walk(parameters) if "anyOf" in n]
