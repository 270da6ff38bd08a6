"""What a summary shows, shared by every report: its fields in order, numbers, yuan, failures."""

from __future__ import annotations

from dataclasses import dataclass

from povsum.contract import FIELDS
from povsum.models import FLAG, ArticleSummary, Evidence, Failure, Quantity, Snapshot
from povsum.numbers import plain_number


@dataclass(frozen=True)
class FieldRow:
    """One line of a summary as a reader sees it, with the evidence that backs it."""

    path: str  # dotted path as in verification failures: "baseline.people", "measures[2]"
    section: str  # "region" | "baseline" | "outcome" | "funding" | "measures"
    label: str
    value: str
    evidence: Evidence
    quantity: Quantity | None = None  # the number to highlight inside the quote
    detail: str = ""  # secondary text: a funding item's purpose and payer


def field_rows(summary: ArticleSummary) -> list[FieldRow]:
    """Region, baseline, outcome, funding and measures, in the order a reader expects."""
    rows: list[FieldRow] = []
    if (r := summary.region) is not None:
        rows.append(FieldRow("region", "region", "region", region_text(summary), r.evidence))
    for path, q in summary.quantities():
        section, _, name = path.partition(".")
        if section.startswith("funding"):
            item = summary.funding[int(section[len("funding[") : -1])]
            detail = " · ".join(x for x in (item.purpose, item.source) if x)
            rows.append(FieldRow(path, "funding", "amount", q.text, q.evidence, q, detail))
        else:
            rows.append(FieldRow(path, section, FIELDS[name].en, q.text, q.evidence, q))
    for i, m in enumerate(summary.measures):
        rows.append(FieldRow(f"measures[{i}]", "measures", m.category, m.summary, m.evidence))
    return rows


def region_text(summary: ArticleSummary) -> str:
    r = summary.region
    if r is None:
        return ""
    context = ", ".join(x for x in (r.level, r.province if r.province != r.name else None) if x)
    return f"{r.name} ({context})" if context else r.name


def flags(summary: ArticleSummary) -> dict[str, str]:
    """Consistency flags by field path: the field is kept, but a reader should know why it is odd."""
    return {f.field: f.reason.removeprefix(FLAG) for f in summary.verification.failures if f.is_flag}


def rejected(summary: ArticleSummary) -> list[Failure]:
    """Fields the verifier removed: they are not in the summary, only here."""
    return [f for f in summary.verification.failures if not f.is_flag]


def flagged(summary: ArticleSummary) -> list[Failure]:
    """Fields kept with a consistency flag, in the verifier's order."""
    return [f for f in summary.verification.failures if f.is_flag]


def quantity_text(q: Quantity | None) -> str:
    return q.text if q is not None else "–"


def snapshot_people(s: Snapshot | None) -> str:
    """Households, people and rate as written, e.g. "4352户 18802人"."""
    if s is None:
        return "–"
    parts = [quantity_text(q) for q in (s.households, s.people, s.incidence_rate) if q is not None]
    return " ".join(parts) or "–"


def people(s: Snapshot | None) -> Quantity | None:
    return s.people if s is not None else None


def funding_total(summary: ArticleSummary) -> float:
    return sum(f.amount.value for f in summary.funding)


def number(value: float | None) -> str:
    """A value for a table cell: the plain number, or nothing for no value.

    >>> number(150_000_000.0), number(18.16), number(None), number(1)
    ('150000000', '18.16', '', '1')
    """
    return "" if value is None else plain_number(value)


def yuan(value: float) -> str:
    """A yuan amount the way these reports write it.

    >>> yuan(150_000_000), yuan(74_880_000), yuan(1.6e12), yuan(0)
    ('1.5亿元', '7488万元', '16000亿元', '–')
    """
    if value <= 0:
        return "–"
    if value >= 1e8:
        return f"{plain_number(value / 1e8, 4)}亿元"
    if value >= 1e4:
        return f"{plain_number(value / 1e4, 6)}万元"
    return f"{plain_number(value, 6)}元"
