"""What a panel holds: places, figures with the sentence each stands in, rows and warnings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from povsum.contract import SNAPSHOT_FIELDS, SnapshotField
from povsum.models import Quantity, Snapshot
from povsum.panel.years import RULES


def snapshot_quantities(snapshot: Snapshot | None) -> Iterator[tuple[SnapshotField, Quantity]]:
    """The figures of a baseline or outcome, in the contract's order of fields."""
    for field in SNAPSHOT_FIELDS:
        if snapshot is not None and (q := getattr(snapshot, field.name)) is not None:
            yield field, q


@dataclass(frozen=True, order=True)
class RegionKey:
    """One place across reports: 乐东县, 乐东黎族自治县 and 乐东 are the same key."""

    # The division's GB/T 2260 code; for a township or village, its nearest coded parent's;
    # "" when no parent is known.
    code: str
    local: str = ""  # a township's or village's name under ``code``; "" for a division


@dataclass(frozen=True)
class Place:
    key: RegionKey
    name: str
    level: str | None
    province: str | None

    @property
    def region_code(self) -> str:
        """The place's own code: "" for a township or village, which the gazetteer does not list."""
        return "" if self.key.local else self.key.code

    @property
    def parent_code(self) -> str:
        """The code a township or village is keyed under; "" for a division."""
        return self.key.code if self.key.local else ""


@dataclass(frozen=True)
class Citation:
    """Where one source states a figure."""

    source: str  # the article's path, or its sha256 when the summary names none
    text: str  # the figure as written, "18802人"
    quote: str

    @classmethod
    def of(cls, source: str, quantity: Quantity) -> Citation:
        return cls(source, quantity.text, quantity.evidence.quote)


@dataclass(frozen=True)
class Figure:
    """One number of one source, placed at a region and a year."""

    key: RegionKey
    year: int
    indicator: str  # a name from contract.SNAPSHOT_FIELDS
    value: float
    unit: str
    year_rule: str  # the name of the years.YEAR_RULES entry that dated it
    citation: Citation

    @property
    def derived(self) -> bool:
        return RULES[self.year_rule].derived


@dataclass(frozen=True)
class Entry:
    """One row of panel.csv: a value of a region, year and indicator with every figure stating it."""

    key: RegionKey
    year: int
    indicator: str
    value: float
    figures: tuple[Figure, ...]
    conflict: bool  # another source states another value for the same region, year and indicator

    @property
    def texts(self) -> str:
        """The value as its sources write it: "18802人" or "1.88万人 / 18802人"."""
        return " / ".join(dict.fromkeys(f.citation.text for f in self.figures))

    @property
    def units(self) -> str:
        return "/".join(dict.fromkeys(f.unit for f in self.figures))

    @property
    def year_rules(self) -> str:
        return "; ".join(dict.fromkeys(f.year_rule for f in self.figures))

    @property
    def derived(self) -> bool:
        """No source writes the year: every one was dated by its publication."""
        return all(f.derived for f in self.figures)


@dataclass(frozen=True)
class Conflict:
    """Sources disagreeing on one region, year and indicator: one entry per value stated."""

    key: RegionKey
    year: int
    indicator: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Inconsistency:
    """Figures that cannot all be right, found by a named check."""

    check: str
    key: RegionKey
    indicator: str
    message: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Panel:
    places: dict[RegionKey, Place]  # every place with an entry or an inconsistency
    entries: tuple[Entry, ...]  # by place, year, indicator (in the contract's order), most sources first
    conflicts: tuple[Conflict, ...]
    inconsistencies: tuple[Inconsistency, ...]
    sources: int  # distinct articles read
    left_out: dict[str, int]  # figures not placed in the panel, by reason

    def describe(self) -> str:
        """One line for the terminal."""
        cells = {(e.key, e.year) for e in self.entries}
        left = "; ".join(f"{n} {reason}" for reason, n in self.left_out.items())
        return (
            f"panel: {self.sources} sources, {len(self.places)} regions, {len(cells)} region-years, "
            f"{len(self.entries)} values; {len(self.conflicts)} conflicts, "
            f"{len(self.inconsistencies)} inconsistencies" + (f"; figures left out: {left}" if left else "")
        )
