"""The output folder: atomic writes, one lock per run, resume, and the error log.

Every file is written to a temporary name and renamed, so an interrupted run never leaves a
half-written JSON; a second run on the same folder at the same time is refused, not interleaved.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from povsum.errors import InputError, PovsumError
from povsum.extractors import Extractor
from povsum.models import ArticleSummary
from povsum.summaries import load_summary, summary_json

LOCK_NAME = ".povsum.lock"


class OutputLockedError(PovsumError):
    """Another povsum run is writing to the same output folder."""


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    # os.open with 0o666 honours the umask (mkstemp would make the output private, 0600).
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class OutputDir:
    """``OUT/``: per-article JSON, the run's tables and ``errors.jsonl``. Use as a context manager."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock: Path = root / LOCK_NAME

    def __enter__(self) -> OutputDir:
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(self._lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            if _lock_is_stale(self._lock):
                self._lock.unlink(missing_ok=True)
                return self.__enter__()
            raise OutputLockedError(
                f"{self.root} is in use by another povsum run (lock {self._lock}); "
                "wait for it, or delete the lock if no run is active"
            ) from None
        with os.fdopen(fd, "w") as handle:
            handle.write(str(os.getpid()))
        # Temporary files of a run that was killed mid-write; the lock says no run is using them.
        for leftover in self.root.glob(".*.tmp"):
            leftover.unlink(missing_ok=True)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._lock.unlink(missing_ok=True)

    def article_path(self, stem: str) -> Path:
        return self.root / f"{stem}.json"

    def write_summary(self, stem: str, summary: ArticleSummary) -> Path:
        path = self.article_path(stem)
        write_atomic(path, summary_json(summary))
        return path

    def finished(self, stem: str, sha256: str, extractor: Extractor) -> ArticleSummary | None:
        """The usable summary a previous run wrote for the same bytes with the same extractor."""
        path = self.article_path(stem)
        try:
            summary = load_summary(path)
        except InputError:
            return None  # absent, damaged or from an older schema: extracting again replaces it
        # A summary whose verification failed is worth another try (an LLM may answer better).
        if (
            summary.source.sha256 == sha256
            and extractor.produced(summary)
            and summary.verification.status != "failed"
        ):
            return summary
        return None

    def write_errors(self, errors: Iterable[dict[str, str]]) -> Path:
        path = self.root / "errors.jsonl"
        write_atomic(path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors))
        return path


def _lock_is_stale(lock: Path) -> bool:
    # A lock whose process is gone was left by a killed run; it must not block the resume.
    try:
        os.kill(int(lock.read_text().strip()), 0)
    except (ValueError, ProcessLookupError, FileNotFoundError):
        return True
    except PermissionError:
        return False  # alive, owned by another user
    return False
