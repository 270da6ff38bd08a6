"""HTTP to an OpenAI-compatible endpoint: the client, retries of transient failures, clear errors.

Retries wrap the single HTTP call (not instructor's re-ask loop): a 429 or a dropped connection
repeats the same request and never counts as a re-ask. The SDK's own retries are off
(``max_retries=0``) so only this policy decides, and its waits can be made instant in tests.

Two guards sit in the HTTP client itself: a total deadline per request (the SDK's timeout bounds
each read, so a server dripping a byte a second would hang a run forever), and a refusal of
redirects to another host (a 307 would re-POST the article and the key's request elsewhere).
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import httpx2
import openai
from openai.types.chat import ChatCompletion
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
    wait_exponential_jitter,
)

from povsum.config import Settings, redact_url
from povsum.errors import ExtractionError, Unavailable

__all__ = [
    "KEYLESS",
    "Completions",
    "Deferred",
    "RetryPolicy",
    "Transport",
    "make_client",
    "parse_retry_after",
]

# Ollama, vLLM and llama.cpp ignore the key, but the SDK refuses to start without one.
KEYLESS = "no-key"


def make_client(settings: Settings) -> openai.OpenAI:
    key = settings.api_key.get_secret_value() if settings.api_key else KEYLESS
    http = httpx2.Client(
        transport=DeadlineTransport(settings.timeout),
        timeout=settings.timeout,
        follow_redirects=True,
        event_hooks={"response": [refuse_cross_host_redirect]},
    )
    return openai.OpenAI(
        base_url=settings.base_url, api_key=key, max_retries=0, timeout=settings.timeout, http_client=http
    )


class RedirectRefused(httpx2.HTTPError):
    """The endpoint redirected to another host; the request is not sent there."""


def refuse_cross_host_redirect(response: httpx2.Response) -> None:
    """An httpx response hook: a redirect may stay on the endpoint's scheme, host and port only."""
    if not response.has_redirect_location:
        return
    source = response.request.url
    target = source.join(response.headers["location"])
    if (target.scheme, target.host, target.port) != (source.scheme, source.host, source.port):
        raise RedirectRefused(f"redirect to another host refused: {redact_url(str(target))}")


class DeadlineTransport(httpx2.HTTPTransport):
    """Every request, body included, ends within ``deadline`` seconds of being sent."""

    def __init__(self, deadline: float, **options: Any) -> None:
        super().__init__(**options)
        self.deadline = deadline

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        ends = time.monotonic() + self.deadline
        response = super().handle_request(request)
        return httpx2.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=_DeadlineStream(response.stream, ends, request),
            extensions=response.extensions,
            request=request,
        )


class _DeadlineStream(httpx2.SyncByteStream):
    def __init__(self, inner: Any, ends: float, request: httpx2.Request) -> None:
        self.inner, self.ends, self.request = inner, ends, request

    def __iter__(self) -> Any:
        for chunk in self.inner:
            if time.monotonic() > self.ends:
                raise httpx2.ReadTimeout(
                    "the response took longer than the request deadline", request=self.request
                )
            yield chunk

    def close(self) -> None:
        self.inner.close()


@dataclass(frozen=True)
class RetryPolicy:
    """How long one request may keep trying; ``sleep`` is injectable so tests never wait."""

    attempts: int = 5
    initial_wait: float = 1.0  # first backoff, doubled each time, plus up to as much jitter
    max_wait: float = 30.0  # cap on one exponential backoff
    max_retry_after: float = 60.0  # cap on a server's Retry-After
    total: float = 300.0  # no retry starts if its wait would end past this many seconds
    sleep: Callable[[float], None] = time.sleep


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds a server asks us to wait (``retry-after-ms``, or ``retry-after`` in seconds or as
    an HTTP date); None when it does not say.

    >>> parse_retry_after({"retry-after": "7"}), parse_retry_after({"retry-after-ms": "250"})
    (7.0, 0.25)
    >>> parse_retry_after({"retry-after": "Thu, 01 Jan 1970 00:01:00 GMT"}, now=30.0)
    30.0
    >>> parse_retry_after({"retry-after": "soon"}) is None
    True
    """
    if (ms := headers.get("retry-after-ms")) is not None:
        try:
            return max(float(ms) / 1000, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return max(when - (time.time() if now is None else now), 0.0)


def _transient(exc: BaseException) -> bool:
    if isinstance(exc.__cause__, RedirectRefused):  # the SDK wraps it as a connection error
        return False
    # A body cut off mid-JSON (a dropped connection or proxy) reaches us as the SDK's JSON error.
    if isinstance(exc, openai.APIConnectionError | json.JSONDecodeError):  # includes timeouts
        return True
    if isinstance(exc, openai.RateLimitError):
        return exc.code != "insufficient_quota"  # an empty account does not refill by waiting
    return isinstance(exc, openai.APIStatusError) and (exc.status_code >= 500 or exc.status_code == 408)


def _refused_twice(state: RetryCallState) -> bool:
    """A refused connection is tried once more, not five times: the endpoint is down, and the
    batch's fail-fast should learn it in seconds (a reset or timeout keeps the full policy)."""
    exc = state.outcome.exception() if state.outcome else None
    refused = isinstance(exc, openai.APIConnectionError) and isinstance(exc.__cause__, httpx2.ConnectError)
    return refused and state.attempt_number >= 2


class Transport(Protocol):
    """What the extractor sends its requests through: ``Completions``, or the Batch API's replay."""

    endpoint: str  # for messages: never carries credentials

    def create(self, **kwargs: Any) -> Any:
        """The chat completion answering the request ``kwargs``; ``Deferred`` if it comes later."""
        ...


class Deferred(ExtractionError):
    """The transport has no answer to this request yet: the Batch API's replay sends it in the
    next batch. The extractor stops reading that part there and goes on with the other parts."""


class Completions:
    """``chat.completions.create`` of one client, retried on transient failures; thread-safe.

    The request goes through the client's documented ``post`` (the SDK's way to any endpoint)
    rather than ``client.chat.completions``, whose first use imports every resource module of the
    SDK: ~0.45 s of a process's first request on this machine (bench/startup.py). The body is
    what instructor built; the answer is the SDK's own ``ChatCompletion``."""

    def __init__(self, client: openai.OpenAI, policy: RetryPolicy | None = None) -> None:
        self.client = client
        self.policy = policy if policy is not None else RetryPolicy()
        self._backoff = wait_exponential_jitter(
            initial=self.policy.initial_wait, max=self.policy.max_wait, jitter=self.policy.initial_wait
        )
        # Credentials in a base URL (http://user:pass@host) never reach a message.
        self.endpoint = redact_url(str(client.base_url)).rstrip("/")

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, openai.APIStatusError):
            hinted = parse_retry_after(exc.response.headers)
            if hinted is not None:
                return min(hinted, self.policy.max_retry_after)
        return self._backoff(state)

    def create(self, **kwargs: Any) -> Any:
        policy = self.policy
        retrying = Retrying(
            stop=stop_after_attempt(policy.attempts) | stop_before_delay(policy.total) | _refused_twice,
            wait=self._wait,
            retry=retry_if_exception(_transient),
            sleep=policy.sleep,
            reraise=True,
        )
        attempts = 0

        def send() -> Any:
            nonlocal attempts
            attempts += 1
            return self.client.post("/chat/completions", cast_to=ChatCompletion, body=kwargs)

        try:
            return retrying(send)
        except (openai.APIError, json.JSONDecodeError) as exc:
            raise self._explain(exc, attempts, kwargs.get("model")) from None

    def _explain(
        self, exc: openai.APIError | json.JSONDecodeError, attempts: int, model: object
    ) -> ExtractionError:
        """One line a user can act on; it never contains the API key."""
        tries = f"after {attempts} attempt{'s' * (attempts != 1)}"
        unavailable: Unavailable | None = None
        if isinstance(exc, json.JSONDecodeError):
            message = f"response body cut off or not JSON ({exc.msg}) {tries}: {self.endpoint}"
        elif isinstance(exc, openai.APITimeoutError):
            message, unavailable = f"endpoint timed out {tries}: {self.endpoint}", "timeout"
        elif isinstance(exc.__cause__, RedirectRefused):
            message = f"{exc.__cause__} (from {self.endpoint}; check --base-url)"
        elif isinstance(exc, openai.APIConnectionError):
            message, unavailable = f"endpoint unreachable: {self.endpoint}", "unreachable"
        elif isinstance(exc, openai.AuthenticationError):
            message, unavailable = "401: check OPENAI_API_KEY", "auth"
        elif isinstance(exc, openai.PermissionDeniedError):
            message, unavailable = f"403: the key may not use model {model} (check OPENAI_API_KEY)", "auth"
        elif isinstance(exc, openai.NotFoundError):
            message = f"model not found: {model} (404 from {self.endpoint}; check --model and --base-url)"
            unavailable = "not_found"
        elif isinstance(exc, openai.RateLimitError):
            quota = (
                " (insufficient_quota: the account has no credit)" if exc.code == "insufficient_quota" else ""
            )
            message, unavailable = f"rate limited (429) {tries}{quota}", "rate_limited"
        elif isinstance(exc, openai.APIStatusError) and exc.status_code >= 500:
            message = f"server error {exc.status_code} {tries}"
        elif isinstance(exc, openai.APIStatusError):
            message = f"request rejected ({exc.status_code}) by {self.endpoint}: {_server_message(exc)}"
        else:
            message = f"unusable response from {self.endpoint}: {type(exc).__name__}"
        return ExtractionError(_redact(message, self.client.api_key), unavailable)


def _redact(text: str, secret: str) -> str:
    """
    >>> _redact("bad key sk-123", "sk-123"), _redact("text", "")
    ('bad key ***', 'text')
    """
    return text.replace(secret, "***") if secret else text


def _server_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    text = body.get("message") if isinstance(body, Mapping) else None
    return str(text or exc.response.reason_phrase or "no details")[:200]
