"""Run-level outputs built from the summaries of a run: one writer per ``--format``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from povsum.errors import InputError, PovsumError
from povsum.models import ArticleSummary
from povsum.outputs import write_atomic
from povsum.report.html_report import write_html
from povsum.report.markdown import write_markdown
from povsum.report.tables import write_csv
from povsum.summaries import load_summary

Writer = Callable[[Path, Sequence[ArticleSummary]], Path]


def write_jsonl(root: Path, summaries: Sequence[ArticleSummary]) -> Path:
    path = root / "summaries.jsonl"
    write_atomic(path, "".join(s.model_dump_json() + "\n" for s in summaries))
    return path


# "json" (one file per article) is written as each article finishes, not here.
WRITERS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "md": write_markdown,
    "html": write_html,
}
FORMATS: tuple[str, ...] = ("json", *WRITERS)


class ReportError(PovsumError):
    """An output folder holds no summaries, or a JSON file that is not one."""


def write_run_outputs(root: Path, summaries: Sequence[ArticleSummary], formats: Sequence[str]) -> list[Path]:
    return [WRITERS[f](root, summaries) for f in formats if f in WRITERS]


def render_reports(out_dir: Path, formats: Sequence[str] = tuple(WRITERS)) -> list[Path]:
    """Rewrite the run-level outputs from ``OUT/*.json`` alone, without extracting again."""
    files = sorted(out_dir.glob("*.json"))
    if not files:
        raise ReportError(f"{out_dir}: no summaries (*.json) to report on")
    return write_run_outputs(out_dir, [_load(p) for p in files], formats)


def _load(path: Path) -> ArticleSummary:
    try:
        return load_summary(path)
    except InputError as exc:
        raise ReportError(str(exc)) from None
