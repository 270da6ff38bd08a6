"""panel.csv (one row per value) and panel_wide.csv (one row per region and year).

UTF-8 with a BOM like summaries.csv, and every text cell made safe from spreadsheet formulas:
names and quotes come from articles.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from itertools import groupby
from pathlib import Path

from povsum.contract import SNAPSHOT_FIELDS
from povsum.outputs import write_atomic
from povsum.panel.model import Entry, Panel, Place
from povsum.report.fields import number
from povsum.report.tables import _safe

_PLACE = ("region_code", "parent_code", "region", "level", "province", "year")
LONG_COLUMNS: tuple[str, ...] = (
    *_PLACE,
    *("indicator", "value", "unit", "year_rule", "derived", "conflict", "n_sources", "sources", "quotes"),
)
WIDE_COLUMNS: tuple[str, ...] = (
    *_PLACE,
    *(f.name for f in SNAPSHOT_FIELDS),
    *("conflicts", "derived", "n_sources", "sources"),
)
# Joins the sources and the quotes of one cell, in the same order.
_SEP = " | "


def write_long(root: Path, panel: Panel) -> Path:
    return _write(root / "panel.csv", LONG_COLUMNS, (_long_row(panel, e) for e in panel.entries))


def write_wide(root: Path, panel: Panel) -> Path:
    year_groups = groupby(panel.entries, key=lambda e: (e.key, e.year))
    return _write(root / "panel_wide.csv", WIDE_COLUMNS, (_wide_row(panel, list(g)) for _, g in year_groups))


def _write(path: Path, columns: Sequence[str], rows: Iterable[dict[str, str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    write_atomic(path, buffer.getvalue(), encoding="utf-8-sig")
    return path


def _place_cells(place: Place, year: int) -> dict[str, str]:
    return {
        "region_code": _safe(place.region_code),
        "parent_code": _safe(place.parent_code),
        "region": _safe(place.name),
        "level": place.level or "",
        "province": _safe(place.province or ""),
        "year": str(year),
    }


def _yes(flag: bool) -> str:
    return "yes" if flag else ""


def _long_row(panel: Panel, entry: Entry) -> dict[str, str]:
    citations = [f.citation for f in entry.figures]
    return {
        **_place_cells(panel.places[entry.key], entry.year),
        "indicator": entry.indicator,
        "value": number(entry.value),
        "unit": entry.units,
        "year_rule": entry.year_rules,
        "derived": _yes(entry.derived),
        "conflict": _yes(entry.conflict),
        "n_sources": str(len(citations)),
        "sources": _safe(_SEP.join(c.source for c in citations)),
        "quotes": _safe(_SEP.join(c.quote for c in citations)),
    }


def _wide_row(panel: Panel, entries: Sequence[Entry]) -> dict[str, str]:
    """A cell two sources disagree on holds both values ("18802 | 18900") and is named in
    ``conflicts``: the table does not choose between reports."""
    first = entries[0]
    values = {
        indicator: _SEP.join(number(e.value) for e in group)
        for indicator, group in groupby(entries, key=lambda e: e.indicator)
    }
    sources = dict.fromkeys(f.citation.source for e in entries for f in e.figures)
    return {
        **_place_cells(panel.places[first.key], first.year),
        **values,
        "conflicts": "; ".join(dict.fromkeys(e.indicator for e in entries if e.conflict)),
        "derived": _yes(all(e.derived for e in entries)),
        "n_sources": str(len(sources)),
        "sources": _safe(_SEP.join(sources)),
    }
