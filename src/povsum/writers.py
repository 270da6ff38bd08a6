"""Run-level outputs built from the summaries of a run: one writer per ``--format``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from povsum.models import ArticleSummary
from povsum.outputs import write_atomic

Writer = Callable[[Path, Sequence[ArticleSummary]], Path]


def write_jsonl(root: Path, summaries: Sequence[ArticleSummary]) -> Path:
    path = root / "summaries.jsonl"
    write_atomic(path, "".join(s.model_dump_json() + "\n" for s in summaries))
    return path


# "json" (one file per article) is written as each article finishes, not here.
WRITERS: dict[str, Writer] = {"jsonl": write_jsonl}
FORMATS: tuple[str, ...] = ("json", *WRITERS)


def write_run_outputs(root: Path, summaries: Sequence[ArticleSummary], formats: Sequence[str]) -> list[Path]:
    return [WRITERS[f](root, summaries) for f in formats if f in WRITERS]
