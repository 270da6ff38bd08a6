"""The cleaned article text with every extracted number and quote highlighted in place.

Evidence offsets point into ``Document.original``; the page shows ``Document.text``. An original
offset maps to a text position with ``bisect`` over ``Document.index`` (the same mapping as
``Document.text_between``), so a highlight covers exactly the characters its offsets name. A number
is found inside its quote's span, never searched for elsewhere in the article.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import pairwise
from pathlib import Path

from povsum.document import Document
from povsum.errors import PovsumError
from povsum.models import ArticleSummary, Evidence, Quantity
from povsum.report.fields import FieldRow


@dataclass
class _Span:
    start: int  # positions in Document.text
    end: int
    id: str
    fields: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Highlighted:
    html: str
    number_ids: dict[str, str]  # field path -> id of its number's <mark>
    quote_ids: dict[str, str]  # field path -> id shared by the <span>s of its quote


def source_document(summary: ArticleSummary) -> tuple[Document | None, str]:
    """The summarized article, or None and why it cannot be shown."""
    path = summary.source.path
    if not path or not Path(path).is_file():
        return None, f"Source text not shown: {path or 'no path recorded'} was not found."
    try:
        document = Document.from_path(path)
    except PovsumError as exc:
        return None, f"Source text not shown: {exc}"
    if document.sha256 != summary.source.sha256:
        # Offsets into other bytes would highlight the wrong characters.
        return None, f"Source text not shown: {path} has changed since it was summarized."
    return document, ""


def text_span(document: Document, evidence: Evidence) -> tuple[int, int] | None:
    """Positions in ``document.text`` of an evidence span given in original offsets."""
    if not 0 <= evidence.start < evidence.end <= len(document.original):
        return None
    start, end = bisect_left(document.index, evidence.start), bisect_left(document.index, evidence.end)
    return (start, end) if start < end else None


def number_span(document: Document, quote: tuple[int, int], quantity: Quantity) -> tuple[int, int] | None:
    """Where the quantity's text stands inside its quote (the first occurrence, as verified)."""
    needle = document.normalize(quantity.text)
    found = document.text.find(needle, *quote) if needle else -1
    return None if found < 0 else (found, found + len(needle))


def highlight(
    document: Document, rows: Sequence[FieldRow], prefix: str, flagged: Mapping[str, str]
) -> Highlighted:
    """``document.text`` as HTML: quotes as ``<span class="quote">``, numbers as ``<mark>``."""
    quotes: dict[tuple[int, int], _Span] = {}
    numbers: list[tuple[int, int, str]] = []
    for row in rows:
        span = text_span(document, row.evidence)
        if span is None:
            continue
        quotes.setdefault(span, _Span(*span, f"{prefix}-q{len(quotes)}")).fields.append(row.path)
        if row.quantity is not None and (at := number_span(document, span, row.quantity)):
            numbers.append((*at, row.path))
    marks = _merge(numbers, prefix)
    html = "".join(_render(document.text, list(quotes.values()), marks, flagged))
    return Highlighted(
        html,
        {path: m.id for m in marks for path in m.fields},
        {path: q.id for q in quotes.values() for path in q.fields},
    )


def _merge(numbers: list[tuple[int, int, str]], prefix: str) -> list[_Span]:
    # Two fields may cite the same characters; overlapping numbers become one <mark>, never nested.
    marks: list[_Span] = []
    for start, end, path in sorted(numbers):
        if marks and start < marks[-1].end:
            marks[-1].end = max(marks[-1].end, end)
        else:
            marks.append(_Span(start, end, f"{prefix}-n{len(marks)}"))
        marks[-1].fields.append(path)
    return marks


def _render(text: str, quotes: list[_Span], marks: list[_Span], flagged: Mapping[str, str]) -> Iterable[str]:
    cuts = {0, len(text)} | {p for s in (*quotes, *marks) for p in (s.start, s.end)}
    cuts -= {p for m in marks for p in range(m.start + 1, m.end)}  # a number is never split
    mark_at = {m.start: m for m in marks}
    # A sweep over the pieces keeps the quotes that cover each one, so rendering stays linear in
    # text plus quotes (testing every quote against every piece took minutes on a long article).
    # Quote edges inside a number are not cuts, so quotes join when they start before the piece
    # ends and leave once they end at or before its start.
    by_start = sorted(range(len(quotes)), key=lambda i: quotes[i].start)
    ends: list[tuple[int, int]] = []
    active: set[int] = set()
    joined = 0
    for a, b in pairwise(sorted(cuts)):
        while joined < len(by_start) and quotes[by_start[joined]].start < b:
            i = by_start[joined]
            active.add(i)
            heapq.heappush(ends, (quotes[i].end, i))
            joined += 1
        while ends and ends[0][0] <= a:
            active.discard(heapq.heappop(ends)[1])
        piece = escape(text[a:b])
        covering = [quotes[i] for i in sorted(active)]
        if a in mark_at:
            yield _mark(mark_at[a], text[a:b], piece, covering, flagged)
        elif covering:
            ids = " ".join(q.id for q in covering)
            title = escape("evidence for " + ", ".join(f for q in covering for f in q.fields))
            yield f'<span class="quote" data-quotes="{ids}" title="{title}">{piece}</span>'
        else:
            yield piece


def _mark(mark: _Span, raw: str, piece: str, quotes: list[_Span], flagged: Mapping[str, str]) -> str:
    reasons = [f"{f}: {flagged[f]}" for f in mark.fields if f in flagged]
    title = escape("; ".join([", ".join(mark.fields), *reasons]))
    return (
        f'<mark class="num{" flag" if reasons else ""}" id="{mark.id}" '
        f'data-field="{escape(" ".join(mark.fields))}" data-text="{escape(raw)}" '
        f'data-quotes="{" ".join(q.id for q in quotes)}" title="{title}">{piece}</mark>'
    )
