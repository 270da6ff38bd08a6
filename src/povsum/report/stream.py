"""Streaming a run-level output: fed one record at a time, written to a temporary file and
renamed into place only when whole, so memory stays flat however many articles a run has.

``write_run_outputs`` enters each writer, calls ``add`` for every record in input order, then
``finish`` with the run's totals, and leaves it: the file is renamed then, or removed if anything
failed. A report that opens with its totals writes its rows to a spool (an unnamed temporary file)
and pours it after the totals in ``finish``.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Mapping
from contextlib import ExitStack
from functools import cache
from importlib.resources import files
from pathlib import Path
from types import TracebackType
from typing import ClassVar, Self, TextIO

from povsum.outputs import atomic_file
from povsum.report.totals import Totals
from povsum.summaries import Record


def pour(spool: TextIO, out: TextIO) -> None:
    """Copy everything written to ``spool`` into ``out``."""
    spool.seek(0)
    shutil.copyfileobj(spool, out)


class RunWriter:
    """One run-level file in ``root``; subclasses name it and say what a record adds to it."""

    filename: ClassVar[str]
    encoding: ClassVar[str] = "utf-8"

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / self.filename
        self._stack = ExitStack()

    def __enter__(self) -> Self:
        self.out = self._stack.enter_context(atomic_file(self.path, self.encoding))
        try:
            self.begin()
        except BaseException as exc:  # leave no temporary file behind
            self._stack.__exit__(type(exc), exc, exc.__traceback__)
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stack.__exit__(exc_type, exc, tb)

    def spool(self) -> TextIO:
        """A temporary file beside the outputs (on disk, not in a /tmp that may be RAM), unnamed so
        it vanishes with the process however the process ends."""
        return self._stack.enter_context(
            tempfile.TemporaryFile("w+", encoding="utf-8", newline="", dir=self.root)
        )

    def begin(self) -> None:
        """Called once before the first record: headers, spools."""

    def add(self, stem: str, record: Record) -> None:
        """One input of the run; ``stem`` names its ``OUT/<stem>.json`` ("" when there is none)."""
        raise NotImplementedError

    def finish(self, totals: Totals) -> None:
        """Called once after the last record, before the file is renamed into place."""


_PLACEHOLDER = re.compile(r"\$(\w+)")


def fill(out: TextIO, template: str, parts: Mapping[str, str | TextIO]) -> None:
    """Write ``template`` with each ``$name`` replaced by its text, or poured from its spool."""
    for i, piece in enumerate(_PLACEHOLDER.split(template)):
        if i % 2 == 0:
            out.write(piece)
        elif isinstance(value := parts[piece], str):
            out.write(value)
        else:
            pour(value, out)


@cache
def template(name: str) -> str:
    """A template shipped in this package."""
    return files("povsum.report").joinpath(name).read_text(encoding="utf-8")
