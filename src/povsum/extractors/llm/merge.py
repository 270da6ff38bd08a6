"""One summary from several verified readings of one article: the answers to re-asks (which hold
only the fields that had failed) and the parts of a long article.

The readings are merged field by field, earlier first, and nothing in them is re-read:

- a baseline or outcome figure, ``as_of``, and each attribute of the region come from the first
  reading that proved one (a later answer never replaces a proven value);
- funding items are joined, one per exact source span (quote offsets and amount text), so the
  same sum read twice is listed once; measures are joined, one per category and quote span;
- the failures kept are those no reading made good: a field filled by any reading has none.

The result still has to be verified as a whole (consistency flags span the readings).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

from povsum.contract import SNAPSHOT_QUANTITIES
from povsum.document import Document
from povsum.models import ArticleSummary, Funding, Measure, Region, Snapshot, Verification
from povsum.regions import name_forms

__all__ = ["filled", "filled_paths", "merge", "merge_regions", "region_of_article"]

_REGION_PARTS = ("province", "prefecture", "county", "level")
_SNAPSHOT_PARTS = ("as_of", *SNAPSHOT_QUANTITIES)
T = TypeVar("T")


def merge(readings: Sequence[ArticleSummary]) -> ArticleSummary:
    """``readings`` (at least one) as one summary; its failures are the ones still unresolved."""
    first = readings[0]
    merged = first.model_copy(
        update={
            "region": merge_regions([r.region for r in readings if r.region is not None]),
            "baseline": _snapshot([r.baseline for r in readings]),
            "outcome": _snapshot([r.outcome for r in readings]),
            "measures": _unique((m for r in readings for m in r.measures), lambda m: (m.category, *_span(m))),
            "funding": _unique((f for r in readings for f in r.funding), _funding_key),
        }
    )
    failures = _unique(
        (
            f
            for r in readings
            for f in r.verification.failures
            if not f.is_flag and not filled(merged, f.field)
        ),
        lambda f: (f.field, f.text, f.reason),
    )
    return merged.model_copy(update={"verification": Verification(failures=failures)})


def merge_regions(regions: Sequence[Region]) -> Region | None:
    """The first region, its missing province, prefecture, county and level taken from later
    readings of the same name."""
    if not regions:
        return None
    first = regions[0]
    update: dict[str, object] = {}
    for part in _REGION_PARTS:
        if getattr(first, part) is None:
            update[part] = next(
                (getattr(r, part) for r in regions if r.name == first.name and getattr(r, part) is not None),
                None,
            )
    return first.model_copy(update=update)


def region_of_article(regions: Sequence[Region], document: Document) -> Region | None:
    """Of the regions the parts of a long article were read as, the one the whole article names
    most often (the earliest part's of equals), completed from the others of its name."""
    if not regions:
        return None

    def mentions(region: Region) -> int:
        return max(document.text.count(form) for form in name_forms(region.name))

    chosen = max(reversed(regions), key=mentions)  # max keeps the first of equals: reversed, the earliest
    return merge_regions([chosen, *(r for r in regions if r is not chosen)])


def filled(summary: ArticleSummary, path: str) -> bool:
    """Whether ``summary`` holds a value at a failure's path ("baseline.people", "region.province").
    A list item's path ("funding[1].amount") is never filled: its correction, if any, is a new item.

    >>> empty = ArticleSummary.model_validate({"source": {"sha256": "x"}, "extractor": {"name": "llm"}})
    >>> filled(empty, "region"), filled(empty, "funding[0].amount")
    (False, False)
    """
    head, _, rest = path.partition(".")
    if "[" in head:
        return False
    node: object = getattr(summary, head, None)
    for name in rest.split(".") if rest else ():
        node = getattr(node, name, None)
    return node is not None


def filled_paths(summary: ArticleSummary) -> set[str]:
    """Every path holding a value: "region", "region.province", "baseline.people", "funding[0]"..."""
    paths: set[str] = set()
    if summary.region is not None:
        paths.add("region")
        paths |= {f"region.{p}" for p in _REGION_PARTS if getattr(summary.region, p) is not None}
    for part in ("baseline", "outcome"):
        snapshot = getattr(summary, part)
        if snapshot is not None:
            paths |= {f"{part}.{name}" for name in _SNAPSHOT_PARTS if getattr(snapshot, name) is not None}
    paths |= {f"funding[{i}]" for i in range(len(summary.funding))}
    paths |= {f"measures[{i}]" for i in range(len(summary.measures))}
    return paths


def _snapshot(snapshots: Sequence[Snapshot | None]) -> Snapshot | None:
    present = [s for s in snapshots if s is not None]
    if not present:
        return None
    values = {
        name: next((v for s in present if (v := getattr(s, name)) is not None), None)
        for name in _SNAPSHOT_PARTS
    }
    return present[0].model_copy(update=values)


def _span(item: Measure | Funding) -> tuple[int, int]:
    return item.evidence.start, item.evidence.end


def _funding_key(item: Funding) -> Hashable:
    # Two sums in one sentence share its quote: the amount's text tells them apart.
    return (*_span(item), item.amount.text)


def _unique(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    seen: set[Hashable] = set()
    kept = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            kept.append(item)
    return kept
