"""The output folder: atomic writes, one lock per run, resume, and the error log.

Every file is written to a temporary name and renamed, so an interrupted run never leaves a
half-written JSON; a second run on the same folder at the same time is refused, not interleaved.
The lock is an OS lock (``flock``) on ``OUT/.povsum.lock``: the kernel releases it when its holder
dies, however it dies, so there is no stale lock to judge by a PID (which may be reused, and is 1
in every container).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from povsum.document import file_sha256
from povsum.errors import InputError, OutputError, OutputLockedError
from povsum.extractors import Extractor
from povsum.models import ArticleSummary
from povsum.summaries import load_summary, summary_json

LOCK_NAME = ".povsum.lock"
_NAME_BYTES = 255


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename."""
    with atomic_file(path, encoding) as handle:
        handle.write(text)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    with atomic_file(path, None) as handle:
        handle.write(data)


@contextmanager
def atomic_file(path: Path, encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """A file (text, or bytes when ``encoding`` is None) written under a temporary name in the
    same folder and renamed to ``path`` when the block ends without an exception; removed when
    it raises, so a reader never sees half a file."""
    # A short name whatever the target's: a long Chinese file name plus a suffix would pass the
    # 255-byte limit of most file systems. OutputDir removes what a killed run leaves behind.
    tmp = path.with_name(f".povsum-{secrets.token_hex(8)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # os.open with 0o666 honours the umask (mkstemp would make the output private, 0600).
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
    except OSError as exc:
        raise OutputError.cannot_write(path.parent, exc) from None
    try:
        mode = "wb" if encoding is None else "w"
        with os.fdopen(fd, mode, encoding=encoding, newline=None if encoding is None else "") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def unique_stem(path: Path) -> str:
    """The stem of ``path`` with a hash of the whole path, within the file-name limit."""
    digest = hashlib.sha256(str(path).encode()).hexdigest()[:8]
    stem = path.stem
    while not fits(f"{stem}-{digest}"):
        stem = stem[:-1]
    return f"{stem}-{digest}"


def fits(stem: str) -> bool:
    """Whether OUT/<stem>.json is within the 255 bytes most file systems allow for one name."""
    return len(f"{stem}.json".encode()) <= _NAME_BYTES


class OutputDir:
    """``OUT/``: per-article JSON, the run's tables and ``errors.jsonl``. Use as a context manager."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock_fd: int | None = None

    def __enter__(self) -> OutputDir:
        lock = self.root / LOCK_NAME
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock, os.O_CREAT | os.O_RDWR, 0o666)
        except OSError as exc:
            raise OutputError.cannot_write(self.root, exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputLockedError(
                f"{self.root} is in use by another povsum run (lock {lock}); wait for it to finish"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())  # for a curious reader only: the flock decides
        self._lock_fd = fd
        # Temporary files of a run that was killed mid-write; the lock says no run is using them.
        for leftover in self.root.glob(".*.tmp"):
            leftover.unlink(missing_ok=True)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # The file stays: unlinking it would let a third run lock a new file while a second one
        # still waits on the old one. Closing releases the lock.
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def claim(self, stem: str, source: Path) -> str:
        """The output name for ``source``: ``stem``, unless OUT already holds a summary of
        another file under that name (from an earlier run over other folders), in which case a
        name with a hash of the path, so neither is overwritten."""
        path = self.article_path(stem)
        if not path.exists():
            return stem
        try:
            written_for = load_summary(path).source.path
        except InputError:
            return stem  # damaged or from an older schema: it is replaced
        if written_for is None or Path(written_for).resolve() == source.resolve():
            return stem
        return unique_stem(source)

    def article_path(self, stem: str) -> Path:
        return self.root / f"{stem}.json"

    def write_summary(self, stem: str, summary: ArticleSummary) -> Path:
        path = self.article_path(stem)
        write_atomic(path, summary_json(summary))
        return path

    def finished(self, stem: str, source: Path, extractor: Extractor) -> ArticleSummary | None:
        """The usable summary a previous run wrote for the same bytes of ``source`` with the same
        extractor (``source`` is read only when there is one to compare)."""
        path = self.article_path(stem)
        try:
            summary = load_summary(path)
        except InputError:
            return None  # absent, damaged or from an older schema: extracting again replaces it
        # A summary whose verification failed is worth another try (an LLM may answer better).
        if summary.verification.status == "failed" or not extractor.produced(summary):
            return None
        return summary if summary.source.sha256 == file_sha256(source) else None

    def write_errors(self, errors: Iterable[dict[str, str]]) -> Path:
        path = self.root / "errors.jsonl"
        write_atomic(path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors))
        return path
