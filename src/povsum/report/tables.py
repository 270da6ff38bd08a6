"""``summaries.csv``: one flat row per input for spreadsheets, and what every CSV output shares.

UTF-8 with a BOM, because Excel reads BOM-less CSV in the local code page and garbles Chinese.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import ClassVar

from povsum.contract import BASELINE_QUANTITIES, FIELDS, SNAPSHOT_QUANTITIES
from povsum.models import Quantity, Snapshot
from povsum.report.fields import funding_total, number
from povsum.report.stream import RunWriter
from povsum.report.totals import ERROR
from povsum.summaries import ArticleError, Record


def _snapshot_columns(part: str) -> tuple[str, ...]:
    names = BASELINE_QUANTITIES if part == "baseline" else SNAPSHOT_QUANTITIES
    # people_lifted keeps its historic bare column name: it exists only in the outcome.
    return (f"{part}_as_of", *(n if FIELDS[n].outcome_only else f"{part}_{n}" for n in names))


COLUMNS: tuple[str, ...] = (
    "file",
    "title",
    "published",
    "region",
    "province",
    "prefecture",
    "county",
    "level",
    *_snapshot_columns("baseline"),
    *_snapshot_columns("outcome"),
    "funding_sum_yuan",
    "funding_items",
    "measure_categories",
    "verification_status",
    "failures",
    "error",
)
# A cell starting with one of these is run as a formula by spreadsheets; article text is untrusted.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class CsvTable(RunWriter):
    """A CSV output: a header, then the rows each record gives, streamed as they come."""

    encoding = "utf-8-sig"
    columns: ClassVar[tuple[str, ...]]

    def begin(self) -> None:
        self._writer = csv.DictWriter(self.out, fieldnames=self.columns)
        self._writer.writeheader()

    def add(self, stem: str, record: Record) -> None:
        self._writer.writerows(self.rows(record))

    def rows(self, record: Record) -> Iterable[dict[str, str]]:
        raise NotImplementedError


class SummariesCsv(CsvTable):
    filename = "summaries.csv"
    columns = COLUMNS

    def rows(self, record: Record) -> Iterable[dict[str, str]]:
        return (csv_row(record),)


def csv_row(record: Record) -> dict[str, str]:
    """Counts and yuan as plain numbers; lists joined with "; " so one article stays one row. An
    input with no summary is a row with its file, status ``error`` and why."""
    if isinstance(record, ArticleError):
        return {"file": _safe(record.path), "verification_status": ERROR, "error": _safe(record.reason)}
    region = record.region
    text = {
        "file": record.source.path,
        "title": record.source.title,
        "published": record.source.published,
        "region": region.name if region else None,
        "province": region.province if region else None,
        "prefecture": region.prefecture if region else None,
        "county": region.county if region else None,
        "level": region.level if region else None,
        "funding_items": "; ".join(
            f"{f.amount.text} ({f.purpose})" if f.purpose else f.amount.text for f in record.funding
        ),
        "measure_categories": "; ".join(dict.fromkeys(m.category for m in record.measures)),
        "verification_status": record.verification.status,
        "failures": "; ".join(f"{f.field} {f.text}: {f.reason}" for f in record.verification.failures),
    }
    numbers = {
        **_snapshot_cells("baseline", record.baseline),
        **_snapshot_cells("outcome", record.outcome),
        "funding_sum_yuan": number(funding_total(record)) if record.funding else "",
    }
    return {**{k: _safe(v or "") for k, v in text.items()}, **numbers}


def _snapshot_cells(part: str, snapshot: Snapshot | None) -> dict[str, str]:
    as_of, *columns = _snapshot_columns(part)
    names = BASELINE_QUANTITIES if part == "baseline" else SNAPSHOT_QUANTITIES
    cells = {as_of: _safe(snapshot.as_of or "") if snapshot else ""}
    for column, name in zip(columns, names, strict=True):
        cells[column] = _value(getattr(snapshot, name) if snapshot else None)
    return cells


def _value(q: Quantity | None) -> str:
    return number(q.value if q is not None else None)


def _safe(cell: str) -> str:
    """Text that a spreadsheet shows as text, never evaluates.

    >>> _safe("=HYPERLINK(1)"), _safe("海口市")
    ("'=HYPERLINK(1)", '海口市')
    """
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell
