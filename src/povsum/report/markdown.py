"""``report.md``: the run as Markdown, for pasting into notes and issues.

Article text is untrusted: characters that Markdown or embedded HTML would interpret are escaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from povsum.models import ArticleSummary
from povsum.outputs import write_atomic
from povsum.report.fields import field_rows, flags, funding_total, quantity_text, rejected, yuan

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def write_markdown(root: Path, summaries: Sequence[ArticleSummary]) -> Path:
    path = root / "report.md"
    write_atomic(path, render_markdown(summaries))
    return path


def render_markdown(summaries: Sequence[ArticleSummary]) -> str:
    lines = [f"# povsum report: {len(summaries)} articles", "", *_overview(summaries)]
    for i, s in enumerate(summaries):
        lines += ["", *_article(i, s)]
    return "\n".join(lines) + "\n"


def md(text: str | None) -> str:
    r"""One line of untrusted text, inert in Markdown and table cells.

    >>> md("a|b <script>\n*x*")
    'a\\|b \\<script\\> \\*x\\*'
    """
    return _SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def _overview(summaries: Sequence[ArticleSummary]) -> list[str]:
    lines = [
        "| # | article | region | baseline people | outcome people | lifted | funding | verification |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for i, s in enumerate(summaries):
        cells = (
            md(s.source.title or s.source.path),
            md(s.region.name if s.region else "–"),
            md(quantity_text(s.baseline.people if s.baseline else None)),
            md(quantity_text(s.outcome.people if s.outcome else None)),
            md(quantity_text(s.outcome.people_lifted if s.outcome else None)),
            md(yuan(funding_total(s))),
            f"{s.verification.status} ({s.verification.checked} checked)",
        )
        lines.append(f"| {i + 1} | " + " | ".join(cells) + " |")
    return lines


def _article(i: int, summary: ArticleSummary) -> list[str]:
    src = summary.source
    meta = " · ".join(md(x) for x in (src.path, src.published, src.publisher) if x)
    lines = [f"## {i + 1}. {md(src.title or src.path)}", "", meta, ""]
    flagged = flags(summary)
    for row in field_rows(summary):
        flag = f" ⚠ {md(flagged[row.path])}" if row.path in flagged else ""
        label = "" if row.label.replace(" ", "_") in row.path else f" ({md(row.label)})"
        detail = f" — {md(row.detail)}" if row.detail else ""
        lines.append(f"- **{md(row.path)}**{label}: {md(row.value)}{detail}{flag}")
        lines.append(f"  > {md(row.evidence.quote)} ({row.evidence.start}–{row.evidence.end})")
    for f in rejected(summary):
        lines.append(f"- ❌ **{md(f.field)}** ~~{md(f.text)}~~ rejected: {md(f.reason)}")
    return lines
