"""Batch runs: find the articles, summarize them on an engine (``engines``), write as each finishes.

One bad article never stops the batch: its error becomes an ``ArticleResult`` with a one-line
message and a record in ``OUT/errors.jsonl``.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from povsum.engines import Engine, LocalEngine, Outcome, failure
from povsum.errors import InputError
from povsum.models import ArticleSummary, ExtractorInfo
from povsum.outputs import LOCK_NAME, OutputDir, fits, unique_stem, write_bytes_atomic
from povsum.pipeline import Summarizer
from povsum.writers import stored_records, write_run_outputs

# Up to this many articles a run keeps every summary for its final table; past it, only the
# problems (statuses below) are listed, and only theirs are kept.
SMALL_RUN = 30
PROBLEMS = frozenset({"partial", "failed", "error"})
# Tasks sent ahead per slot of the engine, so no worker waits while the run writes.
_QUEUED_PER_SLOT = 2
# The articles of one engine task: (input index, path, output name).
Chunk = list[tuple[int, Path, str]]
TEXT_SUFFIXES = frozenset({".txt", ".text", ".htm", ".html", ".md"})


@dataclass(frozen=True)
class ArticleResult:
    path: Path
    stem: str
    summary: ArticleSummary | None = None
    error: str | None = None
    reused: bool = False
    # Kept when ``summary`` is dropped (see ``light``): what the run's last lines need.
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

    def light(self) -> ArticleResult:
        """This result without its summary, unless it is a problem a reader will want listed:
        a long run keeps only these, so its memory does not grow with its length (the summaries
        are on disk)."""
        return self if self.problem else dataclasses.replace(self, summary=None)


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def discover(paths: Iterable[Path], out_root: Path | None = None) -> Discovery:
    """Files named directly are always read; folders contribute their text files, recursively.

    An output folder is never input: not ``out_root`` (which may lie inside an input folder), nor
    any folder holding a povsum lock, so a second ``povsum run .`` does not summarize its own
    reports.
    """
    found = Discovery()
    outputs = {out_root.resolve()} if out_root is not None else set()
    for path in paths:
        if path.is_dir():
            outputs |= {lock.parent.resolve() for lock in path.rglob(LOCK_NAME)}
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if hidden or outputs.intersection(child.resolve().parents):
                    continue
                (found.files if child.suffix.lower() in TEXT_SUFFIXES else found.skipped).append(child)
        elif path.is_file():
            found.files.append(path)
        else:
            found.problems.append(InputError(str(path), "no such file or folder"))
    return found


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
    """Summarize many files into one output folder. What each article needs (a name, a summary
    from an earlier run to reuse) and every file written are decided here, on the engine's client;
    the engine only summarizes."""

    def __init__(self, summarizer: Summarizer, out: OutputDir, engine: Engine | None = None):
        self.summarizer = summarizer
        self.out = out
        self.engine = engine if engine is not None else LocalEngine()

    def execute(
        self, files: Sequence[Path], on_result: Callable[[ArticleResult], None] = lambda r: None
    ) -> list[ArticleResult]:
        """Results in input order; ``on_result`` is called as each article finishes."""
        stems = output_stems(files)
        results: dict[int, ArticleResult] = {}
        small = len(files) <= SMALL_RUN

        def record(index: int, result: ArticleResult) -> None:
            on_result(result)
            results[index] = result if small else result.light()

        with self.engine.start(self.summarizer, len(files)) as workers:
            pending: dict[Future[list[Outcome]], Chunk] = {}
            chunk: Chunk = []

            def send() -> None:
                pending[workers.submit([path for _, path, _ in chunk])] = chunk.copy()
                chunk.clear()

            for index, (path, stem) in enumerate(zip(files, stems, strict=True)):
                planned = self._plan(path, stem)
                if isinstance(planned, ArticleResult):
                    record(index, planned)
                    continue
                chunk.append((index, path, planned))
                if len(chunk) == workers.chunk:
                    send()
                # A short queue: summaries are written while articles are still being sent, and
                # a finished article is dropped once written, so memory stays flat.
                while len(pending) >= _QUEUED_PER_SLOT * workers.slots:
                    self._collect(pending, record)
            if chunk:
                send()
            while pending:
                self._collect(pending, record)
        return [results[i] for i in range(len(files))]

    def _plan(self, path: Path, stem: str) -> str | ArticleResult:
        """The name ``path`` is written under, or its result when it needs no engine: the summary
        an earlier run wrote for the same bytes with the same extractor, or why it cannot be."""
        try:
            stem = self.out.claim(stem, path)
            if not self.summarizer.settings.force:
                done = self.out.finished(stem, path, self.summarizer.extractor)
                if done is not None:
                    return ArticleResult(path, stem, summary=done, reused=True)
        except Exception as exc:
            return ArticleResult(path, stem, error=failure(path, exc))
        return stem

    def _collect(
        self, pending: dict[Future[list[Outcome]], Chunk], record: Callable[[int, ArticleResult], None]
    ) -> None:
        """Write the articles of the tasks in ``pending`` that are done (waiting for one at least)."""
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            for (index, path, stem), outcome in zip(pending.pop(future), future.result(), strict=True):
                record(index, self._write(path, stem, outcome))

    def _write(self, path: Path, stem: str, outcome: Outcome) -> ArticleResult:
        if isinstance(outcome, str):
            return ArticleResult(path, stem, error=outcome)
        try:
            self.out.write_summary(stem, outcome)
        except Exception as exc:
            return ArticleResult(path, stem, error=failure(path, exc))
        return ArticleResult(path, stem, summary=outcome)


def _keep_stdin(stream: BinaryIO, out_root: Path) -> Path:
    data = stream.read()
    path = out_root / STDIN_NAME
    try:
        out_root.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise InputError("-", f"cannot keep standard input in {out_root}: {exc.strerror or exc}") from None
    return path


@dataclass(frozen=True)
class RunReport:
    results: list[ArticleResult]
    problems: list[InputError]
    skipped: list[Path]

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
    engine: Engine | None = None,
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
        results = BatchRun(summarizer, out, engine).execute(found.files, on_result)
        entries = [("", p.path or "", str(p)) for p in found.problems]
        entries += [(r.stem, str(r.path), r.error) for r in results]
        write_run_outputs(out_root, stored_records(out, entries), formats)
        errors = [{"path": path, "error": error} for _, path, error in entries if error is not None]
        out.write_errors(errors)
    return RunReport(results, found.problems, found.skipped)
