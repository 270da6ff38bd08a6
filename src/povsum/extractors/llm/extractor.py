"""The llm extractor: instructor over any OpenAI-compatible endpoint (OpenAI, DeepSeek, Qwen,
Ollama, vLLM, llama.cpp server), with verification-driven re-asks and a SQLite cache.

One call to the model per article (per part of an article longer than ``settings.chunk_chars``),
plus up to ``settings.max_retries`` re-asks when the verifier rejects part of the answer. The
re-asks are made here, not by instructor (each call has ``max_retries=0``): a re-ask repeats the
constant prefix (system prompt, article) and adds one message asking, in Chinese, only for the
fields that failed. The answers are merged field by field (``merge``): a proven value is never
replaced, and what no answer proved is removed and listed in ``verification.failures``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from instructor.core.hooks import Hooks

from povsum.config import Settings
from povsum.document import Document
from povsum.errors import NOT_ATTEMPTED, ConfigError, ExtractionError
from povsum.extractors.llm.chunks import Part, split_article
from povsum.extractors.llm.draft import Grounding, draft_model, grounded_in
from povsum.extractors.llm.merge import filled, filled_paths, merge, region_of_article
from povsum.extractors.llm.prompts import load_prompts
from povsum.extractors.llm.store import CacheKey, Exchange, Store
from povsum.extractors.llm.tolerant import merge_tool_calls
from povsum.extractors.llm.transport import Completions, Deferred, RetryPolicy, Transport, make_client
from povsum.models import SCHEMA_VERSION, ArticleSummary, ExtractorInfo, Failure, Verification
from povsum.verify import verify

__all__ = ["MODES", "LLMExtractor"]

# instructor logs every failed attempt at ERROR; without a handler Python would print them on
# stderr. Re-asks are normal here and reported in the summary; an application's own logging
# configuration still receives these records.
logging.getLogger("instructor").addHandler(logging.NullHandler())

# config.Mode names the modes once; this is only their instructor spelling (a test pins the keys).
MODES: dict[str, instructor.Mode] = {
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "json_object": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}
# After this many articles in a row fail on the endpoint itself (unreachable, 401, 404), the rest
# of the batch is not sent: a dead endpoint costs seconds, not an hour of retries.
FAIL_FAST_AFTER = 3


class LLMExtractor:
    """Thread-safe: calls share only the HTTP client, the store (locked) and immutable prompts.

    ``client``: an ``openai.OpenAI`` to use instead of one built from ``settings`` (tests inject
    one with a mock transport). ``store``/``force``: the cache, and whether to ignore it.
    ``retry``: how transient HTTP failures are retried. ``transport``: where requests go instead
    of the endpoint (the Batch API answers them from its output files).
    """

    name = "llm"
    waits_on_io = True
    verifies = True  # each answer is verified inside the re-ask loop

    def __init__(
        self,
        settings: Settings,
        *,
        client: openai.OpenAI | None = None,
        store: Store | None = None,
        force: bool = False,
        retry: RetryPolicy | None = None,
        transport: Transport | None = None,
    ) -> None:
        if client is None and transport is None and not settings.llm_configured:
            raise ConfigError(
                "the llm extractor needs an endpoint: set OPENAI_API_KEY or OPENAI_BASE_URL "
                "(or use --extractor rules)"
            )
        self.settings = settings
        self.prompts = load_prompts()
        if transport is None:
            transport = Completions(client if client is not None else make_client(settings), retry)
        self.transport = transport
        self._create = instructor.patch(create=self._complete, mode=MODES[settings.mode])
        self.draft_model = draft_model(settings.mode)
        cache = settings.cache
        self.store = store if store is not None else (Store(cache) if cache is not None else None)
        self.force = force or settings.force
        self.breaker = Breaker(FAIL_FAST_AFTER)
        # The answer depends on the schema asked for and how: part of the cache key.
        self.request_version = _request_version(settings)

    def produced(self, summary: ArticleSummary) -> bool:
        info = summary.extractor
        return (info.name, info.model, info.prompt_version) == (
            self.name,
            self.settings.model,
            self.prompts.version,
        )

    def key(self, document: Document) -> CacheKey:
        return CacheKey(
            document.sha256,
            self.name,
            self.settings.model,
            self.prompts.version,
            f"{SCHEMA_VERSION}+{self.request_version}",
        )

    def extract(self, document: Document) -> ArticleSummary:
        """A draft summary: from the cache when this article was asked before, else from the model."""
        key = self.key(document)
        if self.store is not None and not self.force:
            cached = self.store.verified(key)
            if cached is not None:
                self.store.log(key, "cached", path=document.path)
                info = cached.extractor.model_copy(update={"cached": True})
                return cached.model_copy(update={"source": document.source_info(), "extractor": info})
        exchange = Exchange()
        self.breaker.check()
        try:
            draft, verified = self._ask(document, exchange)
        except ExtractionError as exc:
            self.breaker.record(exc)
            if self.store is not None:
                self.store.log(key, "failed", path=document.path, exchange=exchange, error=str(exc))
            raise
        self.breaker.record(None)
        if self.store is not None:
            self.store.save(key, exchange, draft, verified)
            self.store.log(key, "extracted", path=document.path, exchange=exchange)
        return verified

    def _complete(self, **kwargs: Any) -> Any:
        """One completion; an answer that holds nothing to re-ask about fails the article.

        instructor 1.17 crashes building a re-ask for an empty ``choices`` list (IndexError), and
        sees ``message.refusal`` only in tools mode (the JSON modes re-ask it as invalid JSON).
        """
        completion = self.transport.create(**kwargs)
        endpoint = self.transport.endpoint
        if isinstance(completion, str):  # the SDK returns the text of a page that is not JSON
            raise ExtractionError(
                f"not a chat completion (a non-JSON page) from {endpoint}: check --base-url"
            )
        if not completion.choices:
            raise ExtractionError(f"empty answer: no choices in the response from {endpoint}")
        refusal = completion.choices[0].message.refusal
        if refusal is not None:
            raise ExtractionError(f"the model refused: {' '.join(refusal.split())[:200]}")
        merge_tool_calls(completion)
        return completion

    def _ask(self, document: Document, exchange: Exchange) -> tuple[ArticleSummary, ArticleSummary]:
        """The answer as a draft and as verified: one reading per part of the article (one part
        unless it is longer than ``settings.chunk_chars``), merged field by field."""
        parts = split_article(document.text, self.settings.chunk_chars)
        readings = [self._read(document, part if len(parts) > 1 else None, exchange) for part in parts]
        waiting = [r.label or "the article" for r in readings if r.attempts == 0]
        if waiting:  # its first request was deferred: only the Batch API's replay does that
            raise Deferred(f"no answer yet for {', '.join(waiting)}")
        info = ExtractorInfo(
            name="llm",
            model=self.settings.model,
            prompt_version=self.prompts.version,
            attempts=exchange.attempts,
            usage=exchange.usage,
            chunks=len(parts),
            reasked=sorted({path for r in readings for path in r.reasked}),
        )
        if len(readings) == 1 and readings[0].whole is not None:
            draft, verified = readings[0].whole  # one answer: verified once, as it came
        else:
            draft = self._assemble(document, readings)
            verified = verify(draft, document)
        return draft.model_copy(update={"extractor": info}), verified.model_copy(update={"extractor": info})

    def _assemble(self, document: Document, readings: list[Reading]) -> ArticleSummary:
        """One draft from the readings' verified values; the parts nothing could be read from
        are failures, so the summary says it is partial."""
        answered = [r.summary for r in readings if r.summary is not None]
        unread = [
            Failure(
                field="answer",
                text=r.label,
                reason=f"no usable answer in {r.attempts} attempt(s): {r.problem}",
            )
            for r in readings
            if r.summary is None
        ]
        if not answered:
            return _unanswered(document, unread)
        merged = merge(answered)
        if len(readings) > 1:  # a long article's region is the one its whole text names most
            merged = merged.model_copy(
                update={"region": region_of_article([s.region for s in answered if s.region], document)}
            )
        failures = [*merged.verification.failures, *unread]
        return merged.model_copy(update={"verification": Verification(failures=failures)})

    def _read(self, document: Document, part: Part | None, exchange: Exchange) -> Reading:
        """Ask about the article (or one part of it), then re-ask only for the fields the verifier
        could not prove: each follow-up is the same constant prefix (system prompt, article) plus
        one message listing just those fields, so a provider's prefix cache serves the prefix and
        the conversation does not grow with every attempt."""
        grounding = Grounding(document)
        prefix = self.prompts.messages(document, part)
        reading = Reading(grounding, label="" if part is None else f"part {part.index}/{part.count}")
        followup: str | None = None
        for _ in range(self.settings.max_retries + 1):
            messages = prefix if followup is None else [*prefix, {"role": "user", "content": followup}]
            answered = len(grounding.answers)
            try:
                problem = self._attempt(messages, grounding, exchange)
            except Deferred:
                break  # answered in a later batch: until then the part is what was answered so far
            reading.attempts += 1
            reading.problem = problem
            read = len(grounding.answers) > answered
            if read:
                reading.merge_latest()
            if reading.problem is None or (read and not reading.pending):
                break
            # An unreadable answer is told so; what earlier answers left unproven is asked again.
            lines = [] if read else [self.prompts.unreadable_message(reading.problem)]
            if reading.pending:
                lines.append(self.prompts.reask_message(reading.pending, document))
            followup = "\n".join(lines)
        return reading

    def _attempt(
        self, messages: list[dict[str, str]], grounding: Grounding, exchange: Exchange
    ) -> str | None:
        """One request and its verification; None when everything in the answer was proven,
        else what was wrong (the answer, if it could be read, is in ``grounding.answers``)."""
        try:
            with grounded_in(grounding):
                # No context=: it would render every message, the article too, as a Jinja template.
                self._create(
                    response_model=self.draft_model,
                    messages=messages,
                    model=self.settings.model,
                    temperature=self.settings.temperature,
                    max_tokens=self.settings.max_tokens,
                    max_retries=0,  # re-asks are built here, with only the failed fields
                    hooks=_recorder(exchange),
                )
        except InstructorRetryException as exc:
            return _exhausted(exc)
        except IncompleteOutputException:
            raise ExtractionError(
                "the model's answer was cut off by its output token limit (finish_reason=length)"
            ) from None
        return None


@dataclass
class Reading:
    """What the answers about one article (or part) proved, merged as they come."""

    grounding: Grounding  # holds every answer that could be read, converted and verified
    label: str  # "" for a whole article, "part 2/3"
    attempts: int = 0
    problem: str | None = "no answer"
    summary: ArticleSummary | None = None  # the verified values of every answer, merged
    pending: list[Failure] = field(default_factory=list)  # what the next re-ask asks for
    reasked: set[str] = field(default_factory=set)  # fields a re-ask's answer filled

    def merge_latest(self) -> None:
        """Merge the latest answer in. What is still pending is what THAT answer failed to prove
        and no answer proved: a field the re-ask's answer left out was withdrawn, not failed."""
        before = filled_paths(self.summary) if self.summary is not None else None
        _, verified = self.grounding.answers[-1]
        merged = merge([v for _, v in self.grounding.answers])
        self.pending = [
            f for f in verified.verification.failures if not f.is_flag and not filled(merged, f.field)
        ]
        self.summary = merged.model_copy(update={"verification": Verification(failures=self.pending)})
        if before is not None:
            self.reasked |= {_list_name(p) for p in filled_paths(self.summary) - before}

    @property
    def whole(self) -> tuple[ArticleSummary, ArticleSummary] | None:
        """The one answer as converted and verified, when there was only one."""
        answers = self.grounding.answers
        return answers[0] if len(answers) == 1 else None


def _list_name(path: str) -> str:
    # "funding[3]" -> "funding": an item's index says nothing once parts are merged.
    return path.split("[", 1)[0]


class EndpointDown(ExtractionError):
    """The batch stopped sending: the endpoint failed for several articles in a row."""


class Breaker:
    """Counts articles that failed on the endpoint itself, in a row, across threads. Once open,
    it lets one article through every ``cooldown`` seconds, so a long-lived process (the
    service) recovers when the endpoint comes back."""

    # Failures that say nothing about the article and will fail the next one the same way
    # (a rate limit is waited out by the transport, not counted here).
    _ENDPOINT = frozenset({"unreachable", "timeout", "auth", "not_found"})

    def __init__(
        self, limit: int, cooldown: float = 30.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.cooldown = cooldown
        self.clock = clock
        self._lock = threading.Lock()
        self._in_a_row = 0
        self._last = ""
        self._opened = 0.0

    def check(self) -> None:
        with self._lock:
            if self._in_a_row < self.limit:
                return
            if self.clock() - self._opened >= self.cooldown:
                self._opened = self.clock()  # this one article probes the endpoint
                return
            raise EndpointDown(f"{NOT_ATTEMPTED}: {self.limit} articles in a row failed ({self._last})")

    def record(self, error: ExtractionError | None) -> None:
        with self._lock:
            if error is not None and error.unavailable in self._ENDPOINT:
                self._in_a_row += 1
                self._last = str(error)
                if self._in_a_row == self.limit:
                    self._opened = self.clock()
            elif not isinstance(error, EndpointDown):
                self._in_a_row = 0


def _request_version(settings: Settings) -> str:
    """A digest of what shapes an answer besides the prompt: the schema, the mode, the options."""
    shape = {
        "schema": draft_model(settings.mode).model_json_schema(),
        "mode": settings.mode,
        "temperature": settings.temperature,
        "max_tokens": settings.max_tokens,
        "chunk_chars": settings.chunk_chars,
    }
    return hashlib.sha256(json.dumps(shape, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]


def _exhausted(exc: InstructorRetryException) -> str:
    """The last error when the re-asks ran out on bad answers; anything else is raised."""
    cause = exc.__cause__
    if isinstance(cause, ExtractionError):  # the transport gave up, or nothing to re-ask: it fails
        raise cause from None
    if not isinstance(cause, ValueError):  # not a bad answer (JSON, schema, grounding): a bug
        raise exc
    # pydantic's closing link to its docs tells the model and the user nothing.
    return " ".join(str(cause).split()).split(" For further information visit")[0][:300]


def _unanswered(document: Document, failures: list[Failure]) -> ArticleSummary:
    # No answer could be converted at all: an empty summary whose status will be "failed".
    return ArticleSummary(
        source=document.source_info(),
        verification=Verification(failures=failures),
        extractor=ExtractorInfo(name="llm"),
    )


def _recorder(exchange: Exchange) -> Hooks:
    """Per-call instructor hooks that fill ``exchange`` with each request and response."""

    def on_request(*_: Any, **kwargs: Any) -> None:
        exchange.requests.append(json.loads(json.dumps(kwargs, ensure_ascii=False, default=str)))

    def on_response(completion: Any) -> None:
        exchange.responses.append(completion.model_dump(mode="json"))
        if completion.usage is not None:
            exchange.metered = True
            exchange.prompt_tokens += completion.usage.prompt_tokens or 0
            exchange.completion_tokens += completion.usage.completion_tokens or 0
            details = getattr(completion.usage, "prompt_tokens_details", None)
            exchange.cached_tokens += (getattr(details, "cached_tokens", None) or 0) if details else 0

    hooks = Hooks()
    hooks.on("completion:kwargs", on_request)
    hooks.on("completion:response", on_response)
    return hooks
