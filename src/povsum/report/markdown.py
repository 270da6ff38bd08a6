"""``report.md``: the run as Markdown, for pasting into notes and issues: the totals by status, a
table of every input, then a section per input.

Article text is untrusted: characters that Markdown or embedded HTML would interpret are escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from povsum.models import ArticleSummary
from povsum.report.fields import field_rows, flags, funding_total, quantity_text, rejected, yuan
from povsum.report.stream import RunWriter, pour
from povsum.report.totals import ERROR, Totals
from povsum.summaries import ArticleError, Record

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_TABLE_HEAD = (
    "| # | article | region | baseline people | outcome people | lifted | funding (sum) | verification |\n"
    "|---|---|---|---|---|---|---|---|\n"
)


class MarkdownWriter(RunWriter):
    """The totals come first but are known last: the table and the sections are spooled."""

    filename = "report.md"

    def begin(self) -> None:
        self._table, self._sections, self._count = self.spool(), self.spool(), 0

    def add(self, stem: str, record: Record) -> None:
        self._count += 1
        self._table.write(_table_row(self._count, record))
        self._sections.write(_section(self._count, record))

    def finish(self, totals: Totals) -> None:
        self.out.write(_head(totals))
        pour(self._table, self.out)
        pour(self._sections, self.out)


def render_markdown(records: Iterable[Record]) -> str:
    """The whole report.md of ``records`` as one string."""
    records = list(records)
    totals = Totals()
    for record in records:
        totals.add(record)
    rows = "".join(_table_row(i, r) for i, r in enumerate(records, 1))
    return _head(totals) + rows + "".join(_section(i, r) for i, r in enumerate(records, 1))


def md(text: str | None) -> str:
    r"""One line of untrusted text, inert in Markdown and table cells.

    >>> md("a|b <script>\n*x*")
    'a\\|b \\<script\\> \\*x\\*'
    """
    return _SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def _head(totals: Totals) -> str:
    counts = " · ".join(f"{n} {status}" for status, n in totals.counts.items())
    return f"# povsum report: {totals.articles}\n\n{counts}\n\n{_TABLE_HEAD}"


def _table_row(i: int, record: Record) -> str:
    if isinstance(record, ArticleError):
        cells = (md(record.path), "–", "–", "–", "–", "–", f"{ERROR}: {md(record.reason)}")
    else:
        baseline, outcome = record.baseline, record.outcome
        cells = (
            md(record.source.title or record.source.path),
            md(record.region.name if record.region else "–"),
            md(quantity_text(baseline.people if baseline else None)),
            md(quantity_text(outcome.people if outcome else None)),
            md(quantity_text(outcome.people_lifted if outcome else None)),
            md(yuan(funding_total(record))),
            f"{record.verification.status} ({record.verification.checked} checked)",
        )
    return f"| {i} | " + " | ".join(cells) + " |\n"


def _section(i: int, record: Record) -> str:
    if isinstance(record, ArticleError):
        lines = [f"## {i}. {md(record.path)}", "", f"❌ **{ERROR}**: {md(record.reason)}"]
    else:
        lines = _article(i, record)
    return "\n" + "\n".join(lines) + "\n"


def _article(i: int, summary: ArticleSummary) -> list[str]:
    src = summary.source
    meta = " · ".join(md(x) for x in (src.path, src.published, src.publisher) if x)
    lines = [f"## {i}. {md(src.title or src.path)}", "", meta, ""]
    flagged = flags(summary)
    for row in field_rows(summary):
        flag = f" ⚠ {md(flagged[row.path])}" if row.path in flagged else ""
        label = "" if row.label.replace(" ", "_") in row.path else f" ({md(row.label)})"
        detail = f" — {md(row.detail)}" if row.detail else ""
        lines.append(f"- **{md(row.path)}**{label}: {md(row.value)}{detail}{flag}")
        lines.append(f"  > {md(row.evidence.quote)} ({row.evidence.start}–{row.evidence.end})")
    for f in rejected(summary):
        lines.append(f"- ❌ **{md(f.field)}** ~~{md(f.text)}~~ rejected: {md(f.reason)}")
    return lines
