"""``report.html``: one self-contained page (inline CSS and JS, no network) for a whole run.

An overview table and chart, then one card per article: its fields on the left, each opening to
the quote that backs it; the cleaned article on the right with those quotes and numbers
highlighted in place. Every string from an article is escaped: article text is untrusted.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from importlib.resources import files
from pathlib import Path
from string import Template

from povsum.models import ArticleSummary
from povsum.outputs import write_atomic
from povsum.report.chart import people_chart
from povsum.report.fields import (
    FieldRow,
    field_rows,
    flags,
    funding_total,
    number,
    quantity_text,
    rejected,
    yuan,
)
from povsum.report.highlight import Highlighted, highlight, source_document

_SECTIONS = ("region", "baseline", "outcome", "funding", "measures")


def write_html(root: Path, summaries: Sequence[ArticleSummary]) -> Path:
    path = root / "report.html"
    write_atomic(path, render_html(summaries))
    return path


def render_html(summaries: Sequence[ArticleSummary]) -> str:
    template = Template(files("povsum.report").joinpath("template.html").read_text(encoding="utf-8"))
    labels = [_label(s) for s in summaries]
    return template.substitute(
        count=len(summaries),
        overview=_overview(summaries, labels),
        chart=people_chart(summaries, labels) if summaries else "",
        cards="".join(_card(i, s) for i, s in enumerate(summaries)),
    )


def _label(summary: ArticleSummary) -> str:
    return summary.source.title or Path(summary.source.path or "untitled").stem


def _status(summary: ArticleSummary) -> str:
    v = summary.verification
    return f'<span class="badge {v.status}">{v.status}</span> <small>{v.checked} checked</small>'


def _overview(summaries: Sequence[ArticleSummary], labels: Sequence[str]) -> str:
    head = "".join(
        f"<th>{h}</th>"
        for h in ("#", "article", "region", "baseline", "outcome", "lifted", "funding", "verification")
    )
    rows = []
    for i, (s, label) in enumerate(zip(summaries, labels, strict=True)):
        cells = (
            s.region.name if s.region else "–",
            _people(s, "baseline"),
            _people(s, "outcome"),
            quantity_text(s.outcome.people_lifted if s.outcome else None),
            yuan(funding_total(s)),
        )
        rows.append(
            f'<tr><td>{i + 1}</td><td><a href="#a{i}">{escape(label)}</a></td>'
            + "".join(f"<td>{escape(c)}</td>" for c in cells)
            + f"<td>{_status(s)}</td></tr>"
        )
    return f'<table class="overview"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _people(summary: ArticleSummary, part: str) -> str:
    snapshot = getattr(summary, part)
    return quantity_text(snapshot.people if snapshot else None)


def _card(i: int, summary: ArticleSummary) -> str:
    rows, flagged = field_rows(summary), flags(summary)
    document, missing = source_document(summary)
    marked = highlight(document, rows, f"a{i}", flagged) if document else Highlighted("", {}, {})
    text = (
        f'<div class="text" lang="zh-CN">{marked.html}</div>'
        if document
        else f'<p class="missing">{escape(missing)}</p>'
    )
    return (
        f'<article class="card" id="a{i}">{_header(i, summary)}{_rejected(summary)}'
        f'<div class="body"><div class="fields">{_fields(summary, rows, marked, flagged)}</div>'
        f"{text}</div></article>"
    )


def _header(i: int, summary: ArticleSummary) -> str:
    src, ext = summary.source, summary.extractor
    meta = [src.path, src.published, src.publisher, src.url, f"script: {src.script}"]
    meta.append(" ".join(x for x in (f"extractor: {ext.name}", ext.model) if x))
    if ext.usage is not None:
        meta.append(f"tokens: {ext.usage.prompt_tokens} in, {ext.usage.completion_tokens} out")
    warnings = "".join(f'<p class="warning">{escape(w)}</p>' for w in src.warnings)
    return (
        f"<header><h2><span class=num-prefix>{i + 1}.</span> {escape(_label(summary))}</h2>"
        f"{_status(summary)}"
        f'<p class="meta">{" · ".join(escape(m) for m in meta if m)}</p>{warnings}</header>'
    )


def _rejected(summary: ArticleSummary) -> str:
    failures = rejected(summary)
    if not failures:
        return ""
    items = "".join(
        f"<li><code>{escape(f.field)}</code> <del>{escape(f.text)}</del> "
        f'<span class="reason">{escape(f.reason)}</span></li>'
        for f in failures
    )
    return (
        '<section class="rejected"><h3>Rejected by verification (not in the summary)</h3>'
        f"<ul>{items}</ul></section>"
    )


def _fields(
    summary: ArticleSummary, rows: Sequence[FieldRow], marked: Highlighted, flagged: dict[str, str]
) -> str:
    parts = []
    for section in _SECTIONS:
        chosen = [r for r in rows if r.section == section]
        if not chosen:
            continue
        snapshot = getattr(summary, section, None) if section in ("baseline", "outcome") else None
        as_of = f" <small>as of {escape(snapshot.as_of)}</small>" if snapshot and snapshot.as_of else ""
        parts.append(f"<h3>{section}{as_of}</h3>")
        parts.extend(_field(r, marked, flagged.get(r.path)) for r in chosen)
    return "".join(parts) or '<p class="missing">Nothing was extracted.</p>'


def _field(row: FieldRow, marked: Highlighted, flag: str | None) -> str:
    ev, q = row.evidence, row.quantity
    where = [f"original characters {ev.start}–{ev.end}"]
    if q is not None:
        where.append(f"value {number(q.value)} {q.unit}" + (f" ({q.approx})" if q.approx else ""))
    note = f'<span class="detail">{escape(row.detail)}</span>' if row.detail else ""
    note += f'<span class="flag-note">⚠ {escape(flag)}</span>' if flag else ""
    mark, quote = marked.number_ids.get(row.path, ""), marked.quote_ids.get(row.path, "")
    return (
        f'<details class="field{" flagged" if flag else ""}" data-field="{escape(row.path)}" '
        f'data-mark="{mark}" data-quote="{quote}">'
        f'<summary title="{escape(ev.quote)}"><span class="label">{escape(row.label)}</span>'
        f'<span class="value">{escape(row.value)}</span>{note}</summary>'
        f'<blockquote lang="zh-CN">{escape(ev.quote)}</blockquote>'
        f'<p class="where">{escape(" · ".join(where))}</p></details>'
    )
