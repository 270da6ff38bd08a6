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


def render_reports(
    out_dir: Path, formats: Sequence[str] = tuple(WRITERS), on_skip: Callable[[str], None] = lambda note: None
) -> list[Path]:
    """Rewrite the run-level outputs from ``OUT/*.json`` alone, without extracting again.

    A JSON file there that is not a summary (a config.json the user keeps beside them) is
    skipped with a note through ``on_skip``; a folder with no summary at all is an error.
    """
    files = sorted(out_dir.glob("*.json"))
    summaries = []
    for path in files:
        try:
            summaries.append(load_summary(path))
        except InputError as exc:
            on_skip(f"skipped {exc}")
    if not summaries:
        raise ReportError(f"{out_dir}: no summaries (*.json) to report on")
    return write_run_outputs(out_dir, summaries, formats)
