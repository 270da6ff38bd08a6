"""The Batch API for the llm extractor: the same requests as the synchronous path, sent as a file.

The synchronous extractor is not re-implemented here: it runs unchanged on a ``Replay``
transport. A request the collected batches have answered gets that answer (a chat completion, as
the endpoint would have sent it); any other request is ``Deferred`` and kept for the next batch,
and the extractor goes on with the article's other parts. So the first requests of an article
(one per part of a long one), and the re-asks the synchronous loop builds after a rejected answer,
are exactly what ``povsum run`` would send, and each answer is read and verified by the same code.

A request's ``custom_id`` is a digest of its body: the replay finds an answer by the request it
answers, two identical articles share one request, and an article whose text changed since the
batch was sent finds no answer instead of another article's. A body an article sends again (a
re-ask whose answer failed as the one before did) is numbered: each sending is its own request.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import openai
from openai.types.chat import ChatCompletion

from povsum.config import Settings, redact_url
from povsum.document import Document
from povsum.errors import BatchError, ConfigError, ExtractionError
from povsum.extractors.llm.extractor import LLMExtractor
from povsum.extractors.llm.transport import Deferred, _server_message, make_client
from povsum.models import ArticleSummary

__all__ = [
    "ENDPOINT",
    "Answer",
    "BatchAPI",
    "BatchExtractor",
    "BatchInfo",
    "Pending",
    "read_results",
    "request_id",
    "request_lines",
]

ENDPOINT = "/v1/chat/completions"
# A batch the provider will not finish: collecting it is an error, not a wait.
ENDED = frozenset({"failed", "expired", "cancelling", "cancelled"})
# The control-plane calls (upload, create, retrieve, download) are few: the SDK's own retries suffice.
_API_RETRIES = 3


def _plain(body: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of ``body`` as the JSON it is sent as (a part that is not JSON is a TypeError)."""
    return json.loads(json.dumps(body, ensure_ascii=False))


def request_id(body: Mapping[str, Any]) -> str:
    """The ``custom_id`` of a request: a digest of its body, keys in order.

    >>> request_id({"model": "m", "messages": []}) == request_id({"messages": [], "model": "m"})
    True
    """
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "req-" + hashlib.sha256(canonical.encode()).hexdigest()[:32]


def request_lines(bodies: Mapping[str, Mapping[str, Any]]) -> bytes:
    """The Batch API input file: one JSON line per request.

    >>> request_lines({"req-1": {"model": "m"}}).decode()
    '{"custom_id": "req-1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "m"}}\\n'
    """
    lines = (
        json.dumps({"custom_id": cid, "method": "POST", "url": ENDPOINT, "body": body}, ensure_ascii=False)
        for cid, body in bodies.items()
    )
    return "".join(f"{line}\n" for line in lines).encode()


@dataclass(frozen=True)
class Answer:
    """One line of a batch's output or error file: a completion, or why there is none."""

    body: dict[str, Any] | None = None
    error: str | None = None


def read_results(data: bytes, name: str) -> dict[str, Answer]:
    """The answers in an output or error file (``name`` is for messages), by ``custom_id``."""
    answers: dict[str, Answer] = {}
    for number, line in enumerate(data.decode("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            cid = record["custom_id"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise BatchError(f"{name}: line {number} is not a batch result") from None
        answers[cid] = _answer(record)
    return answers


def _answer(record: dict[str, Any]) -> Answer:
    response = record.get("response") or {}
    status = response.get("status_code")
    body = response.get("body")
    if status == 200 and isinstance(body, dict) and not record.get("error"):
        return Answer(body=body)
    error = record.get("error") or (body.get("error") if isinstance(body, dict) else None) or {}
    message = error.get("message") if isinstance(error, dict) else str(error)
    return Answer(error=f"request rejected ({status or 'no status'}) in the batch: {message or 'no details'}")


class Replay:
    """A transport answering from batch results. Per thread (one article at a time, from
    ``start``) it numbers the bodies sent more than once and keeps the requests it deferred."""

    def __init__(self, answers: Mapping[str, Answer], endpoint: str) -> None:
        self.answers = answers
        self.endpoint = endpoint
        self._local = threading.local()

    def start(self) -> None:
        """A new article on this thread."""
        self._local.sent = Counter()
        self._local.deferred = {}

    @property
    def deferred(self) -> dict[str, dict[str, Any]]:
        """The requests of this thread's article that no collected batch answered, by ``custom_id``."""
        deferred: dict[str, dict[str, Any]] = self._local.deferred
        return deferred

    def create(self, **kwargs: Any) -> Any:
        body = _plain(kwargs)
        cid = self._id(body)
        answer = self.answers.get(cid)
        if answer is None:
            self._local.deferred[cid] = body
            raise Deferred(f"{cid} is not answered in any collected batch")
        if answer.body is None:
            raise ExtractionError(str(answer.error))
        # As the SDK builds it from a response: recursively, without validation.
        return ChatCompletion.construct(**answer.body)

    def _id(self, body: dict[str, Any]) -> str:
        cid = request_id(body)
        sent = self._local.sent
        sent[cid] += 1
        return cid if sent[cid] == 1 else f"{cid}-{sent[cid]}"


@dataclass
class Pending:
    """A request to send in the next batch, and the articles waiting for it."""

    body: dict[str, Any]
    paths: list[str] = field(default_factory=list)


class BatchExtractor:
    """The llm extractor over batch results, for ``povsum.runner``: an article whose answers are
    all in is summarized exactly as the synchronous path would; one waiting for re-asks gets the
    best of the answers so far (as ``run`` would with no more re-asks than were answered), and
    the requests it waits for join ``pending``."""

    name = "llm"
    # Pending requests are gathered in this process: threads, never worker processes.
    waits_on_io = True
    verifies = True

    def __init__(self, settings: Settings, answers: Mapping[str, Answer]) -> None:
        self.settings = settings.model_copy(update={"cache": None, "force": True})
        self.replay = Replay(answers, redact_url(settings.base_url or "api.openai.com"))
        self.extractor = LLMExtractor(self.settings, transport=self.replay)
        self.pending: dict[str, Pending] = {}
        self._lock = threading.Lock()

    def produced(self, summary: ArticleSummary) -> bool:
        return self.extractor.produced(summary)

    def first_requests(self, document: Document) -> None:
        """Add the first requests for ``document`` (one per part) to ``pending``."""
        self._asked(document)

    def extract(self, document: Document) -> ArticleSummary:
        summary, waiting = self._asked(document)
        if summary is None:
            raise ExtractionError(
                f"not answered in the collected batches ({', '.join(waiting)}): the article, or "
                "povsum's prompts, changed since submit"
            )
        return summary

    def _asked(self, document: Document) -> tuple[ArticleSummary | None, list[str]]:
        """The summary (None while a part has no answer at all) and the requests it waits for."""
        self.replay.start()
        try:
            summary: ArticleSummary | None = self.extractor.extract(document)
        except Deferred:
            summary = None
        waiting = self.replay.deferred
        with self._lock:
            for cid, body in waiting.items():
                self.pending.setdefault(cid, Pending(body)).paths.append(str(document.path))
        return summary, list(waiting)


@dataclass(frozen=True)
class BatchInfo:
    """What the provider says of a batch."""

    id: str
    status: str
    total: int = 0
    completed: int = 0
    failed: int = 0
    output_file_id: str | None = None
    error_file_id: str | None = None
    errors: tuple[str, ...] = ()

    @property
    def done(self) -> bool:
        return self.status == "completed"

    @property
    def ended(self) -> bool:
        """It will never complete: failed, expired or cancelled."""
        return self.status in ENDED

    def describe(self) -> str:
        """
        >>> BatchInfo("batch_1", "in_progress", total=5, completed=3).describe()
        'batch_1: in_progress, 3/5 requests done, 0 failed'
        """
        why = f" ({'; '.join(self.errors)})" if self.errors else ""
        done = f"{self.completed}/{self.total} requests done, {self.failed} failed"
        return f"{self.id}: {self.status}, {done}{why}"


class BatchAPI:
    """The files and batches endpoints of one OpenAI-compatible client; errors are one line."""

    def __init__(self, client: openai.OpenAI) -> None:
        self.client = client.with_options(max_retries=_API_RETRIES)
        self.endpoint = redact_url(str(client.base_url)).rstrip("/")

    @classmethod
    def connect(cls, settings: Settings) -> BatchAPI:
        """The endpoint ``settings`` name, with the synchronous path's HTTP guards."""
        if settings.api_key is None:
            raise ConfigError("the Batch API needs a key: set OPENAI_API_KEY")
        return cls(make_client(settings))

    def upload(self, data: bytes, name: str) -> str:
        """The id of the uploaded input file."""
        with self._explained(f"upload of {name}"):
            return self.client.files.create(file=(name, data, "application/jsonl"), purpose="batch").id

    def start(self, input_file_id: str) -> BatchInfo:
        with self._explained(f"batch of {input_file_id}"):
            batch = self.client.batches.create(
                input_file_id=input_file_id, endpoint=ENDPOINT, completion_window="24h"
            )
        return _info(batch)

    def retrieve(self, batch_id: str) -> BatchInfo:
        with self._explained(f"batch {batch_id}"):
            return _info(self.client.batches.retrieve(batch_id))

    def download(self, file_id: str) -> bytes:
        with self._explained(f"file {file_id}"):
            return self.client.files.content(file_id).content

    @contextmanager
    def _explained(self, what: str) -> Iterator[None]:
        try:
            yield
        except openai.AuthenticationError:
            raise BatchError("401: check OPENAI_API_KEY") from None
        except openai.APIConnectionError:  # timeouts included
            raise BatchError(f"endpoint unreachable: {self.endpoint} ({what})") from None
        except openai.NotFoundError:
            raise BatchError(
                f"{what}: not found (404 from {self.endpoint}; does it serve the Batch API?)"
            ) from None
        except openai.APIStatusError as exc:
            raise BatchError(
                f"{what}: rejected ({exc.status_code}) by {self.endpoint}: {_server_message(exc)}"
            ) from None


def _info(batch: Any) -> BatchInfo:
    counts = batch.request_counts
    errors = batch.errors.data if batch.errors is not None and batch.errors.data else []
    return BatchInfo(
        id=batch.id,
        status=batch.status,
        total=counts.total if counts else 0,
        completed=counts.completed if counts else 0,
        failed=counts.failed if counts else 0,
        output_file_id=batch.output_file_id,
        error_file_id=batch.error_file_id,
        errors=tuple(str(e.message or e.code) for e in errors),
    )
