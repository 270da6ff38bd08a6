"""``summaries.csv``: one flat row per article for spreadsheets.

UTF-8 with a BOM, because Excel reads BOM-less CSV in the local code page and garbles Chinese.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from povsum.contract import BASELINE_QUANTITIES, FIELDS, SNAPSHOT_QUANTITIES
from povsum.models import ArticleSummary, Quantity, Snapshot
from povsum.outputs import write_atomic
from povsum.report.fields import funding_total, number


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
    "level",
    *_snapshot_columns("baseline"),
    *_snapshot_columns("outcome"),
    "funding_total_yuan",
    "funding_items",
    "measure_categories",
    "verification_status",
    "failures",
)
# A cell starting with one of these is run as a formula by spreadsheets; article text is untrusted.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_csv(root: Path, summaries: Sequence[ArticleSummary]) -> Path:
    path = root / "summaries.csv"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(csv_row(s) for s in summaries)
    write_atomic(path, buffer.getvalue(), encoding="utf-8-sig")
    return path


def csv_row(summary: ArticleSummary) -> dict[str, str]:
    """Counts and yuan as plain numbers; lists joined with "; " so one article stays one row."""
    region = summary.region
    text = {
        "file": summary.source.path,
        "title": summary.source.title,
        "published": summary.source.published,
        "region": region.name if region else None,
        "province": region.province if region else None,
        "level": region.level if region else None,
        "funding_items": "; ".join(
            f"{f.amount.text} ({f.purpose})" if f.purpose else f.amount.text for f in summary.funding
        ),
        "measure_categories": "; ".join(dict.fromkeys(m.category for m in summary.measures)),
        "verification_status": summary.verification.status,
        "failures": "; ".join(f"{f.field} {f.text}: {f.reason}" for f in summary.verification.failures),
    }
    numbers = {
        **_snapshot_cells("baseline", summary.baseline),
        **_snapshot_cells("outcome", summary.outcome),
        "funding_total_yuan": number(funding_total(summary)) if summary.funding else "",
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
