"""``report.html``, the index of the HTML report: totals by status, the inputs that could not be
summarized, and one sortable, filterable, searchable table of every input with a chart per
indicator (both drawn by ``index.js``).

The table's rows travel as one JSON array, a few hundred bytes per article and no article text,
so the page opens quickly at 10,000 articles; each article's text is on its own page.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any, TextIO

from povsum.contract import BASELINE_QUANTITIES, FIELDS, SNAPSHOT_FIELDS, SNAPSHOT_QUANTITIES
from povsum.models import ArticleSummary, Quantity
from povsum.report.article import label, status_badge
from povsum.report.fields import funding_total, yuan
from povsum.report.stream import fill, template
from povsum.report.totals import ERROR, Totals
from povsum.summaries import ArticleError, Record

_FIGURES: tuple[tuple[str, str], ...] = (
    *(("baseline", n) for n in BASELINE_QUANTITIES),
    *(("outcome", n) for n in SNAPSHOT_QUANTITIES),
)
# One array per row, in this order (named once, in the page's data, not in every row).
COLUMNS: tuple[str, ...] = (
    "n",
    "page",
    "title",
    "path",
    "region",
    "province",
    "level",
    "status",
    "checked",
    "extractor",
    "error",
    "baseline_people_text",
    "outcome_people_text",
    "funding",
    "funding_text",
    *(f"{part}_{name}" for part, name in _FIGURES),
)
# A chart per indicator: "before" and "after" name the columns of the dots it joins.
INDICATORS: tuple[dict[str, Any], ...] = (
    *(
        {
            "label": f.en,
            "rate": f.is_rate,
            "before": None if f.outcome_only else f"baseline_{f.name}",
            "after": f"outcome_{f.name}",
        }
        for f in SNAPSHOT_FIELDS
    ),
    {"label": "funding, sum of the amounts (yuan)", "rate": False, "before": None, "after": "funding"},
)
DEFAULT_INDICATOR = FIELDS["people"].en


def script_json(value: object) -> str:
    """JSON that cannot end its ``<script>`` element: every ``<`` (only ever inside a string) is
    written as an escape."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def index_row(number_in_run: int, href: str, record: Record) -> list[object]:
    """The row of one input: what the table shows, sorts and filters on, and the chart draws."""
    if isinstance(record, ArticleError):
        cells: dict[str, object] = {"title": record.path, "path": record.path, "status": ERROR}
        cells["error"] = record.reason
    else:
        cells = _summary_cells(record)
    cells |= {"n": number_in_run, "page": href}
    return [cells.get(c) for c in COLUMNS]


def _summary_cells(summary: ArticleSummary) -> dict[str, object]:
    region, ext, baseline, outcome = summary.region, summary.extractor, summary.baseline, summary.outcome
    total = funding_total(summary)
    cells: dict[str, object] = {
        "title": label(summary),
        "path": summary.source.path,
        "region": region.name if region else None,
        "province": region.province if region else None,
        "level": region.level if region else None,
        "status": summary.verification.status,
        "checked": summary.verification.checked,
        "extractor": " · ".join(x for x in (ext.name, ext.model) if x),
        "baseline_people_text": _text(baseline.people if baseline else None),
        "outcome_people_text": _text(outcome.people if outcome else None),
        "funding": total if summary.funding else None,
        "funding_text": yuan(total) if summary.funding else None,
    }
    for part, name in _FIGURES:
        snapshot = getattr(summary, part)
        q = getattr(snapshot, name) if snapshot is not None else None
        cells[f"{part}_{name}"] = q.value if q is not None else None
    return cells


def _text(q: Quantity | None) -> str | None:
    return q.text if q is not None else None


class IndexPage:
    """The index being built: rows and errors wait in spools until the totals are known."""

    def __init__(self, rows: TextIO, errors: TextIO) -> None:
        self._rows, self._errors = rows, errors
        meta = {"columns": COLUMNS, "indicators": INDICATORS, "default": DEFAULT_INDICATOR, "rows": []}
        rows.write(script_json(meta).removesuffix("]}"))  # the rows follow; write() closes them
        self._first = True

    def add(self, number_in_run: int, href: str, record: Record) -> None:
        self._rows.write(("" if self._first else ",\n") + script_json(index_row(number_in_run, href, record)))
        self._first = False
        if isinstance(record, ArticleError):
            self._errors.write(f"<tr><td>{escape(record.path)}</td><td>{escape(record.reason)}</td></tr>")

    def write(self, out: TextIO, totals: Totals, assets: str) -> None:
        """The page into ``out``; ``assets`` is the folder of the stylesheet and script."""
        self._rows.write("]}")
        badges = "".join(
            f'<li><button type="button" data-status="{s}" title="show only {s}">'
            f"{status_badge(s)} <b>{n}</b></button></li>"
            for s, n in totals.counts.items()
        )
        fill(
            out,
            template("index.html"),
            {
                "articles": totals.articles,
                "totals": f'<ul class="totals">{badges}</ul>',
                "errors_hidden": "" if totals.counts[ERROR] else " hidden",
                "errors": self._errors,
                "data": self._rows,
                "assets": escape(assets),
            },
        )
