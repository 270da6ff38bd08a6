"""One base exception; every error carries the context a user needs to act on it."""

from __future__ import annotations

import os
from typing import Literal


class PovsumError(Exception):
    """Base class of every error povsum raises on purpose."""


class InputError(PovsumError):
    """A source file cannot be read as a text article (missing, empty, binary, too large)."""

    def __init__(self, path: str | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)


# What an extraction failed on, when it was the endpoint rather than the article or its answer.
Unavailable = Literal["timeout", "unreachable", "rate_limited", "auth", "not_found", "not_attempted"]


class ExtractionError(PovsumError):
    """The extractor could not produce a summary for an article. ``unavailable`` says, when the
    endpoint itself failed, how (the transport knows; the message is for people)."""

    def __init__(self, message: str, unavailable: Unavailable | None = None) -> None:
        super().__init__(message)
        self.unavailable = unavailable


class BatchError(PovsumError):
    """A Batch API step cannot go on: OUT holds no batch, the batch failed or expired, or the
    endpoint refused a call."""


class OutputError(PovsumError):
    """An output folder, or a file in it, cannot be created or written."""

    @classmethod
    def cannot_write(cls, folder: str | os.PathLike[str], exc: OSError) -> OutputError:
        """The error for ``exc``, raised creating ``folder`` or a file in it."""
        if isinstance(exc, FileExistsError):
            return cls(f"{folder}: is a file, not a folder (choose another --out)")
        return cls(f"{folder}: cannot write here ({exc.strerror or exc})")


class OutputLockedError(OutputError):
    """Another povsum run is writing to the same output folder."""


class ArgumentError(PovsumError, ValueError):
    """An argument povsum cannot use: a field it does not know, a score floor that is not one."""


class UnknownFieldError(ArgumentError):
    """A field or part named (``povsum explain FILE FIELD``, a score of ``--fail-under``) is not
    one povsum knows."""


class CacheError(PovsumError):
    """The LLM cache cannot be opened: a folder, or a file that is not a povsum cache."""


class ConfigError(PovsumError, ValueError):
    """The configuration is unusable: a setting of the wrong kind (``Settings(timeout=-1)``, a
    ``povsum.toml`` value), or settings that cannot work together (--extractor llm with no
    endpoint). A ``ValueError`` too, as pydantic's ValidationError is, so code that caught that
    keeps working."""


# How an article the batch stopped before sending is reported (a dead endpoint).
NOT_ATTEMPTED = "not attempted"
