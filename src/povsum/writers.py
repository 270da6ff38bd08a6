"""Run-level outputs: one writer per ``--format``, fed the run's records in input order.

The records stream through every writer at once: each summary is read from ``OUT/<stem>.json``
when its turn comes, written to every output and dropped, so memory stays flat however many
articles a run has, and each summary is read once whatever the formats.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path, PurePath

from povsum.errors import InputError, PovsumError
from povsum.models import ArticleSummary
from povsum.outputs import OutputDir
from povsum.report.facts import FactsCsv
from povsum.report.html_report import HtmlWriter
from povsum.report.markdown import MarkdownWriter
from povsum.report.stream import RunWriter
from povsum.report.tables import SummariesCsv
from povsum.report.totals import Totals
from povsum.summaries import ArticleError, Record, load_errors, load_summary

# A record and the stem of its OUT/<stem>.json ("" for an error that has none).
Named = tuple[str, Record]
# What a run knows of each input: its stem, its source path, and its error (None: summarized).
Entry = tuple[str, str, str | None]


class JsonlWriter(RunWriter):
    """``summaries.jsonl``: every summary, one per line (the errors are in ``errors.jsonl``)."""

    filename = "summaries.jsonl"

    def add(self, stem: str, record: Record) -> None:
        if isinstance(record, ArticleSummary):
            self.out.write(record.model_dump_json() + "\n")


# "json" (one file per article) is written as each article finishes, not here.
WRITERS: dict[str, type[RunWriter]] = {
    "jsonl": JsonlWriter,
    "csv": SummariesCsv,
    "facts": FactsCsv,
    "md": MarkdownWriter,
    "html": HtmlWriter,
}
FORMATS: tuple[str, ...] = ("json", *WRITERS)


class ReportError(PovsumError):
    """An output folder holds no summaries, or a JSON file that is not one."""


def write_run_outputs(root: Path, records: Iterable[Named], formats: Sequence[str]) -> list[Path]:
    """Every run-level output ``formats`` names, from one pass over ``records``. An output is
    replaced only once whole: when a record cannot be read, every output keeps its old version."""
    totals = Totals()
    with ExitStack() as stack:
        writers = [stack.enter_context(WRITERS[f](root)) for f in formats if f in WRITERS]
        for stem, record in records:
            totals.add(record)
            for writer in writers:
                writer.add(stem, record)
        for writer in writers:
            writer.finish(totals)
    return [w.path for w in writers]


def stored_records(out: OutputDir, entries: Iterable[Entry]) -> Iterator[Named]:
    """A run's records in input order: each summary loaded from OUT when its turn comes, each
    error as ``errors.jsonl`` records it."""
    for stem, path, error in entries:
        if error is None:
            yield stem, load_summary(out.article_path(stem))
        else:
            yield stem, ArticleError(path=path, error=error)


def render_reports(
    out_dir: Path, formats: Sequence[str] = tuple(WRITERS), on_skip: Callable[[str], None] = lambda note: None
) -> list[Path]:
    """Rewrite the run-level outputs from ``OUT/*.json`` and ``OUT/errors.jsonl`` alone, without
    extracting again.

    Inputs are listed by source path, as ``povsum run`` lists a folder, so a run over one folder
    gets back the same outputs. A JSON file there that is not a summary (a config.json the user
    keeps beside them) is skipped with a note through ``on_skip``; a folder with no summary at
    all is an error.
    """
    entries: list[Entry] = []
    for path in sorted(out_dir.glob("*.json")):
        try:
            source = load_summary(path).source.path
        except InputError as exc:
            on_skip(f"skipped {exc}")
            continue
        entries.append((path.stem, source or "", None))
    if not entries:
        raise ReportError(f"{out_dir}: no summaries (*.json) to report on")
    entries += [("", e.path, e.error) for e in load_errors(out_dir / "errors.jsonl")]
    entries.sort(key=lambda entry: PurePath(entry[1]).parts)
    with OutputDir(out_dir) as out:
        return write_run_outputs(out_dir, stored_records(out, entries), formats)
