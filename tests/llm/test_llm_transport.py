"""HTTP failures: what is retried, how long it waits, and the one line a user gets."""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest
from llm_cases import HAIKOU, HAIKOU_ANSWER
from llm_server import TEST_KEY, Reply, ScriptedModel, ScriptedServer, answer, failure, mock_client, slow

from povsum import Document, Settings
from povsum.errors import ExtractionError
from povsum.extractors.llm import LLMExtractor
from povsum.extractors.llm.transport import RetryPolicy

Make = Callable[..., LLMExtractor]


def extract(extractor: LLMExtractor) -> None:
    extractor.extract(Document.from_text(HAIKOU))


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (failure(401, f"Incorrect API key provided: {TEST_KEY}"), "401: check OPENAI_API_KEY"),
        (failure(404, "The model `scripted-model` does not exist"), "model not found: scripted-model"),
        (failure(403, "forbidden"), "403: the key may not use model scripted-model"),
        (
            failure(400, f"context too long for {TEST_KEY}"),
            "request rejected (400) by http://scripted.test/v1: ",
        ),
    ],
)
def test_client_errors_are_not_retried_and_explained_in_one_line(
    make_llm: Make, scripted: ScriptedModel, waits: list[float], reply: Reply, message: str
) -> None:
    scripted.queue(reply, answer(HAIKOU_ANSWER))
    with pytest.raises(ExtractionError) as caught:
        extract(make_llm())
    assert str(caught.value).startswith(message)
    assert TEST_KEY not in str(caught.value)
    assert len(scripted.seen) == 1 and waits == []


def test_a_key_echoed_by_the_server_is_redacted(make_llm: Make, scripted: ScriptedModel) -> None:
    scripted.queue(failure(400, f"bad request from key {TEST_KEY}"))
    with pytest.raises(ExtractionError, match=r"bad request from key \*\*\*$"):
        extract(make_llm())


def test_a_rate_limit_waits_as_long_as_retry_after_says(
    make_llm: Make, scripted: ScriptedModel, waits: list[float]
) -> None:
    scripted.queue(failure(429, retry_after="7"), answer(HAIKOU_ANSWER))
    extractor = make_llm()
    summary = extractor.extract(Document.from_text(HAIKOU))
    assert waits == [7.0]
    assert summary.extractor.attempts == 1  # a transport retry is not a re-ask


def test_retry_after_is_capped(scripted: ScriptedModel, waits: list[float]) -> None:
    settings = Settings(extractor="llm", model="scripted-model", base_url="http://scripted.test/v1")
    policy = RetryPolicy(attempts=2, max_retry_after=5.0, sleep=waits.append)
    extractor = LLMExtractor(settings, client=mock_client(scripted), retry=policy)
    scripted.queue(failure(429, retry_after="3600"), answer(HAIKOU_ANSWER))
    extract(extractor)
    assert waits == [5.0]


def test_a_rate_limit_that_never_lifts_is_reported_with_the_attempts(
    make_llm: Make, scripted: ScriptedModel, waits: list[float]
) -> None:
    scripted.queue(*[failure(429, retry_after="1")] * 3)
    with pytest.raises(ExtractionError, match=r"^rate limited \(429\) after 3 attempts$"):
        extract(make_llm())
    assert waits == [1.0, 1.0]


def test_an_empty_account_is_not_retried(make_llm: Make, scripted: ScriptedModel) -> None:
    scripted.queue(failure(429, "You exceeded your current quota", code="insufficient_quota"))
    with pytest.raises(
        ExtractionError, match=r"after 1 attempt \(insufficient_quota: the account has no credit\)"
    ):
        extract(make_llm())
    assert len(scripted.seen) == 1


def test_server_errors_back_off_exponentially_then_fail(
    make_llm: Make, scripted: ScriptedModel, waits: list[float]
) -> None:
    scripted.queue(*[failure(500)] * 3)
    with pytest.raises(ExtractionError, match=r"^server error 500 after 3 attempts$"):
        extract(make_llm())
    assert len(scripted.seen) == 3
    # initial 1s doubled each time, plus up to 1s of jitter
    assert 1.0 <= waits[0] <= 2.0 and 2.0 <= waits[1] <= 3.0


def test_a_server_error_then_an_answer_succeeds(make_llm: Make, scripted: ScriptedModel) -> None:
    scripted.queue(failure(503), answer(HAIKOU_ANSWER))
    summary = make_llm().extract(Document.from_text(HAIKOU))
    assert summary.extractor.attempts == 1 and len(scripted.seen) == 2


def test_the_total_time_budget_stops_retries_early(scripted: ScriptedModel) -> None:
    # Real (short) sleeps: the budget is measured on the clock, which fake sleeps do not move.
    settings = Settings(extractor="llm", model="scripted-model", base_url="http://scripted.test/v1")
    extractor = LLMExtractor(
        settings, client=mock_client(scripted), retry=RetryPolicy(attempts=10, total=0.5)
    )
    scripted.queue(*[failure(429, retry_after="0.3")] * 10)
    with pytest.raises(ExtractionError, match=r"^rate limited \(429\) after 2 attempts$"):
        extract(extractor)  # a third try would start after 0.6s, past the 0.5s budget


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_endpoint_is_named(waits: list[float]) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    settings = Settings(extractor="llm", base_url=url, api_key=TEST_KEY)
    extractor = LLMExtractor(settings, retry=RetryPolicy(attempts=2, sleep=waits.append))
    with pytest.raises(ExtractionError, match=f"^endpoint unreachable: {url}$"):
        extract(extractor)
    assert len(waits) == 1


def test_a_slow_endpoint_times_out_and_is_retried(waits: list[float]) -> None:
    with ScriptedServer([slow(answer(HAIKOU_ANSWER), 2.0)] * 2) as server:
        settings = Settings(extractor="llm", base_url=server.url, api_key=TEST_KEY, timeout=0.2)
        extractor = LLMExtractor(settings, retry=RetryPolicy(attempts=2, sleep=waits.append))
        with pytest.raises(
            ExtractionError, match=r"^endpoint timed out after 2 attempts: http://127.0.0.1:\d+/v1$"
        ):
            extract(extractor)
        assert len(server.model.seen) == 2


def test_credentials_in_a_base_url_never_reach_a_message(waits: list[float]) -> None:
    url = f"http://user:hunter2@127.0.0.1:{_closed_port()}/v1"
    extractor = LLMExtractor(Settings(extractor="llm", base_url=url), retry=RetryPolicy(attempts=1))
    with pytest.raises(ExtractionError) as caught:
        extract(extractor)
    assert "hunter2" not in str(caught.value) and "user" not in str(caught.value)


def test_keyless_requests_carry_the_placeholder_key_and_use_the_v1_path(waits: list[float]) -> None:
    with ScriptedServer([answer(HAIKOU_ANSWER)]) as server:
        extractor = LLMExtractor(Settings(extractor="llm", base_url=server.url, mode="json_schema"))
        extract(extractor)
        (seen,) = server.model.seen
    assert seen.path == "/v1/chat/completions"
    assert seen.headers["authorization"] == "Bearer no-key"
    assert seen.body["response_format"]["type"] == "json_schema"
