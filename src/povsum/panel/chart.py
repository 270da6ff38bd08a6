"""An inline SVG timeline of one indicator of one place: a dot per value, linked to its sentences."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from povsum.panel.model import Entry
from povsum.report.fields import number

_WIDTH, _HEIGHT = 300, 104
_LEFT, _RIGHT, _TOP, _BOTTOM = 16, 16, 18, 22
_PLOT_W, _PLOT_H = _WIDTH - _LEFT - _RIGHT, _HEIGHT - _TOP - _BOTTOM
_LABEL_WIDTH = 30  # a year label's width: closer labels would overlap
_SPREAD = 10  # horizontal distance between the dots of values sources disagree on


def timeline(label: str, points: Sequence[tuple[Entry, str]], span: tuple[int, int]) -> str:
    """``points`` are (entry, id of the element listing its sentences), sorted by year; ``span``
    (first, last year) is shared by every chart of the place so they line up. The scale starts at 0,
    where a full exit lies. Values that sources disagree on stand side by side as conflicts, years
    derived from the publication date are hollow dots."""
    first, last = span
    top = max(entry.value for entry, _ in points) or 1.0  # all at 0: a full exit

    def x(year: int) -> float:
        return _LEFT + (year - first) / (last - first) * _PLOT_W if last > first else _LEFT + _PLOT_W / 2

    def y(value: float) -> float:
        return _TOP + (1 - value / top) * _PLOT_H

    by_year: dict[int, list[tuple[Entry, str]]] = {}
    for point in points:
        by_year.setdefault(point[0].year, []).append(point)
    # The line joins each year's best-attested value (entries come most sources first).
    line = " ".join(f"{x(year):.1f},{y(group[0][0].value):.1f}" for year, group in by_year.items())
    dots = [
        _dot(entry, anchor, x(year) + (i - (len(group) - 1) / 2) * _SPREAD, y(entry.value))
        for year, group in by_year.items()
        for i, (entry, anchor) in enumerate(group)
    ]
    base = _TOP + _PLOT_H
    parts = [
        f'<line class="axis" x1="{_LEFT}" y1="{base}" x2="{_WIDTH - _RIGHT}" y2="{base}"/>',
        f'<text class="top" x="{_LEFT}" y="11">{escape(number(top))} {escape(points[0][0].units)}</text>',
        *(
            f'<text class="year" x="{x(year):.1f}" y="{_HEIGHT - 6}" text-anchor="middle">{year}</text>'
            for year in _spaced([*by_year], x)
        ),
        f'<polyline class="trend" points="{line}"/>' if len(by_year) > 1 else "",
        *dots,
    ]
    return (
        f'<svg class="timeline" viewBox="0 0 {_WIDTH} {_HEIGHT}" width="{_WIDTH}" height="{_HEIGHT}" '
        f'role="img" aria-label="{escape(label)} by year">{"".join(parts)}</svg>'
    )


def _spaced(years: Sequence[int], x: Callable[[int], float]) -> list[int]:
    """The years to label, left to right, none closer to the previous label than a label's width."""
    kept: list[int] = []
    for year in years:
        if not kept or x(year) - x(kept[-1]) >= _LABEL_WIDTH:
            kept.append(year)
    return kept


def _dot(entry: Entry, anchor: str, cx: float, cy: float) -> str:
    kind = "".join(f" {k}" for k, on in (("conflict", entry.conflict), ("derived", entry.derived)) if on)
    sources = len(entry.figures)
    title = f"{entry.year}: {entry.texts} ({sources} source{'s' if sources > 1 else ''})"
    return (
        f'<a href="#{anchor}"><circle class="dot{kind}" cx="{cx:.1f}" cy="{cy:.1f}" r="4.5">'
        f"<title>{escape(title)}</title></circle></a>"
    )
