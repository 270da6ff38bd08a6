"""What a person sees in the terminal: progress while a batch runs and a table at the end."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from povsum.errors import NOT_ATTEMPTED
from povsum.models import ArticleSummary, ExtractorInfo
from povsum.report.fields import funding_total, snapshot_people, yuan
from povsum.runner import SMALL_RUN, ArticleResult, Tally
from povsum.summaries import ArticleError, named

if TYPE_CHECKING:  # rich is imported when something is shown: a quiet run without problems needs none
    from rich.console import Console
    from rich.progress import Progress, TaskID
    from rich.table import Table

_MAX_WIDTH = {"article": 14, "region": 8, "baseline": 12, "outcome": 10}
_MIN_WIDTH = {"funding": 9, "verification": 14}
# The funding column sums an article's verified amounts: a computed figure, no source's.
_HEADERS = {"funding": "Σ funding"}
_WIDE = 120  # columns from which the table's cells are not cut
_STATUS_STYLE = {"verified": "green", "partial": "yellow", "failed": "red", "empty": "blue"}


class RunConsole:
    """Progress bar on a terminal, one line per article otherwise; nothing when quiet."""

    def __init__(
        self,
        quiet: bool = False,
        console: Console | None = None,
        *,
        verbose: bool = False,
        table_to_stderr: bool = False,
    ) -> None:
        self.quiet = quiet
        self.verbose = verbose
        self._console = console
        self._table_to_stderr = table_to_stderr
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._not_attempted = 0

    @cached_property
    def err(self) -> Console:
        from rich.console import Console

        return self._console or Console(stderr=True)

    @cached_property
    def out(self) -> Console:
        from rich.console import Console

        # With summaries streamed to stdout, the table must not mix into that stream.
        return self.err if self._table_to_stderr else Console()

    def note(self, message: str) -> None:
        if not self.quiet:
            self.err.print(message, highlight=False, markup=False, soft_wrap=True)

    def problem(self, message: str) -> None:
        self.err.print(f"error: {message}", style="red", highlight=False, markup=False, soft_wrap=True)

    @contextmanager
    def live(self) -> Iterator[None]:
        """Show progress between ``start`` and the end of the block (a bar only on a terminal)."""
        try:
            yield
        finally:
            if self._bar is not None:
                self._bar.stop()
                self._bar = None

    def start(self, total: int) -> None:
        if self.quiet or total < 2 or not self.err.is_terminal:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        columns = (TextColumn("summarizing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        self._bar = Progress(*columns, console=self.err, transient=True)
        self._task = self._bar.add_task("summarizing", total=total)
        self._bar.start()

    def advance(self, result: ArticleResult) -> None:
        if result.error and result.error.startswith(NOT_ATTEMPTED):
            # A dead endpoint stops the batch: one line says so, not one per remaining article.
            self._not_attempted += 1
            if self._not_attempted == 1:
                self.problem(f"{result.error}; the remaining articles are not sent")
        elif result.error:
            # Every line names its article (a reader of 1,000 lines must know which failed).
            self.problem(named(str(result.path), result.error))
        if self.verbose and result.summary is not None:
            for failure in result.summary.verification.failures:
                kind = "flagged" if failure.is_flag else "removed"
                self.note(f"{result.path}: {kind} {failure.field} {failure.text!r}: {failure.reason}")
        if self._bar is not None:
            self._bar.advance(self._task)
        elif not self.quiet and result.summary is not None:
            state = "reused" if result.reused else result.summary.verification.status
            self.err.print(f"{result.path}: {state}", highlight=False, markup=False, soft_wrap=True)

    def table(self, results: Sequence[ArticleResult], tally: Tally | None = None) -> None:
        """One row per article (only the problems past ``SMALL_RUN`` articles), truncated
        to the terminal's width, then the count by status: of ``tally`` when given (a long run
        keeps only its problems' results), else of ``results``."""
        if self._not_attempted:
            self.problem(f"{self._not_attempted} articles not attempted; run the same command to resume")
        if self.quiet:
            return
        if tally is None:
            infos = [r.extractor for r in results if r.extractor is not None]
            counts = Counter(r.status for r in results)
        else:
            infos, counts = tally.infos, tally.counts
        tokens = any(info.usage is not None for info in infos)
        shown = results if sum(counts.values()) <= SMALL_RUN else [r for r in results if r.problem]
        if shown:
            self.out.print(_table(shown, tokens, wide=self.out.width >= _WIDE))
        self.out.print(status_line(counts), highlight=False)
        if tokens:
            self.out.print(tokens_line(infos), highlight=False)


def _table(results: Sequence[ArticleResult], tokens: bool, wide: bool = False) -> Table:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    title = "povsum run" if all(not r.problem for r in results) else "povsum run: problems"
    table = Table(title=title, box=box.SIMPLE_HEAD, padding=(0, 1), show_lines=False)
    for name in ("article", "region", "baseline", "outcome", "funding", "verification"):
        # Cells are cut with "…" rather than wrapped: the table fits an 80-column terminal; a wide
        # one shows them whole.
        table.add_column(
            _HEADERS.get(name, name),
            overflow="ellipsis",
            no_wrap=True,
            max_width=None if wide else _MAX_WIDTH.get(name),
            min_width=_MIN_WIDTH.get(name),
        )
    if tokens:
        table.add_column("tokens in/out", justify="right", no_wrap=True)
    for r in results:
        s = r.summary
        if s is None:
            table.add_row(escape(r.stem), "", "", "", "", "[red]error[/red]")
            continue
        # Article text may contain "[...]", which rich would read as markup.
        region = s.region.name if s.region else "–"
        cells = (r.stem, region, snapshot_people(s.baseline), snapshot_people(s.outcome))
        row = [*map(escape, cells), yuan(funding_total(s)), _verification(s)]
        table.add_row(*row, *([_usage(s)] if tokens else []))
    return table


def tokens_line(infos: Sequence[ExtractorInfo]) -> str:
    """Tokens spent by this run; answers reused from the cache cost none now and are counted apart."""
    spent = [i.usage for i in infos if i.usage is not None and not i.cached]
    reused = sum(i.cached for i in infos)
    prompt, completion = sum(u.prompt_tokens for u in spent), sum(u.completion_tokens for u in spent)
    line = f"tokens: {prompt:,} in, {completion:,} out, over {len(spent)} article(s)"
    return line + (f"; {reused} answer(s) reused from the cache" if reused else "")


def status_line(counts: Mapping[str, int]) -> str:
    """ "7 articles: 4 verified, 1 partial, 1 empty, 1 error" """
    order = ("verified", "partial", "failed", "empty", "error")
    parts = [f"{counts[status]} {status}" for status in order if counts.get(status)]
    total = sum(counts.values())
    return f"{total} article{'s' * (total != 1)}: {', '.join(parts) or 'none'}"


def _verification(summary: ArticleSummary) -> str:
    """Status and how many checked numbers survived, e.g. "partial 20/22"."""
    v = summary.verification
    kept = v.checked - sum(not f.is_flag for f in v.failures)
    return f"[{_STATUS_STYLE[v.status]}]{v.status}[/] {kept}/{v.checked}"


def _usage(summary: ArticleSummary) -> str:
    usage = summary.extractor.usage
    return "–" if usage is None else f"{usage.prompt_tokens:,}/{usage.completion_tokens:,}"


def stream_to_stdout(then: Callable[[ArticleResult], None]) -> Callable[[ArticleResult], None]:
    """An ``on_result`` that writes each summary as one JSON line to stdout (for pipes), and each
    input that failed as its ``errors.jsonl`` line ({"path", "error"}), then calls ``then``."""

    def emit(result: ArticleResult) -> None:
        if result.summary is not None:
            line = result.summary.model_dump_json()
        else:
            path = str(result.path)
            line = ArticleError(path=path, error=named(path, result.error or result.status)).model_dump_json()
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
        then(result)

    return emit
