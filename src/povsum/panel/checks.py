"""Consistency checks: figures of one source, or of one place across years, that cannot all be true.

Unlike conflicts (two sources, one region-year, two values), these are found by named checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from povsum.contract import FIELDS, SNAPSHOT_FIELDS
from povsum.models import Snapshot
from povsum.panel.model import Citation, Figure, Inconsistency, RegionKey, snapshot_quantities

RATE_ABOVE_100 = "rate_above_100"
LIFTED_ABOVE_BASELINE = "lifted_above_baseline"
RISE_AFTER_EXIT = "rise_after_exit"
# Stocks that only fall as poverty ends: a later year above an earlier 0 contradicts a full exit.
_STOCKS = tuple(f.name for f in SNAPSHOT_FIELDS if f.decreasing)


def source_checks(
    key: RegionKey, source: str, baseline: Snapshot | None, outcome: Snapshot | None
) -> Iterator[Inconsistency]:
    """A rate above 100; more people lifted than the same source's baseline poor population."""
    for snapshot in (baseline, outcome):
        for field, q in snapshot_quantities(snapshot):
            if field.is_rate and q.value > 100:
                message = f"{field.en} {q.text} is above 100%"
                yield Inconsistency(RATE_ABOVE_100, key, field.name, message, (Citation.of(source, q),))
    lifted = outcome.people_lifted if outcome else None
    before = baseline.people if baseline else None
    if lifted and before and lifted.value > before.value:
        yield Inconsistency(
            LIFTED_ABOVE_BASELINE,
            key,
            "people_lifted",
            f"{lifted.text} lifted is more than the {before.text} poor of the same report's baseline",
            (Citation.of(source, lifted), Citation.of(source, before)),
        )


def rises_after_exit(figures: Iterable[Figure]) -> Iterator[Inconsistency]:
    """A stock (poor people, households, villages, rate) above 0 in a year after a source put it at 0."""
    series: dict[tuple[RegionKey, str], list[Figure]] = {}
    for figure in figures:
        if figure.indicator in _STOCKS:
            series.setdefault((figure.key, figure.indicator), []).append(figure)
    for (key, indicator), figures in sorted(series.items()):
        yield from _rises(key, indicator, sorted(figures, key=lambda f: f.year))


def _rises(key: RegionKey, indicator: str, figures: Iterable[Figure]) -> Iterator[Inconsistency]:
    exit_: Figure | None = None  # the earliest figure at 0
    for figure in figures:
        if exit_ is None:
            exit_ = figure if figure.value == 0 else None
        elif figure.value > 0 and figure.year > exit_.year:
            yield Inconsistency(
                RISE_AFTER_EXIT,
                key,
                indicator,
                f"{FIELDS[indicator].en} {figure.citation.text} in {figure.year} after "
                f"{exit_.citation.text} in {exit_.year}",
                (exit_.citation, figure.citation),
            )
