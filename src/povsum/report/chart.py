"""An inline SVG bar chart: baseline vs outcome poor population, one pair of bars per article."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from povsum.models import ArticleSummary
from povsum.report.fields import people, quantity_text

_WIDTH, _LABEL, _ROW, _BAR = 760, 190, 46, 16
_PLOT = _WIDTH - _LABEL - 90  # room on the right for the value labels


def people_chart(summaries: Sequence[ArticleSummary], labels: Sequence[str]) -> str:
    """Bars are scaled per article to its larger figure: articles differ by orders of magnitude
    (a village and a province), so one shared axis would flatten most of them to nothing."""
    height = _ROW * len(summaries) + 30
    rows = "".join(_row(i, s, label) for i, (s, label) in enumerate(zip(summaries, labels, strict=True)))
    legend = (
        f'<g class="legend" transform="translate({_LABEL},{height - 14})">'
        f'<rect class="bar-baseline" width="12" height="12" y="-10"/><text x="18">baseline</text>'
        f'<rect class="bar-outcome" x="100" width="12" height="12" y="-10"/><text x="118">outcome</text>'
        "</g>"
    )
    return (
        f'<svg class="chart" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" height="{height}" '
        f'role="img" aria-label="Poor population, baseline vs outcome, per article">{rows}{legend}</svg>'
    )


def _row(i: int, summary: ArticleSummary, label: str) -> str:
    before, after = people(summary.baseline), people(summary.outcome)
    top = i * _ROW + 6
    scale = max((q.value for q in (before, after) if q is not None), default=0) or 1
    bars = "".join(
        _bar(kind, q.value / scale if q else 0, quantity_text(q) if q else "not stated", top + k * (_BAR + 2))
        for k, (kind, q) in enumerate((("baseline", before), ("outcome", after)))
    )
    short = summary.region.name if summary.region else label
    short = short[:10] + ("…" if len(short) > 10 else "")
    return (
        f'<a href="#a{i}"><text class="label" x="{_LABEL - 10}" y="{top + _BAR + 4}" text-anchor="end">'
        f"{i + 1}. {escape(short)}<title>{escape(label)}</title></text></a>{bars}"
    )


def _bar(kind: str, share: float, text: str, y: int) -> str:
    width = max(share * _PLOT, 2 if share else 0)
    return (
        f'<rect class="bar-{kind}" x="{_LABEL}" y="{y}" width="{width:.1f}" height="{_BAR}" rx="3"/>'
        f'<text class="value" x="{_LABEL + width + 6:.1f}" y="{y + _BAR - 3}">{escape(text)}</text>'
    )
