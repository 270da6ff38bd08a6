"""``facts.csv``: one row per figure (every quantity of every summary, funding amounts included),
the long table pandas and pivot tables want.

An input with no summary is one row with status ``error`` and its reason in ``note``; a summary
with no figure is one row with its status, so every input of the run appears.
"""

from __future__ import annotations

from collections.abc import Iterable

from povsum.models import ArticleSummary, Quantity
from povsum.report.fields import flags, number
from povsum.report.tables import CsvTable, _safe
from povsum.report.totals import ERROR
from povsum.summaries import ArticleError, Record

FACT_COLUMNS: tuple[str, ...] = (
    "article",
    "region",
    "province",
    "level",
    "field",
    "value",
    "unit",
    "text",
    "approx",
    "as_of",
    "quote",
    "start",
    "end",
    "status",
    "note",  # a consistency flag on the figure (kept, but odd), or why an input has no summary
)


class FactsCsv(CsvTable):
    filename = "facts.csv"
    columns = FACT_COLUMNS

    def rows(self, record: Record) -> Iterable[dict[str, str]]:
        return fact_rows(record)


def fact_rows(record: Record) -> list[dict[str, str]]:
    if isinstance(record, ArticleError):
        return [{"article": _safe(record.path), "status": ERROR, "note": _safe(record.reason)}]
    article, flagged = _article_cells(record), flags(record)
    figures = [article | _figure(record, path, q, flagged.get(path)) for path, q in record.quantities()]
    return figures or [article]


def _figure(summary: ArticleSummary, path: str, q: Quantity, flag: str | None) -> dict[str, str]:
    part = path.partition(".")[0]
    snapshot = getattr(summary, part) if part in ("baseline", "outcome") else None
    text = {
        "field": path,
        "unit": q.unit,
        "text": q.text,
        "approx": q.approx,
        "as_of": snapshot.as_of if snapshot is not None else None,
        "quote": q.evidence.quote,
        "note": flag,
    }
    return {
        **{k: _safe(v or "") for k, v in text.items()},
        "value": number(q.value),
        "start": str(q.evidence.start),
        "end": str(q.evidence.end),
    }


def _article_cells(summary: ArticleSummary) -> dict[str, str]:
    """What every row of one article repeats: its file, where it is about, its status."""
    region = summary.region
    cells = {
        "article": summary.source.path,
        "region": region.name if region else None,
        "province": region.province if region else None,
        "level": region.level if region else None,
        "status": summary.verification.status,
    }
    return {k: _safe(v or "") for k, v in cells.items()}
