"""Building the panel from summaries on disk, one summary at a time: only the figures are kept."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from povsum.contract import SNAPSHOT_FIELDS
from povsum.errors import InputError
from povsum.models import ArticleSummary, Snapshot
from povsum.panel.checks import rises_after_exit, source_checks
from povsum.panel.model import (
    Citation,
    Conflict,
    Entry,
    Figure,
    Inconsistency,
    Panel,
    Place,
    RegionKey,
    snapshot_quantities,
)
from povsum.panel.places import place_of
from povsum.panel.years import DatedYear, resolve_year
from povsum.summaries import load_summary
from povsum.writers import ReportError

# Why a figure is not in the panel.
SEEN_BEFORE = "from an article already read (same sha256)"
NO_REGION = "in a summary with no region"
NO_YEAR = "with no year (as_of has none and the publication date is unknown)"
BASELINE_NOT_BEFORE = "from a baseline not dated before its outcome"

_ORDER = {f.name: i for i, f in enumerate(SNAPSHOT_FIELDS)}
Cell = tuple[RegionKey, int, str]  # place, year, indicator


class PanelBuilder:
    """Accumulates the figures of summaries added one by one; ``build`` groups them into a panel."""

    def __init__(self) -> None:
        self.sources = 0  # distinct articles added
        self._seen: set[str] = set()  # their sha256
        self._places: dict[RegionKey, Place] = {}
        self._cells: dict[Cell, list[Figure]] = {}
        self._inconsistencies: list[Inconsistency] = []
        self._left_out: Counter[str] = Counter()

    def add(self, summary: ArticleSummary) -> None:
        snapshots = {"baseline": summary.baseline, "outcome": summary.outcome}
        if summary.source.sha256 in self._seen:
            self._leave_out(SEEN_BEFORE, *snapshots.values())
            return
        self._seen.add(summary.source.sha256)
        self.sources += 1
        if summary.region is None:
            self._leave_out(NO_REGION, *snapshots.values())
            return
        place = place_of(summary.region)
        source = summary.source.path or summary.source.sha256
        placed = self._years(snapshots, summary.source.published)
        figures = [
            Figure(
                place.key, dated.year, field.name, q.value, q.unit, dated.rule.name, Citation.of(source, q)
            )
            for part, dated in placed.items()
            for field, q in snapshot_quantities(snapshots[part])
        ]
        for figure in figures:
            self._cells.setdefault((figure.key, figure.year, figure.indicator), []).append(figure)
        found = list(source_checks(place.key, source, summary.baseline, summary.outcome))
        self._inconsistencies.extend(found)
        if figures or found:
            self._places.setdefault(place.key, place)

    def build(self) -> Panel:
        entries: list[Entry] = []
        conflicts: list[Conflict] = []
        for cell in sorted(self._cells, key=lambda c: (c[0], c[1], _ORDER[c[2]])):
            by_value: dict[float, list[Figure]] = {}
            for figure in self._cells[cell]:
                by_value.setdefault(figure.value, []).append(figure)
            disputed = len(by_value) > 1
            values = sorted(by_value.items(), key=lambda item: (-len(item[1]), item[0]))
            cell_entries = tuple(Entry(*cell, value, tuple(group), disputed) for value, group in values)
            entries.extend(cell_entries)
            if disputed:
                conflicts.append(Conflict(*cell, cell_entries))
        return Panel(
            places=dict(sorted(self._places.items())),
            entries=tuple(entries),
            conflicts=tuple(conflicts),
            inconsistencies=(
                *self._inconsistencies,
                *rises_after_exit(f for figures in self._cells.values() for f in figures),
            ),
            sources=self.sources,
            left_out=dict(self._left_out),
        )

    def _years(self, snapshots: dict[str, Snapshot | None], published: str | None) -> dict[str, DatedYear]:
        """The year of each part that can be placed; the figures of the others are left out."""
        placed: dict[str, DatedYear] = {}
        for part, snapshot in snapshots.items():
            if snapshot is None:
                continue
            if (dated := resolve_year(snapshot.as_of, published)) is not None:
                placed[part] = dated
            else:
                self._leave_out(NO_YEAR, snapshot)
        before, after = placed.get("baseline"), placed.get("outcome")
        # A baseline precedes its outcome: one dated the same year or later has an unknown year.
        if before and after and before.year >= after.year:
            del placed["baseline"]
            self._leave_out(BASELINE_NOT_BEFORE, snapshots["baseline"])
        return placed

    def _leave_out(self, reason: str, *snapshots: Snapshot | None) -> None:
        if count := sum(1 for s in snapshots for _ in snapshot_quantities(s)):
            self._left_out[reason] += count


Folder = str | os.PathLike[str]


def build_panel(
    folders: Sequence[Folder] | Folder, on_skip: Callable[[str], None] = lambda note: None
) -> Panel:
    """The panel of every summary (``FOLDER/*.json``) in ``folders`` (or the one folder named),
    read one at a time. A JSON file that is not a summary is skipped with a note through
    ``on_skip``."""
    folders = [Path(folders)] if isinstance(folders, str | os.PathLike) else [Path(f) for f in folders]
    builder = PanelBuilder()
    for folder in folders:
        if not folder.is_dir():
            raise ReportError(f"{folder}: no such folder")
        for path in sorted(folder.glob("*.json")):
            try:
                builder.add(load_summary(path))
            except InputError as exc:
                on_skip(f"skipped {exc}")
    if not builder.sources:
        raise ReportError(f"no summaries (*.json) in {', '.join(map(str, folders))}")
    return builder.build()
