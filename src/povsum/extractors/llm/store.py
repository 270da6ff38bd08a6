"""The run store: a SQLite cache of LLM extractions and a log of every extraction attempt.

An extraction is keyed by (sha256 of the source, extractor, model, prompt version, schema
version): change any of them and the article is asked again. For each one the store keeps every
request (the first ask and each re-ask, for every part of a long article), every raw response,
the token usage and the draft and verified summaries. API keys travel in HTTP headers, which are never stored.

One connection is shared by the threads of a run behind a lock; WAL mode and a busy timeout let
a second process read while a run writes.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from pydantic import ValidationError

from povsum.errors import CacheError
from povsum.models import SCHEMA_VERSION, ArticleSummary, Usage

__all__ = ["CacheKey", "Exchange", "Store", "cache_stats", "clear_cache"]

Outcome = Literal["cached", "extracted", "failed"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS extractions (
    source_sha256 TEXT NOT NULL,
    extractor TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    created TEXT NOT NULL,
    request TEXT NOT NULL,
    responses TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    draft TEXT NOT NULL,
    verified TEXT NOT NULL,
    PRIMARY KEY (source_sha256, extractor, model, prompt_version, schema_version)
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    path TEXT,
    extractor TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    outcome TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    error TEXT
);
"""


@dataclass(frozen=True)
class CacheKey:
    source_sha256: str
    extractor: str
    model: str
    prompt_version: str
    schema_version: str = SCHEMA_VERSION


@dataclass
class Exchange:
    """What one extraction sent and received, in order."""

    requests: list[dict[str, Any]] = field(default_factory=list)  # every request sent, in order
    responses: list[dict[str, Any]] = field(default_factory=list)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0  # of prompt_tokens, served from the provider's prefix cache
    metered: bool = False  # whether any response reported usage: some local servers do not

    @property
    def attempts(self) -> int:
        return len(self.responses)

    @property
    def usage(self) -> Usage | None:
        if not self.metered:
            return None
        return Usage(
            prompt_tokens=self.prompt_tokens,
            completion_tokens=self.completion_tokens,
            cached_tokens=self.cached_tokens,
        )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """Use as a context manager, or call ``close()``. ``create=False`` opens an existing cache as
    it is and never makes one. A path that is a folder, or a file that is not a povsum cache, is a
    ``CacheError``."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        if self.path.is_dir():
            raise CacheError(f"{self.path}: is a folder, not a cache file (name a file with --cache)")
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            # mode=rw: SQLite opens the file only if it exists.
            where = self.path if create else f"{self.path.resolve().as_uri()}?mode=rw"
            self._db = sqlite3.connect(
                where, timeout=30, check_same_thread=False, isolation_level=None, uri=not create
            )
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"{self.path}: cannot open the cache ({exc})") from None
        try:
            self._db.row_factory = sqlite3.Row
            self._prepare(create)
        except BaseException:
            self._db.close()
            raise

    def _prepare(self, create: bool) -> None:
        try:
            if create:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.executescript(_SCHEMA)
                return
            tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            raise CacheError(f"{self.path}: not a povsum cache ({exc})") from None
        if not {"extractions", "runs"} <= tables:
            raise CacheError(f"{self.path}: not a povsum cache (no table of answers)")

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _execute(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _extraction(self, key: CacheKey, columns: str) -> sqlite3.Row | None:
        rows = self._execute(
            f"SELECT {columns} FROM extractions WHERE source_sha256=? AND extractor=? AND model=?"
            " AND prompt_version=? AND schema_version=?",
            _key(key),
        )
        return rows[0] if rows else None

    def draft(self, key: CacheKey) -> ArticleSummary | None:
        """The model's converted answer for ``key`` before verification."""
        return self._summary(key, "draft")

    def verified(self, key: CacheKey) -> ArticleSummary | None:
        """The answer for ``key`` as the pipeline verified it: what a re-run reuses (the key
        holds the source bytes, prompt and schema version, so the verification is the same)."""
        return self._summary(key, "verified")

    def _summary(self, key: CacheKey, column: Literal["draft", "verified"]) -> ArticleSummary | None:
        # None if absent or no longer readable as the contract.
        row = self._extraction(key, column)
        if row is None:
            return None
        try:
            return ArticleSummary.model_validate_json(row[column])
        except ValidationError:
            return None

    def save(
        self, key: CacheKey, exchange: Exchange, draft: ArticleSummary, verified: ArticleSummary
    ) -> None:
        self._execute(
            "INSERT OR REPLACE INTO extractions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                *_key(key),
                _now(),
                json.dumps(exchange.requests, ensure_ascii=False, default=str),
                json.dumps(exchange.responses, ensure_ascii=False, default=str),
                exchange.attempts,
                exchange.prompt_tokens,
                exchange.completion_tokens,
                draft.model_dump_json(),
                verified.model_dump_json(),
            ),
        )

    def log(
        self,
        key: CacheKey,
        outcome: Outcome,
        *,
        path: str | None = None,
        exchange: Exchange | None = None,
        error: str | None = None,
    ) -> None:
        """One line of the run log: an article served from the cache, extracted, or failed."""
        spent = exchange if exchange is not None else Exchange()
        self._execute(
            "INSERT INTO runs (at, source_sha256, path, extractor, model, prompt_version, outcome,"
            " attempts, prompt_tokens, completion_tokens, error) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                _now(),
                key.source_sha256,
                path,
                key.extractor,
                key.model,
                key.prompt_version,
                outcome,
                spent.attempts,
                spent.prompt_tokens,
                spent.completion_tokens,
                error,
            ),
        )

    def stats(self) -> dict[str, Any]:
        """What the cache holds: answers by model, the tokens they cost, the run log's size."""
        by_model = self._execute(
            "SELECT model, COUNT(*) AS answers, SUM(prompt_tokens) AS prompt,"
            " SUM(completion_tokens) AS completion FROM extractions GROUP BY model ORDER BY model"
        )
        runs = self._execute("SELECT outcome, COUNT(*) AS n FROM runs GROUP BY outcome ORDER BY outcome")
        return {
            "path": str(self.path),
            "bytes": self.path.stat().st_size if self.path.exists() else 0,
            "models": [dict(row) for row in by_model],
            "log": {row["outcome"]: row["n"] for row in runs},
        }

    def clear(self) -> int:
        """Forget every cached answer and the run log; returns how many answers were dropped."""
        (count,) = self._execute("SELECT COUNT(*) FROM extractions")[0]
        self._execute("DELETE FROM extractions")
        self._execute("DELETE FROM runs")
        self._execute("VACUUM")
        return int(count)

    def runs(self) -> list[dict[str, Any]]:
        """The run log, oldest first."""
        return [dict(row) for row in self._execute("SELECT * FROM runs ORDER BY id")]

    def exchange(self, key: CacheKey) -> dict[str, Any] | None:
        """The stored requests, responses and usage for ``key`` (for inspection and tests)."""
        found = self._extraction(key, "request, responses, attempts, prompt_tokens, completion_tokens")
        if found is None:
            return None
        row = dict(found)
        requests = json.loads(row.pop("request"))
        return {**row, "requests": requests, "responses": json.loads(row["responses"])}


def _key(key: CacheKey) -> tuple[str, str, str, str, str]:
    return (key.source_sha256, key.extractor, key.model, key.prompt_version, key.schema_version)


def cache_stats(path: Path) -> list[str]:
    """What the cache at ``path`` holds, as ``povsum cache stats`` prints it; nothing is created."""
    if not path.exists():
        return [f"{path}: no cache here (nothing is cached yet)"]
    with Store(path, create=False) as store:
        stats = store.stats()
    lines = [f"{stats['path']}: {stats['bytes']:,} bytes"]
    for row in stats["models"]:
        prompt, completion = row["prompt"] or 0, row["completion"] or 0
        lines.append(f"  {row['model']}: {row['answers']} answers, {prompt:,} tokens in, {completion:,} out")
    lines.append("  run log: " + (", ".join(f"{n} {k}" for k, n in stats["log"].items()) or "empty"))
    return lines


def clear_cache(path: Path) -> str:
    """Forget every answer and the run log of the cache at ``path``; nothing is created."""
    if not path.exists():
        return f"{path}: no cache here, nothing to clear"
    with Store(path, create=False) as store:
        return f"{path}: dropped {store.clear()} answers"
