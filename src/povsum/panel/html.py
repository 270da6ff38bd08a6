"""panel.html: one self-contained page (inline CSS, JS and SVG; no network) over the whole panel.

The conflicts and consistency warnings first, then per place a timeline of each indicator whose
dots link to the rows listing the sentences behind them. Every string from an article is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from importlib.resources import files
from itertools import groupby
from pathlib import Path
from string import Template

from povsum.contract import FIELDS, SNAPSHOT_FIELDS
from povsum.outputs import write_atomic
from povsum.panel.chart import timeline
from povsum.panel.model import Citation, Entry, Panel, Place, RegionKey
from povsum.panel.years import YEAR_RULES


def write_html(root: Path, panel: Panel) -> Path:
    path = root / "panel.html"
    write_atomic(path, render_html(panel))
    return path


def render_html(panel: Panel) -> str:
    template = Template(files("povsum.panel").joinpath("template.html").read_text(encoding="utf-8"))
    page = _Page(panel)
    return template.substitute(
        regions=len(panel.places),
        summary=escape(panel.describe()),
        conflicts=page.conflicts(),
        inconsistencies=page.inconsistencies(),
        rules=_rules(panel),
        places=page.places(),
    )


def _label(indicator: str) -> str:
    field = FIELDS[indicator]
    return f"{field.zh} · {field.en}"


def _citations(citations: Iterable[Citation]) -> str:
    items = "".join(
        f'<li><span class="source">{escape(c.source)}</span> <b>{escape(c.text)}</b>'
        f'<blockquote lang="zh-CN">{escape(c.quote)}</blockquote></li>'
        for c in citations
    )
    return f'<ul class="citations">{items}</ul>'


def _rules(panel: Panel) -> str:
    rows = "".join(
        f"<tr><td><code>{rule.name}</code></td><td>{'derived' if rule.derived else 'stated'}</td>"
        f"<td>{escape(rule.meaning)}</td></tr>"
        for rule in YEAR_RULES
    )
    left = "".join(f"<li>{n} figures {escape(reason)}</li>" for reason, n in panel.left_out.items())
    return (
        f'<table class="rules"><thead><tr><th>year rule</th><th></th><th>meaning</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>" + (f'<ul class="left-out">{left}</ul>' if left else "")
    )


class _Page:
    """The page's parts, sharing one id per place (``p3``) and per entry (``e17``)."""

    def __init__(self, panel: Panel) -> None:
        self.panel = panel
        self.place_ids = {key: f"p{i}" for i, key in enumerate(panel.places)}
        self.entry_ids = {entry: f"e{i}" for i, entry in enumerate(panel.entries)}

    def _place_link(self, key: RegionKey) -> str:
        place = self.panel.places[key]
        code = f" <small>{escape(key.code)}</small>" if key.code else ""
        return f'<a href="#{self.place_ids[key]}">{escape(place.name)}</a>{code}'

    def conflicts(self) -> str:
        if not self.panel.conflicts:
            return '<p class="none">No two sources give different values for one region, year, indicator.</p>'
        items = []
        for conflict in self.panel.conflicts:
            values = "".join(
                f'<li><a class="value" href="#{self.entry_ids[e]}">{escape(e.texts)}</a>'
                f"{_citations(f.citation for f in e.figures)}</li>"
                for e in conflict.entries
            )
            items.append(
                f"<li>{self._place_link(conflict.key)} · {conflict.year} · {_label(conflict.indicator)}"
                f'<ul class="values">{values}</ul></li>'
            )
        return f'<ol class="conflicts">{"".join(items)}</ol>'

    def inconsistencies(self) -> str:
        if not self.panel.inconsistencies:
            return '<p class="none">No figure contradicts another.</p>'
        items = "".join(
            f"<li>{self._place_link(i.key)} · <code>{i.check}</code> · {escape(i.message)}"
            f"{_citations(i.citations)}</li>"
            for i in self.panel.inconsistencies
        )
        return f'<ol class="inconsistencies">{items}</ol>'

    def places(self) -> str:
        by_place = {key: list(group) for key, group in groupby(self.panel.entries, key=lambda e: e.key)}
        return "".join(self._place(place, by_place.get(key, [])) for key, place in self.panel.places.items())

    def _place(self, place: Place, entries: Sequence[Entry]) -> str:
        """A place's charts and rows; a place named only in a consistency warning has none."""
        charts = []
        if entries:
            span = (min(e.year for e in entries), max(e.year for e in entries))
            for field in SNAPSHOT_FIELDS:
                if points := [(e, self.entry_ids[e]) for e in entries if e.indicator == field.name]:
                    chart = timeline(_label(field.name), points, span)
                    charts.append(f"<figure><figcaption>{_label(field.name)}</figcaption>{chart}</figure>")
        parent = f"under {place.parent_code}" if place.parent_code else None
        meta = " · ".join(escape(x) for x in (place.region_code, place.level, place.province, parent) if x)
        search = " ".join(x for x in (place.name, place.key.code, place.province) if x)
        return (
            f'<section class="place" id="{self.place_ids[place.key]}" data-search="{escape(search)}">'
            f'<h2>{escape(place.name)}</h2><p class="meta">{meta}</p>'
            f'<div class="charts">{"".join(charts)}</div>{self._table(entries) if entries else ""}</section>'
        )

    def _table(self, entries: Sequence[Entry]) -> str:
        head = "".join(f"<th>{h}</th>" for h in ("year", "indicator", "value", "year rule", "sources"))
        rows = "".join(self._row(e) for e in entries)
        return f'<table class="entries"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'

    def _row(self, entry: Entry) -> str:
        conflict = ' class="conflict"' if entry.conflict else ""
        derived = " <small>derived</small>" if entry.derived else ""
        return (
            f'<tr id="{self.entry_ids[entry]}"{conflict}>'
            f"<td>{entry.year}</td><td>{_label(entry.indicator)}</td>"
            f"<td>{escape(entry.texts)}</td><td><code>{escape(entry.year_rules)}</code>{derived}</td>"
            f"<td>{_citations(f.citation for f in entry.figures)}</td></tr>"
        )
