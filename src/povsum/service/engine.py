"""Articles summarized off the event loop, each within the request timeout.

The CPU-bound rules extractor runs in worker processes, one per usable core, so a slow article
holds one worker and never the event loop (threads would only contend for the GIL). The LLM
extractor waits on the network: it runs in threads that share one ``Summarizer``, hence one HTTP
client and one SQLite cache (the extractor is thread-safe and locks its store).

Failures leave the engine as ``Rejected``: an HTTP status and the one-line reason the CLI would
print. No FastAPI here.
"""

from __future__ import annotations

import asyncio
import dataclasses
import multiprocessing
import os
import signal
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from povsum.config import Settings
from povsum.document import Document
from povsum.engines import _exit_with, usable_cores
from povsum.errors import ExtractionError, InputError, PovsumError
from povsum.models import ArticleSummary
from povsum.pipeline import Summarizer
from povsum.verify import verify

__all__ = ["LLM_THREADS", "Engine", "Job", "Rejected", "Summarize", "Verify"]

LLM_THREADS = 4  # as `povsum run --concurrency`: endpoints rate-limit more than they parallelize

# An endpoint that is slow or unavailable (as the LLM transport, or its breaker after failures in
# a row, says); every other failure of the endpoint or of its answer is a bad gateway.
_UPSTREAM_STATUS = {"timeout": 504, "rate_limited": 503, "unreachable": 503, "not_attempted": 503}

_WARM_UP = "2014年海口共有贫困人口4352户18802人。如今贫困人口变成了136户547人。"


class Rejected(Exception):
    """Why a request got no summary: an HTTP status and a one-line reason.

    povsum's own errors do not survive pickling (their ``__init__`` takes other arguments than
    their ``args``); this one does, so it crosses back from a worker process.

    >>> Rejected.of(InputError(None, "the input is empty"), oversize=False).status
    400
    >>> timed_out = ExtractionError("endpoint timed out after 5 attempts: URL", "timeout")
    >>> Rejected.of(timed_out, oversize=False).status
    504
    """

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(status, reason)
        self.status = status
        self.reason = reason

    def __str__(self) -> str:
        return self.reason

    @classmethod
    def of(cls, exc: PovsumError, *, oversize: bool) -> Rejected:
        if isinstance(exc, InputError):
            return cls(413 if oversize else 400, exc.reason)
        if isinstance(exc, ExtractionError):
            return cls(_UPSTREAM_STATUS.get(exc.unavailable or "", 502), str(exc))
        return cls(500, str(exc))


class Job(Protocol):
    """One unit of work on an article's bytes; it must pickle, to reach a worker process."""

    data: bytes

    def run(self, summarizer: Summarizer) -> ArticleSummary: ...


def _document(data: bytes, settings: Settings) -> Document:
    # Bytes, as `povsum run` reads a file: the same decoding, limits and one-line reasons.
    return Document.from_bytes(data, max_bytes=settings.max_bytes)


@dataclass(frozen=True)
class Summarize:
    """Summarize an article; ``title`` and ``url`` replace what the page itself says."""

    data: bytes
    title: str | None = None
    url: str | None = None

    def run(self, summarizer: Summarizer) -> ArticleSummary:
        document = _document(self.data, summarizer.settings)
        given = {name: value for name, value in (("title", self.title), ("url", self.url)) if value}
        return summarizer.summarize(dataclasses.replace(document, **given))


@dataclass(frozen=True)
class Verify:
    """Re-check a summary from any tool against the article it claims to summarize."""

    summary: ArticleSummary
    data: bytes

    def run(self, summarizer: Summarizer) -> ArticleSummary:
        return verify(self.summary, _document(self.data, summarizer.settings))


def execute(summarizer: Summarizer, job: Job) -> ArticleSummary:
    try:
        return job.run(summarizer)
    except PovsumError as exc:
        raise Rejected.of(exc, oversize=len(job.data) > summarizer.settings.max_bytes) from None


# --- in a worker process -------------------------------------------------------------------
_worker: Summarizer | None = None


def _start_worker(settings: Settings, parent: int) -> None:
    global _worker
    # Ctrl-C reaches the whole process group; the server shuts its workers down itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with(parent)  # and a worker never outlives a killed server
    _worker = Summarizer(settings)
    _worker.summarize_text(_WARM_UP)  # loads the gazetteer before the first request, not during it


def _execute_in_worker(job: Job) -> ArticleSummary:
    if _worker is None:
        raise RuntimeError("the worker process was not initialized")
    return execute(_worker, job)


def _ready() -> None:
    """A job that does nothing: one per worker starts them all before the first request."""


class Engine:
    """Runs jobs for the app: ``async with Engine(...)`` starts the workers and stops them."""

    def __init__(self, summarizer: Summarizer, *, timeout: float, workers: int | None = None) -> None:
        self.summarizer = summarizer
        self.timeout = timeout
        # In processes each worker builds its own Summarizer from the same settings.
        self.in_processes = not summarizer.extractor.waits_on_io
        self.workers = workers or (usable_cores() if self.in_processes else LLM_THREADS)
        self._executor: Executor | None = None

    def describe(self) -> str:
        kind = "worker processes" if self.in_processes else "threads"
        return f"{self.summarizer.describe()}; {self.workers} {kind}"

    async def __aenter__(self) -> Engine:
        self._executor = self._start()
        if self.in_processes:
            await asyncio.gather(
                *(asyncio.wrap_future(self._executor.submit(_ready)) for _ in range(self.workers))
            )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._executor is not None:
            await asyncio.to_thread(self._executor.shutdown, wait=True, cancel_futures=True)
            self._executor = None

    def _start(self) -> Executor:
        if not self.in_processes:
            return ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="povsum-llm")
        # spawn, not fork: forking a process that runs an event loop and threads can copy a lock
        # another thread holds; and the pool may be restarted while the server is busy.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.summarizer.settings, os.getpid()),
        )

    async def run(self, job: Job) -> ArticleSummary:
        """The job's summary, or ``Rejected``; it never waits longer than the request timeout."""
        executor = self._executor
        if executor is None:
            raise RuntimeError("the engine is not started: use `async with engine`")
        call = _execute_in_worker if self.in_processes else partial(execute, self.summarizer)
        try:
            future = asyncio.wrap_future(executor.submit(call, job))
            done, _ = await asyncio.wait({future}, timeout=self.timeout)
            if not done:
                # Cancels it if still queued; a worker already on it finishes in the background.
                future.cancel()
                raise Rejected(504, f"no result within {self.timeout:g} s (raise it with --request-timeout)")
            return future.result()
        except BrokenExecutor:
            self._restart(executor)
            raise Rejected(503, "a worker process died on this article; the pool was restarted") from None

    def _restart(self, broken: Executor) -> None:
        # Requests failing together restart the pool once: only the broken one is replaced.
        if self._executor is broken:
            broken.shutdown(wait=False, cancel_futures=True)
            self._executor = self._start()
