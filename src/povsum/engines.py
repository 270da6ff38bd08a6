"""Where a run's articles are summarized: the engines behind ``povsum run --engine``.

An engine only maps article paths to outcomes (a summary, or the one line its article's failure
is reported with), running ``summarize_file`` for each, in tasks of one or more articles: read,
normalize, extract, verify, a pure function of the path and the settings. Which articles need
it, every output file, resuming and the accounting of every input stay with the run
(``runner``), whichever engine it uses.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

from povsum.config import EngineChoice, Settings
from povsum.document import Document
from povsum.errors import ConfigError, PovsumError
from povsum.models import ArticleSummary
from povsum.pipeline import Summarizer

if TYPE_CHECKING:  # the dask extra is optional
    from distributed import Client
    from distributed import Future as DaskFuture

# A summary, or the line its article's failure is reported with: povsum's errors do not survive
# pickling (their ``__init__`` takes other arguments than their ``args``), a string does.
Outcome = ArticleSummary | str

_ARTICLES_PER_PROCESS = 50
# How often a worker process checks that the run that started it is still alive.
_PARENT_CHECK_SECONDS = 0.5
_CONNECT_SECONDS = 10
_ARTICLES_PER_TASK = 8


def failure(path: Path, exc: Exception) -> str:
    """The one line ``exc`` is reported with for the article at ``path``.

    A bug must not sink the batch, but it is reported with its type, never hidden;
    POVSUM_RAISE_ERRORS=1 re-raises it with the traceback.
    """
    if isinstance(exc, PovsumError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{path}: {exc.strerror or exc}"
    if os.environ.get("POVSUM_RAISE_ERRORS"):
        raise exc
    return f"{path}: internal error {type(exc).__name__}: {exc}"


def summarize_file(summarizer: Summarizer, path: Path, folder: str | None = None) -> Outcome:
    """Read, normalize, extract and verify the article at ``path``: what every engine runs.

    A relative ``path`` is read from ``folder`` when one is given (the run's working folder, for
    a worker started in another); the summary records it as given.
    """
    try:
        document = Document.from_path(path, max_bytes=summarizer.settings.max_bytes, folder=folder)
        return summarizer.summarize(document)
    except Exception as exc:
        return failure(path, exc)


def summarize_files(
    summarizer: Summarizer, paths: Sequence[Path], folder: str | None = None
) -> list[Outcome]:
    """``summarize_file`` for each of ``paths``: one task of an engine."""
    return [summarize_file(summarizer, path, folder) for path in paths]


@dataclass(frozen=True)
class Workers:
    """A started engine: ``submit`` sends it a task of up to ``chunk`` articles; ``slots`` tasks
    run at once."""

    submit: Callable[[Sequence[Path]], Future[list[Outcome]]]
    slots: int
    chunk: int = 1


class Engine(Protocol):
    def start(self, summarizer: Summarizer, articles: int) -> AbstractContextManager[Workers]:
        """Workers for a run of ``articles`` articles, stopped when the block ends; the articles
        still queued are dropped when it raises (Ctrl-C)."""
        ...


@dataclass(frozen=True)
class LocalEngine:
    """This machine: threads for an extractor that waits on the network; for the CPU-bound rules,
    a process per usable core (threads would only contend for the GIL), unless the run is too
    small to be worth starting them."""

    concurrency: int = 4

    @contextmanager
    def start(self, summarizer: Summarizer, articles: int) -> Iterator[Workers]:
        pool, slots = self._pool(summarizer, articles)
        try:
            yield Workers(partial(pool.submit, summarize_files, summarizer), slots)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown()

    def _pool(self, summarizer: Summarizer, articles: int) -> tuple[Executor, int]:
        concurrency = max(1, self.concurrency)
        if summarizer.extractor.waits_on_io:
            return ThreadPoolExecutor(max_workers=concurrency), concurrency
        workers = min(concurrency, usable_cores(), articles // _ARTICLES_PER_PROCESS)
        if workers < 2:
            return ThreadPoolExecutor(max_workers=1), 1
        # Imported here: it brings multiprocessing, ~6 ms of a one-article run that needs no pool.
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=workers, initializer=_exit_with, initargs=(os.getpid(),))
        return pool, workers


@dataclass(frozen=True)
class DaskEngine:
    """A Dask cluster: the scheduler at ``scheduler``, else a LocalCluster of one single-threaded
    process per usable core. Each worker builds its Summarizer from the run's settings, and reads
    the articles at the paths the run names (relative ones from the run's working folder): the
    workers of a remote cluster must see the same files."""

    scheduler: str | None = None

    def __post_init__(self) -> None:
        _distributed()  # a missing extra is said before anything is written

    @contextmanager
    def start(self, summarizer: Summarizer, articles: int) -> Iterator[Workers]:
        with ExitStack() as stack:
            client = self._client(_distributed(), stack)
            running: set[DaskFuture] = set()  # not yet delivered
            task = partial(_summarize_on_worker, summarizer.settings, os.getcwd())

            def submit(paths: Sequence[Path]) -> Future[list[Outcome]]:
                outcomes: Future[list[Outcome]] = Future()
                future = client.submit(task, paths, pure=False)  # the same articles again: a new task
                running.add(future)
                future.add_done_callback(partial(_deliver, outcomes, running))
                return outcomes

            # A task costs the scheduler and the client a few milliseconds (measured: 3 to 7; a
            # rules article takes about 15), so rules articles share tasks; LLM articles wait on
            # the endpoint, one a task, so that they wait at once.
            chunk = 1 if summarizer.extractor.waits_on_io else _ARTICLES_PER_TASK
            try:
                yield Workers(submit, max(1, sum(client.nthreads().values())), chunk)
            except BaseException:
                client.cancel(list(running))
                raise

    def _client(self, distributed: ModuleType, stack: ExitStack) -> Client:
        address = self.scheduler
        if address is None:
            cluster = distributed.LocalCluster(
                n_workers=usable_cores(),
                threads_per_worker=1,
                processes=True,
                # Any free port: the scheduler serves HTTP even without a dashboard, on 8787 by
                # default, with a warning when that is taken.
                dashboard_address=":0",
                # The run reports every failure itself (a lost worker is raised); a Ctrl-C would add
                # the warnings and errors of every component it stops.
                silence_logs=logging.CRITICAL,
                preload=[__name__],  # dask_setup, below
            )
            address = stack.enter_context(cluster).scheduler_address
        try:
            return stack.enter_context(distributed.Client(address, timeout=_CONNECT_SECONDS))
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler: {exc}") from None


def _deliver(outcomes: Future[list[Outcome]], running: set[DaskFuture], future: DaskFuture) -> None:
    """Hand a Dask future's result to the run. This runs in the Dask client's callback thread,
    so the future is released there: released in the main thread, a Ctrl-C arriving meanwhile
    would be lost (Python ignores exceptions raised in ``__del__``)."""
    running.discard(future)
    try:
        outcomes.set_result(future.result())
    except BaseException as exc:  # cancelled, its worker lost, or POVSUM_RAISE_ERRORS: the run raises it
        outcomes.set_exception(exc)


def make_engine(choice: EngineChoice, *, concurrency: int = 4, scheduler: str | None = None) -> Engine:
    """The engine ``povsum run --engine`` names."""
    if choice == "dask":
        return DaskEngine(scheduler)
    if scheduler is not None:
        raise ConfigError("--scheduler needs --engine dask")
    return LocalEngine(concurrency)


def _distributed() -> ModuleType:
    try:
        import distributed
    except ImportError as exc:
        raise ConfigError(f"--engine dask needs {exc.name}: pip install 'povsum[dask]'") from None
    return distributed


def dask_setup(worker: object) -> None:
    """Run by each worker of the LocalCluster a run starts (a Dask preload): Ctrl-C reaches the
    whole process group, and the run stops its workers itself, without a traceback from each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@lru_cache(maxsize=1)
def _worker_summarizer(settings: Settings) -> Summarizer:
    # Built on the worker, once: an LLM extractor's HTTP client and cache do not travel.
    return Summarizer(settings)


def _summarize_on_worker(settings: Settings, folder: str, paths: Sequence[Path]) -> list[Outcome]:
    return summarize_files(_worker_summarizer(settings), paths, folder)


def usable_cores() -> int:
    """The CPUs this process may run on (a container or taskset may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _exit_with(parent: int) -> None:
    """In a worker process: exit as soon as the run that started it is gone (kill -9 included),
    so no orphan goes on working for it."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="povsum-parent-watch", daemon=True).start()
