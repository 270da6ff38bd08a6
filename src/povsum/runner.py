"""Batch runs: find the articles, summarize them in a bounded pool, write as each finishes.

One bad article never stops the batch: its error becomes an ``ArticleResult`` with a one-line
message and a record in ``OUT/errors.jsonl``.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import BinaryIO, overload

from povsum.errors import InputError, PovsumError
from povsum.models import ArticleSummary, ExtractorInfo
from povsum.outputs import LOCK_NAME, OutputDir, fits, unique_stem, write_bytes_atomic
from povsum.pipeline import Summarizer
from povsum.writers import Entry, stored_records, write_run_outputs

_ARTICLES_PER_PROCESS = 50
# Articles submitted ahead per worker, so none waits while the run writes what finished.
_QUEUED_PER_WORKER = 4
# Up to this many articles a run keeps every summary for its final table; past it, only the
# problems (statuses below) are listed, and only theirs are kept.
SMALL_RUN = 30
PROBLEMS = frozenset({"partial", "failed", "error"})
# How often a worker process checks that the run that started it is still alive.
_PARENT_CHECK_SECONDS = 0.5
TEXT_SUFFIXES = frozenset({".txt", ".text", ".htm", ".html", ".md"})


@dataclass(frozen=True)
class ArticleResult:
    path: Path
    stem: str
    summary: ArticleSummary | None = None
    error: str | None = None
    reused: bool = False
    # From the summary ("error" without one): what a run's ``Tally`` counts.
    status: str = ""
    extractor: ExtractorInfo | None = None

    def __post_init__(self) -> None:
        if self.summary is not None:
            object.__setattr__(self, "status", self.summary.verification.status)
            object.__setattr__(self, "extractor", self.summary.extractor)
        elif not self.status:
            object.__setattr__(self, "status", "error")

    @property
    def failed(self) -> bool:
        return self.status in ("failed", "error")

    @property
    def problem(self) -> bool:
        return self.status in PROBLEMS


class PathList(Sequence[Path]):
    """Paths kept as strings: a run holds one per input, and a ``Path`` with its parsed parts
    costs about five times its string."""

    def __init__(self) -> None:
        self._paths: list[str] = []

    def append(self, path: str | Path) -> None:
        self._paths.append(str(path))

    def __len__(self) -> int:
        return len(self._paths)

    @overload
    def __getitem__(self, index: int) -> Path: ...
    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...
    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [Path(p) for p in self._paths[index]]
        return Path(self._paths[index])


@dataclass
class Discovery:
    files: PathList = field(default_factory=PathList)
    problems: list[InputError] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def discover(paths: Iterable[Path], out_root: Path | None = None) -> Discovery:
    """Files named directly are always read; folders contribute their text files, recursively
    (not through links to folders), in path order.

    Hidden files and folders are skipped. An output folder is never input: not ``out_root``
    (which may lie inside an input folder), nor any folder holding a povsum lock, so a second
    ``povsum run .`` does not summarize its own reports.
    """
    found = Discovery()
    outputs = {os.path.realpath(out_root)} if out_root is not None else set()
    skipped: list[str] = []
    for path in paths:
        if path.is_dir():
            outputs |= {os.path.realpath(lock.parent) for lock in path.rglob(LOCK_NAME)}
            for child in _walk(str(path), outputs):
                text = os.path.splitext(child)[1].lower() in TEXT_SUFFIXES
                (found.files.append if text else skipped.append)(child)
        elif path.is_file():
            found.files.append(path)
        else:
            found.problems.append(InputError(str(path), "no such file or folder"))
    found.skipped = [Path(p) for p in skipped]
    return found


def _walk(folder: str, outputs: set[str]) -> Iterator[str]:
    """The files below ``folder`` as strings, sorted as their ``Path``s would be (name by name),
    without a ``Path`` or a list of them all: a folder of 100,000 articles is walked in
    constant memory besides the names themselves."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except PermissionError:
        return  # as Path.rglob: an unreadable folder contributes nothing
    if os.path.realpath(folder) in outputs:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path, outputs)
        elif entry.is_file() and not (entry.is_symlink() and _inside(entry.path, outputs)):
            yield entry.path


def _inside(link: str, folders: set[str]) -> bool:
    """Whether the file ``link`` points to lies in one of ``folders``."""
    target = Path(os.path.realpath(link))
    return any(str(parent) in folders for parent in target.parents)


def output_stems(files: Sequence[Path]) -> list[str]:
    """One output name per file: its stem, made unique with a path hash where stems collide and
    shortened (with the hash) where it would not fit a file name.

    >>> output_stems([Path("a/x.txt"), Path("b/x.txt"), Path("y.txt")])
    ['x-71cc043f', 'x-1ef4c2d3', 'y']
    """
    counts: dict[str, int] = {}
    for f in files:
        counts[f.stem] = counts.get(f.stem, 0) + 1
    return [f.stem if counts[f.stem] == 1 and fits(f.stem) else unique_stem(f) for f in files]


class BatchRun:
    """Summarize many files into one output folder."""

    def __init__(self, summarizer: Summarizer, out: OutputDir, *, concurrency: int = 4):
        self.summarizer = summarizer
        self.out = out
        self.concurrency = max(1, concurrency)

    def one(self, path: Path, stem: str) -> ArticleResult:
        try:
            stem = self.out.claim(stem, path)
            document = self.summarizer.load(path)
            if not self.summarizer.settings.force:
                done = self.out.finished(stem, document.sha256, self.summarizer.extractor)
                if done is not None:
                    return ArticleResult(path, stem, summary=done, reused=True)
            summary = self.summarizer.summarize(document)
            self.out.write_summary(stem, summary)
            return ArticleResult(path, stem, summary=summary)
        except PovsumError as exc:
            return ArticleResult(path, stem, error=str(exc))
        except OSError as exc:
            return ArticleResult(path, stem, error=f"{path}: {exc.strerror or exc}")
        except Exception as exc:
            # A bug must not sink the batch, but it is reported with its type, never hidden;
            # POVSUM_RAISE_ERRORS=1 re-raises it with the traceback.
            if os.environ.get("POVSUM_RAISE_ERRORS"):
                raise
            return ArticleResult(path, stem, error=f"{path}: internal error {type(exc).__name__}: {exc}")

    def _pool(self, articles: int) -> Executor:
        # Waiting on the network: threads. CPU-bound extraction: processes, one per core (threads
        # would only contend for the GIL); a handful of articles is not worth starting them.
        if self.summarizer.extractor.waits_on_io:
            return ThreadPoolExecutor(max_workers=self.concurrency)
        workers = min(self.concurrency, usable_cores(), articles // _ARTICLES_PER_PROCESS)
        if workers < 2:
            return ThreadPoolExecutor(max_workers=1)
        return ProcessPoolExecutor(max_workers=workers, initializer=_exit_with, initargs=(os.getpid(),))

    def execute(
        self, files: Sequence[Path], on_result: Callable[[ArticleResult], None] = lambda r: None
    ) -> Tally:
        """Every article summarized, ``on_result`` called as each finishes; what is kept of them is
        the ``Tally``. Only a few articles are queued ahead of the workers: a queue of them all
        (a future, its lock and its arguments each) would grow with the run."""
        tally = Tally(output_stems(files))
        pool = self._pool(len(files))
        ahead = _QUEUED_PER_WORKER * self.concurrency
        pending: dict[Future[ArticleResult], int] = {}

        def collect() -> None:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                # A finished future holds its result: dropped here, so memory stays flat.
                result = future.result()
                on_result(result)
                tally.add(pending.pop(future), result)

        try:
            for i, (path, stem) in enumerate(zip(files, tally.stems, strict=True)):
                pending[pool.submit(self.one, path, stem)] = i
                if len(pending) >= ahead:
                    collect()
            while pending:
                collect()
        except BaseException:
            # Ctrl-C or a failure: drop the queued articles instead of finishing them first.
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown()
        return tally


@dataclass
class Tally:
    """What a run keeps of its articles, so its memory does not grow with its length: each one's
    output name, the count by status, the LLM usage, and the results worth listing (every one of
    a small run; a long run's problems). The summaries themselves are on disk."""

    stems: list[str]  # by input index, as finally written (a clash may rename one)
    counts: Counter[str] = field(default_factory=Counter)
    infos: list[ExtractorInfo] = field(default_factory=list)  # those with token usage (the llm)
    listed: dict[int, ArticleResult] = field(default_factory=dict)
    errors: dict[int, str] = field(default_factory=dict)

    def add(self, index: int, result: ArticleResult) -> None:
        self.stems[index] = result.stem
        self.counts[result.status] += 1
        if result.error is not None:
            self.errors[index] = result.error
        info = result.extractor
        if info is not None and (info.usage is not None or info.cached):
            self.infos.append(info)
        if len(self.stems) <= SMALL_RUN or result.problem:
            self.listed[index] = result

    @property
    def results(self) -> list[ArticleResult]:
        """The listed results, in input order."""
        return [self.listed[i] for i in sorted(self.listed)]


def _keep_stdin(stream: BinaryIO, out_root: Path) -> Path:
    data = stream.read()
    path = out_root / STDIN_NAME
    try:
        out_root.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise InputError("-", f"cannot keep standard input in {out_root}: {exc.strerror or exc}") from None
    return path


def usable_cores() -> int:
    """The CPUs this process may run on (a container or taskset may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _exit_with(parent: int) -> None:
    """In a worker process: exit as soon as the run that started it is gone (kill -9 included),
    so no orphan keeps writing into OUT."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="povsum-parent-watch", daemon=True).start()


@dataclass(frozen=True)
class RunReport:
    tally: Tally
    problems: list[InputError]
    skipped: list[Path]

    @property
    def results(self) -> list[ArticleResult]:
        """Every article's result in a small run; only the problems in a long one."""
        return self.tally.results

    @property
    def ok(self) -> bool:
        return not self.problems and not any(r.failed for r in self.results)


STDIN = Path("-")
STDIN_NAME = "stdin.txt"


def run_paths(
    paths: Sequence[Path],
    summarizer: Summarizer,
    out_root: Path,
    *,
    formats: Sequence[str],
    concurrency: int = 4,
    on_start: Callable[[int], None] = lambda total: None,
    on_result: Callable[[ArticleResult], None] = lambda r: None,
    stdin: BinaryIO | None = None,
) -> RunReport:
    """The whole ``povsum run``: discover, summarize, write per-article and run-level outputs.

    ``-`` among ``paths`` is one article read from ``stdin``; its bytes are kept as
    ``OUT/stdin.txt`` so the summary's offsets point into a file that exists.
    """
    if STDIN in paths:
        kept = _keep_stdin(stdin if stdin is not None else sys.stdin.buffer, out_root)
        paths = [kept if p == STDIN else p for p in paths]
    found = discover(paths, out_root)
    if not found.files and found.problems and len(found.problems) == len(paths):
        # Nothing named exists: a usage error, and no empty reports are written.
        raise (
            found.problems[0]
            if len(found.problems) == 1
            else InputError(
                None, "none of the given paths exists: " + ", ".join(str(p.path) for p in found.problems)
            )
        )
    on_start(len(found.files))
    with OutputDir(out_root) as out:
        tally = BatchRun(summarizer, out, concurrency=concurrency).execute(found.files, on_result)
        problems: list[Entry] = [("", p.path or "", str(p)) for p in found.problems]
        # Generated, not kept: one entry per input would grow with the run.
        entries = (
            (stem, str(path), tally.errors.get(i))
            for i, (stem, path) in enumerate(zip(tally.stems, found.files, strict=True))
        )
        write_run_outputs(out_root, stored_records(out, chain(problems, entries)), formats)
        errors = [{"path": path, "error": error} for _, path, error in problems]
        errors += [{"path": str(found.files[i]), "error": error} for i, error in sorted(tally.errors.items())]
        out.write_errors(errors)
    return RunReport(tally, found.problems, found.skipped)
