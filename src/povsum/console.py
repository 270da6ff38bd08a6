"""What a person sees in the terminal: progress while a batch runs and a table at the end."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from povsum.models import ArticleSummary, Quantity, Snapshot
from povsum.runner import ArticleResult

_STATUS_STYLE = {"verified": "green", "partial": "yellow", "failed": "red"}


def quantity_text(q: Quantity | None) -> str:
    return q.text if q is not None else "–"


def snapshot_people(s: Snapshot | None) -> str:
    if s is None:
        return "–"
    parts = [quantity_text(q) for q in (s.households, s.people, s.incidence_rate) if q is not None]
    return " ".join(parts) or "–"


def funding_total(summary: ArticleSummary) -> float:
    return sum(f.amount.value for f in summary.funding)


def yuan(value: float) -> str:
    """A yuan amount the way these reports write it.

    >>> yuan(150_000_000), yuan(74_880_000), yuan(0)
    ('1.5亿元', '7488万元', '–')
    """
    if value <= 0:
        return "–"
    if value >= 1e8:
        return f"{value / 1e8:.4g}亿元"
    if value >= 1e4:
        return f"{value / 1e4:.6g}万元"
    return f"{value:g}元"


class RunConsole:
    """Progress bar on a terminal, one line per article otherwise; nothing when quiet."""

    def __init__(self, quiet: bool = False, console: Console | None = None) -> None:
        self.quiet = quiet
        self.err = console or Console(stderr=True)
        self.out = Console()
        self._bar: Progress | None = None
        self._task: TaskID | None = None

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
        columns = (TextColumn("summarizing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        self._bar = Progress(*columns, console=self.err, transient=True)
        self._task = self._bar.add_task("summarizing", total=total)
        self._bar.start()

    def advance(self, result: ArticleResult) -> None:
        if result.error:
            self.problem(result.error)
        if self._bar is not None:
            self._bar.advance(self._task)
        elif not self.quiet and result.summary is not None:
            state = "reused" if result.reused else result.summary.verification.status
            self.err.print(f"{result.path}: {state}", highlight=False, markup=False, soft_wrap=True)

    def table(self, results: Sequence[ArticleResult]) -> None:
        if self.quiet:
            return
        table = Table(title="povsum run", show_lines=False)
        for name in ("article", "region", "baseline", "outcome", "funding", "verification"):
            table.add_column(name)
        for r in results:
            s = r.summary
            if s is None:
                table.add_row(r.stem, "", "", "", "", "[red]error[/red]")
                continue
            status = s.verification.status
            removed = sum(not f.reason.startswith("flag: ") for f in s.verification.failures)
            kept = s.verification.checked - removed
            check = f"[{_STATUS_STYLE[status]}]{status}[/] {kept}/{s.verification.checked}"
            table.add_row(
                r.stem,
                s.region.name if s.region else "–",
                snapshot_people(s.baseline),
                snapshot_people(s.outcome),
                yuan(funding_total(s)),
                check,
            )
        self.out.print(table)
