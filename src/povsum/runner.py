"""Batch runs: find the articles, summarize them on an engine (``engines``), write as each finishes.

One bad article never stops the batch: its error becomes an ``ArticleResult`` with a one-line
message and a record in ``OUT/errors.jsonl``.
"""

from __future__ import annotations

import hashlib
import os
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import BinaryIO, overload

from povsum.document import STDIN, read_stdin
from povsum.engines import Engine, LocalEngine, Outcome, failure
from povsum.errors import InputError
from povsum.models import ArticleSummary, ExtractorInfo
from povsum.outputs import LOCK_NAME, OutputDir, fits, unique_stem, write_bytes_atomic
from povsum.pipeline import Summarizer
from povsum.summaries import named
from povsum.writers import Entry, stored_records, write_run_outputs

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
    """Paths kept compactly: a run holds one per input (100,000 and more, in the parent every
    worker process is forked from and shares its memory with), so each is its folder's number and
    its name's bytes in one buffer, about 1.5 MiB per 100,000 files against 8 as strings; a
    ``Path`` is made when one is asked for."""

    def __init__(self) -> None:
        self._folders: list[str] = []
        self._numbers: dict[str, int] = {}  # a folder's index in _folders
        self._folder_of = array("I")
        self._names = bytearray()
        self._ends = array("Q")  # where each name ends in _names

    def append(self, path: str | Path) -> None:
        folder, name = os.path.split(os.fspath(path))
        number = self._numbers.get(folder)
        if number is None:
            number = self._numbers[folder] = len(self._folders)
            self._folders.append(folder)
        self._folder_of.append(number)
        self._names += os.fsencode(name)  # as os.fsdecode gives it back, undecodable bytes too
        self._ends.append(len(self._names))

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> Path: ...
    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...
    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [self._path(i) for i in range(len(self))[index]]
        return self._path(range(len(self))[index])

    def _path(self, i: int) -> Path:
        name = os.fsdecode(bytes(self._names[self._ends[i - 1] if i else 0 : self._ends[i]]))
        return Path(self._folders[self._folder_of[i]], name)


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
    # A file or folder named twice, or inside a folder named before, is read once ("seeds
    # seeds/000.txt ./seeds"): what the command line names is remembered, never every file found.
    folders: set[str] = set()
    named_files: set[str] = set()
    for path in paths:
        real = os.path.realpath(path)
        if real in folders or real in named_files or _inside(real, folders):
            continue
        if path.is_dir():
            outputs |= {os.path.realpath(lock.parent) for lock in path.rglob(LOCK_NAME)}
            for child, readable in _walk(str(path), outputs | folders):
                if named_files and os.path.realpath(child) in named_files:
                    continue
                text = readable and os.path.splitext(child)[1].lower() in TEXT_SUFFIXES
                (found.files.append if text else skipped.append)(child)
            folders.add(real)
        elif path.is_file():
            found.files.append(path)
            named_files.add(real)
        else:
            found.problems.append(InputError(str(path), "no such file or folder"))
    found.skipped = [Path(p) for p in skipped]
    return found


def _walk(folder: str, excluded: set[str]) -> Iterator[tuple[str, bool]]:
    """The files below ``folder`` as strings, sorted as their ``Path``s would be (name by name),
    without a ``Path`` or a list of them all: a folder of 100,000 articles is walked in
    constant memory besides the names themselves. Folders in ``excluded`` (outputs, folders read
    already) and links into them are left out. Each comes with whether it can be read: a link
    to a folder (not followed, as ``Path.rglob`` does not) and a broken link cannot, and are
    listed so that the run says it skipped them."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except PermissionError:
        return  # as Path.rglob: an unreadable folder contributes nothing
    if os.path.realpath(folder) in excluded:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path, excluded)
        elif entry.is_file():
            if not (entry.is_symlink() and _inside(entry.path, excluded)):
                yield entry.path, True
        elif entry.is_symlink():
            yield entry.path, False


def _inside(link: str, folders: set[str]) -> bool:
    """Whether the file ``link`` points to lies in one of ``folders``."""
    target = Path(os.path.realpath(link))
    return any(str(parent) in folders for parent in target.parents)


def renamed_stems(files: Sequence[Path]) -> dict[int, str]:
    """The output names that are not their file's stem, by input index: a stem made unique with a
    path hash where stems collide, shortened (with the hash) where it would not fit a file name.
    Only these are kept, so a long run holds no second name per article.

    >>> renamed_stems([Path("a/x.txt"), Path("b/x.txt"), Path("y.txt")])
    {0: 'x-71cc043f', 1: 'x-1ef4c2d3'}
    """
    counts = Counter(f.stem for f in files)
    return {i: unique_stem(f) for i, f in enumerate(files) if counts[f.stem] > 1 or not fits(f.stem)}


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
    ) -> Tally:
        """Every article summarized, ``on_result`` called as each finishes; what is kept of them is
        the ``Tally`` (the summaries themselves are on disk)."""
        tally = Tally(files, renamed_stems(files))

        def record(index: int, result: ArticleResult) -> None:
            on_result(result)
            tally.add(index, result)

        with self.engine.start(self.summarizer, len(files)) as workers:
            pending: dict[Future[list[Outcome]], Chunk] = {}
            chunk: Chunk = []

            def send() -> None:
                pending[workers.submit([path for _, path, _ in chunk])] = chunk.copy()
                chunk.clear()

            for index, path in enumerate(files):
                planned = self._plan(path, tally.stem(index))
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
        return tally

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


@dataclass
class Tally:
    """What a run keeps of its articles, so its memory does not grow with its length: the output
    names that are not their file's stem, the count by status, the LLM usage, and the results
    worth listing (every one of a small run; a long run's problems). The summaries themselves are
    on disk."""

    files: Sequence[Path]
    renamed: dict[int, str]  # by input index, as finally written (a clash may rename one)
    counts: Counter[str] = field(default_factory=Counter)
    infos: list[ExtractorInfo] = field(default_factory=list)  # those with token usage (the llm)
    listed: dict[int, ArticleResult] = field(default_factory=dict)
    errors: dict[int, str] = field(default_factory=dict)

    def stem(self, index: int) -> str:
        """The name the article ``index`` is written under."""
        return self.renamed.get(index) or self.files[index].stem

    def add(self, index: int, result: ArticleResult) -> None:
        if result.stem == self.files[index].stem:
            self.renamed.pop(index, None)
        else:
            self.renamed[index] = result.stem
        self.counts[result.status] += 1
        if result.error is not None:
            self.errors[index] = named(str(self.files[index]), result.error)
        info = result.extractor
        if info is not None and (info.usage is not None or info.cached):
            self.infos.append(info)
        if len(self.files) <= SMALL_RUN or result.problem:
            self.listed[index] = result

    @property
    def results(self) -> list[ArticleResult]:
        """The listed results, in input order."""
        return [self.listed[i] for i in sorted(self.listed)]


def _keep_stdin(stream: BinaryIO | None, out_root: Path) -> Path:
    """Standard input kept as ``OUT/stdin-<sha256 prefix>.txt``: another text piped into the same
    OUT is another article, the same text the same one (reused, as any unchanged file is)."""
    data = read_stdin(stream)
    path = out_root / f"stdin-{hashlib.sha256(data).hexdigest()[:12]}.txt"
    try:
        out_root.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise InputError("-", f"cannot keep standard input in {out_root}: {exc.strerror or exc}") from None
    return path


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

    ``-`` among ``paths`` is one article read from ``stdin`` (once, however often it is named);
    its bytes are kept in OUT (``_keep_stdin``) so the summary's offsets point into a file that exists.
    """
    if STDIN in paths:
        kept = _keep_stdin(stdin, out_root)
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
    if not found.files and not found.problems:
        # Folders holding no article: said, as a missing path is, and no empty reports are written.
        others = f" ({len(found.skipped)} other file(s), e.g. {found.skipped[0]})" if found.skipped else ""
        raise InputError(
            ", ".join(map(str, paths)),
            f"no article files{others}; povsum reads {', '.join(sorted(TEXT_SUFFIXES))} files",
        )
    on_start(len(found.files))
    with OutputDir(out_root) as out:
        tally = BatchRun(summarizer, out, engine).execute(found.files, on_result)
        problems: list[Entry] = [("", p.path or "", str(p)) for p in found.problems]
        # Generated, not kept: one entry per input would grow with the run.
        entries = ((tally.stem(i), str(path), tally.errors.get(i)) for i, path in enumerate(found.files))
        write_run_outputs(out_root, stored_records(out, chain(problems, entries)), formats)
        errors = [{"path": path, "error": error} for _, path, error in problems]
        errors += [{"path": str(found.files[i]), "error": error} for i, error in sorted(tally.errors.items())]
        out.write_errors(errors)
    return RunReport(tally, found.problems, found.skipped)
