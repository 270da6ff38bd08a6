"""One article's page of the HTML report: its fields, each opening to the quote that backs it,
beside the cleaned article text with those quotes and numbers highlighted in place; then what the
verifier rejected or flagged, with the reasons.

The text is embedded in the page, so a report folder moved or zipped still shows it. Every string
from an article is escaped: article text is untrusted.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path
from string import Template
from urllib.parse import quote

from povsum.models import FLAG, ArticleSummary, Failure
from povsum.report.fields import FieldRow, field_rows, flagged, flags, number, rejected
from povsum.report.highlight import Highlighted, highlight, source_document
from povsum.report.stream import template

_SECTIONS = ("region", "baseline", "outcome", "funding", "measures")
# Ids of the page's highlights start with this (one article per page).
PREFIX = "a"


def page_name(stem: str) -> str:
    """The file of an article's page in the report folder, next to its ``OUT/<stem>.json``."""
    return f"{stem}.html"


def page_href(stem: str) -> str:
    return quote(page_name(stem))


def label(summary: ArticleSummary) -> str:
    return summary.source.title or Path(summary.source.path or "untitled").stem


def status_badge(status: str, checked: int | None = None) -> str:
    count = f" <small>{checked} checked</small>" if checked is not None else ""
    return f'<span class="badge {status}">{status}</span>{count}'


def render_page(
    number_in_run: int, summary: ArticleSummary, previous: str | None, following: str | None
) -> str:
    """The whole page; ``previous`` and ``following`` are the stems of the neighbouring pages."""
    links = [
        f'<a href="{page_href(stem)}" rel="{rel}">{text}</a>'
        for stem, rel, text in ((previous, "prev", "← previous"), (following, "next", "next →"))
        if stem is not None
    ]
    return Template(template("article.html")).substitute(
        title=escape(f"{number_in_run}. {label(summary)}"),
        nav=" ".join(links),
        card=article_card(number_in_run, summary),
    )


def article_card(number_in_run: int, summary: ArticleSummary) -> str:
    """The page's ``<article>``: header, fields and highlighted text, then rejected and flagged."""
    rows, flag_reasons = field_rows(summary), flags(summary)
    document, missing = source_document(summary)
    marked = highlight(document, rows, PREFIX, flag_reasons) if document else Highlighted("", {}, {})
    text = (
        f'<div class="text">{marked.html}</div>' if document else f'<p class="missing">{escape(missing)}</p>'
    )
    return (
        f'<article class="card" id="{PREFIX}">{_header(number_in_run, summary)}'
        f'<div class="body"><div class="fields">{_fields(summary, rows, marked, flag_reasons)}</div>'
        f"{text}</div>"
        + _failures("rejected", "Rejected by verification (not in the summary)", rejected(summary))
        + _failures("flags", "Flagged by consistency checks (kept in the summary)", flagged(summary))
        + "</article>"
    )


def _header(number_in_run: int, summary: ArticleSummary) -> str:
    src, ext, v = summary.source, summary.extractor, summary.verification
    meta = [src.path, src.published, src.publisher, src.url, f"script: {src.script}"]
    meta.append(" ".join(x for x in (f"extractor: {ext.name}", ext.model) if x))
    if ext.usage is not None:
        meta.append(f"tokens: {ext.usage.prompt_tokens} in, {ext.usage.completion_tokens} out")
    warnings = "".join(f'<p class="warning">{escape(w)}</p>' for w in src.warnings)
    return (
        f"<header><h1><span class=num-prefix>{number_in_run}.</span> {escape(label(summary))}</h1>"
        f"{status_badge(v.status, v.checked)}"
        f'<p class="meta">{" · ".join(escape(m) for m in meta if m)}</p>{warnings}</header>'
    )


def _failures(kind: str, title: str, failures: Sequence[Failure]) -> str:
    if not failures:
        return ""
    tag = "del" if kind == "rejected" else "b"  # a flagged figure is kept
    items = "".join(
        f"<li><code>{escape(f.field)}</code> <{tag}>{escape(f.text)}</{tag}> "
        f'<span class="reason">{escape(f.reason.removeprefix(FLAG))}</span></li>'
        for f in failures
    )
    return f'<section class="{kind}"><h3>{title}</h3><ul>{items}</ul></section>'


def _fields(
    summary: ArticleSummary, rows: Sequence[FieldRow], marked: Highlighted, flag_reasons: dict[str, str]
) -> str:
    parts = []
    for section in _SECTIONS:
        chosen = [r for r in rows if r.section == section]
        if not chosen:
            continue
        snapshot = getattr(summary, section, None) if section in ("baseline", "outcome") else None
        as_of = f" <small>as of {escape(snapshot.as_of)}</small>" if snapshot and snapshot.as_of else ""
        parts.append(f"<h3>{section}{as_of}</h3>")
        parts.extend(_field(r, marked, flag_reasons.get(r.path)) for r in chosen)
    return "".join(parts) or '<p class="missing">Nothing was extracted.</p>'


def _field(row: FieldRow, marked: Highlighted, flag: str | None) -> str:
    ev, q = row.evidence, row.quantity
    where = [f"original characters {ev.start}–{ev.end}"]
    if q is not None:
        where.append(f"value {number(q.value)} {q.unit}" + (f" ({q.approx})" if q.approx else ""))
    note = f'<span class="detail">{escape(row.detail)}</span>' if row.detail else ""
    note += f'<span class="flag-note">⚠ {escape(flag)}</span>' if flag else ""
    mark, quote_id = marked.number_ids.get(row.path, ""), marked.quote_ids.get(row.path, "")
    return (
        f'<details class="field{" flagged" if flag else ""}" data-field="{escape(row.path)}" '
        f'data-mark="{mark}" data-quote="{quote_id}">'
        f'<summary><span class="label">{escape(row.label)}</span>'
        f'<span class="value">{escape(row.value)}</span>{note}</summary>'
        f"<blockquote>{escape(ev.quote)}</blockquote>"
        f'<p class="where">{escape(" · ".join(where))}</p></details>'
    )
