"""Score summaries against reference annotations: ``OUT/<stem>.json`` against ``GOLD/<stem>.json``.

A gold file (format: ``../shared/ANNOTATION.md``, summarized in ``tests/corpus/README.md``) gives
the region with the names it accepts, the baseline and outcome figures (null where the article
states none), the funding amounts in yuan and the measure categories. Scoring is exact: a figure is
right only if its value is the gold value or one of its ``alternatives``. Paths listed in
``optional``, funding items marked ``optional`` and categories in ``measure_optional`` are genuine
ambiguities: they are scored neither way.

- region and snapshot fields: correct / expected, plus ``extra`` (a value where gold says null, or
  a region where gold has none). A snapshot field is scored only where its key is in the gold part,
  so annotations can leave out fields they do not judge.
- funding amounts (as a multiset of yuan values) and measure categories: precision, recall, F1,
  micro-averaged over articles.
- grounding: every output quantity's ``text`` must occur in its cleaned source text.

A gold file with no summary (the article failed) counts as all misses.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, computed_field

from povsum.contract import SNAPSHOT_QUANTITIES
from povsum.document import Document
from povsum.errors import ArgumentError, InputError, UnknownFieldError
from povsum.models import ArticleSummary, Quantity
from povsum.numbers import plain_number
from povsum.summaries import load_summary

__all__ = [
    "EvalReport",
    "FieldScore",
    "Mismatch",
    "SetScore",
    "below_floors",
    "evaluate",
    "format_report",
    "load_split",
    "parse_floor",
]

PARTS = ("baseline", "outcome")
# Yuan amounts are compared in cents, so float noise in 1127.14万 -> 11271400 does not count.
_CENTS = 2


class FieldScore(BaseModel):
    """Exact-match counts of one field over all articles."""

    correct: int = 0
    expected: int = 0
    extra: int = 0
    scored: int = Field(0, description="Articles where this field was scored (null gold included).")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float | None:
        return self.correct / self.expected if self.expected else None


class SetScore(BaseModel):
    """Matches between predicted and expected items, micro-averaged over articles."""

    matched: int = 0
    expected: int = 0
    predicted: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        return self.matched / self.expected if self.expected else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        # 2PR/(P+R) written with counts, so it is defined (0) even when nothing was predicted.
        total = self.expected + self.predicted
        return 2 * self.matched / total if total else None


class Mismatch(BaseModel):
    file: str
    field: str
    expected: Any = None
    got: Any = None


class EvalReport(BaseModel):
    articles: int = 0
    missing: list[str] = Field(default_factory=list, description="Gold stems with no summary.")
    region: FieldScore = Field(default_factory=FieldScore)
    fields: dict[str, FieldScore] = Field(default_factory=dict, description='e.g. "baseline.people".')
    funding: SetScore = Field(default_factory=SetScore)
    measures: SetScore = Field(default_factory=SetScore)
    quantities: int = Field(0, description="Output quantities checked against their source.")
    ungrounded: int = Field(0, description="Output quantities whose text is not in the source.")
    mismatches: list[Mismatch] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def snapshot(self) -> FieldScore:
        """All baseline and outcome fields together."""
        return FieldScore(
            correct=sum(s.correct for s in self.fields.values()),
            expected=sum(s.expected for s in self.fields.values()),
            extra=sum(s.extra for s in self.fields.values()),
            scored=sum(s.scored for s in self.fields.values()),
        )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def extra_rate(self) -> float | None:
        """Values output where the gold says null, as a share of every scored field."""
        total = self.snapshot.scored
        return self.snapshot.extra / total if total else None

    def metric(self, name: str) -> float | None:
        """A score by name, for floors: region, snapshot, funding, measures, or a field path
        such as ``baseline.people`` (accuracies; F1 for funding and measures)."""
        named = {
            "region": self.region.accuracy,
            "snapshot": self.snapshot.accuracy,
            "funding": self.funding.f1,
            "measures": self.measures.f1,
        }
        if name in named:
            return named[name]
        if name in self.fields:
            return self.fields[name].accuracy
        raise KeyError(name)


def evaluate(out_dir: Path, gold_dir: Path, stems: Collection[str] | None = None) -> EvalReport:
    """Score every ``gold_dir/<stem>.json`` (only ``stems`` when given) against
    ``out_dir/<stem>.json``."""
    if not Path(out_dir).is_dir():
        raise InputError(str(out_dir), "no such folder of summaries")
    gold_paths = sorted(Path(gold_dir).glob("*.json"))
    if not gold_paths:
        raise InputError(str(gold_dir), "no gold *.json files")
    if stems is not None:
        unknown = set(stems) - {p.stem for p in gold_paths}
        if unknown:
            raise InputError(str(gold_dir), f"no gold for {', '.join(sorted(unknown)[:5])}")
        gold_paths = [p for p in gold_paths if p.stem in stems]
    report = EvalReport()
    for gold_path in gold_paths:
        gold = _load_gold(gold_path)
        summary = _load_summary(Path(out_dir) / gold_path.name)
        if summary is None:
            report.missing.append(gold_path.stem)
        _score_article(report, gold_path.stem, gold, summary)
    report.fields = {k: report.fields[k] for k in sorted(report.fields, key=_field_order)}
    return report


def _score_article(
    report: EvalReport, stem: str, gold: dict[str, Any], summary: ArticleSummary | None
) -> None:
    """Add one article's scores to ``report``."""
    report.articles += 1
    _score_region(report, stem, gold.get("region"), summary)
    for part in PARTS:
        _score_snapshot(report, stem, part, gold, summary)
    want_yuan = [_cents(f["yuan"]) for f in gold["funding"] if not f.get("optional")]
    either_way = Counter(_cents(f["yuan"]) for f in gold["funding"] if f.get("optional"))
    got_yuan = []
    for value in (_cents(f.amount.value) for f in summary.funding) if summary else ():
        if either_way[value] and value not in want_yuan:
            either_way[value] -= 1  # an optional item found: neither a match nor an extra
        else:
            got_yuan.append(value)
    ignored = set(gold.get("measure_optional", []))
    got_categories = sorted({m.category for m in summary.measures} - ignored) if summary else []
    want_categories = [c for c in gold["measure_categories"] if c not in ignored]
    for field, score, want, got in (
        ("funding", report.funding, want_yuan, got_yuan),
        ("measures", report.measures, want_categories, got_categories),
    ):
        report.mismatches += [
            Mismatch(file=stem, field=field, expected=e, got=g) for e, g in _score_set(score, want, got)
        ]
    if summary is not None:
        _check_grounding(report, stem, summary)


def load_split(name: str, split_file: Path) -> set[str]:
    """The article stems of split ``name`` in ``split_file`` (``{"train": [...], "test": [...]}``)."""
    try:
        splits = json.loads(split_file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(split_file), exc.strerror or str(exc)) from None
    except json.JSONDecodeError as exc:
        raise InputError(str(split_file), f"not a split file: {exc}") from None
    stems = splits.get(name) if isinstance(splits, dict) else None
    if not isinstance(stems, list):
        known = (
            ", ".join(k for k, v in splits.items() if isinstance(v, list)) if isinstance(splits, dict) else ""
        )
        raise InputError(str(split_file), f"no split named {name!r} (has: {known or 'none'})")
    return set(stems)


def parse_floor(spec: str) -> tuple[str, float]:
    """A ``--fail-under`` floor: ``"snapshot=0.9"`` or ``"snapshot=90%"`` -> ("snapshot", 0.9).
    The floor is a fraction, or a percent written with its sign; a bare number above 1, or a
    floor outside 0..1, is an ``ArgumentError``.

    >>> parse_floor("funding=0.95"), parse_floor("baseline.people=.8"), parse_floor("measures=85%")
    (('funding', 0.95), ('baseline.people', 0.8), ('measures', 0.85))
    >>> parse_floor("measures=99")
    Traceback (most recent call last):
    ...
    povsum.errors.ArgumentError: --fail-under measures=99: 99 is above 1; write a fraction (measures=0.99) ...
    """
    name, sep, written = (part.strip() for part in spec.partition("="))
    percent = written.endswith("%")
    try:
        if not sep:
            raise ValueError
        value = float(written.removesuffix("%"))
    except ValueError:
        raise ArgumentError(
            f"--fail-under {spec}: not a floor (write FIELD=FLOOR, e.g. snapshot=0.9 or snapshot=90%)"
        ) from None
    if not percent and value > 1:
        raise ArgumentError(
            f"--fail-under {spec}: {plain_number(value)} is above 1; write a fraction"
            f" ({name}={plain_number(value / 100, 6)}) or a percent ({name}={plain_number(value)}%)"
        )
    floor = value / 100 if percent else value
    if not 0 <= floor <= 1:
        raise ArgumentError(f"--fail-under {spec}: a floor lies between 0 and 1 (or 0% and 100%)")
    return name, floor


def below_floors(report: EvalReport, floors: dict[str, float]) -> list[str]:
    """One line per score under its floor; an unknown score name is an ``UnknownFieldError``."""
    problems = []
    for name, floor in floors.items():
        try:
            value = report.metric(name)
        except KeyError:
            raise UnknownFieldError(
                f"--fail-under: unknown score {name!r} (region, snapshot, funding, measures,"
                " or a field such as baseline.people)"
            ) from None
        if value is None or value < floor:
            problems.append(f"{name} {_pct(value)} is below the floor {floor:.1%}")
    return problems


def _load_gold(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not a gold annotation: {exc}") from None


def _load_summary(path: Path) -> ArticleSummary | None:
    # A gold file with no summary is an article that failed: scored as misses.
    return load_summary(path) if path.exists() else None


def region_is_right(gold: dict[str, Any], got: str | None) -> bool:
    """Whether the region name ``got`` is one that the gold region (name, accept) counts as right."""
    return got in {gold["name"], *gold.get("accept", [])}


def _score_region(
    report: EvalReport, stem: str, gold: dict[str, Any] | None, summary: ArticleSummary | None
) -> None:
    got = summary.region.name if summary and summary.region else None
    if gold is None:
        if got is not None:
            report.region.extra += 1
            report.mismatches.append(Mismatch(file=stem, field="region", got=got))
        return
    report.region.expected += 1
    if region_is_right(gold, got):
        report.region.correct += 1
    else:
        report.mismatches.append(Mismatch(file=stem, field="region", expected=gold["name"], got=got))


def _score_snapshot(
    report: EvalReport, stem: str, part: str, article: dict[str, Any], summary: ArticleSummary | None
) -> None:
    gold = article.get(part) or {}
    snapshot = getattr(summary, part) if summary else None
    optional = set(article.get("optional", []))
    alternatives = article.get("alternatives", {})
    for name in SNAPSHOT_QUANTITIES:
        key = f"{part}.{name}"
        if name not in gold or key in optional:
            continue
        score = report.fields.setdefault(key, FieldScore())
        score.scored += 1
        expected = gold[name]
        quantity: Quantity | None = getattr(snapshot, name) if snapshot else None
        got = quantity.value if quantity else None
        accepted = {_cents(v) for v in (expected, *alternatives.get(key, ())) if v is not None}
        if expected is not None:
            score.expected += 1
            if got is not None and _cents(got) in accepted:
                score.correct += 1
                continue
        elif got is None or _cents(got) in accepted:
            continue
        else:
            score.extra += 1
        report.mismatches.append(Mismatch(file=stem, field=key, expected=expected, got=_plain(got)))


def _score_set(score: SetScore, expected: list[Any], got: list[Any]) -> list[tuple[Any, Any]]:
    """Count the matches into ``score``; return the unmatched items as (expected, got) pairs."""
    want, have = Counter(expected), Counter(got)
    score.expected += len(expected)
    score.predicted += len(got)
    score.matched += sum((want & have).values())
    missed = [(_plain(v), None) for v in sorted((want - have).elements(), key=str)]
    return missed + [(None, _plain(v)) for v in sorted((have - want).elements(), key=str)]


def _check_grounding(report: EvalReport, stem: str, summary: ArticleSummary) -> None:
    quantities = list(summary.quantities())
    report.quantities += len(quantities)
    try:
        text = Document.from_path(summary.source.path or "").text
    except InputError as exc:
        # An unreadable source proves nothing: every quantity counts as ungrounded.
        report.ungrounded += len(quantities)
        report.mismatches.append(
            Mismatch(file=stem, field="source", expected=summary.source.path, got=exc.reason)
        )
        return
    for field, quantity in quantities:
        if quantity.text not in text:
            report.ungrounded += 1
            report.mismatches.append(Mismatch(file=stem, field=f"{field} (not in source)", got=quantity.text))


def _cents(value: float) -> float:
    return round(float(value), _CENTS)


def _plain(value: Any) -> Any:
    """4352.0 -> 4352, so reports read like the articles.

    >>> _plain(4352.0), _plain(4.23), _plain("tourism")
    (4352, 4.23, 'tourism')
    """
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _field_order(key: str) -> tuple[int, int]:
    part, name = key.split(".")
    return PARTS.index(part), SNAPSHOT_QUANTITIES.index(name)


_ROW = "{:<26}{:>9}{:>10}{:>8}{:>11}"
_SET_ROW = _ROW + "{:>9}{:>9}"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def format_report(report: EvalReport) -> str:
    """The report as a plain-text table followed by the mismatches."""
    lines = [
        f"povsum eval: {report.articles} articles, {len(report.missing)} without a summary"
        + (f" ({', '.join(report.missing)})" if report.missing else ""),
        "",
        _ROW.format("field", "correct", "expected", "extra", "accuracy"),
    ]
    rows = [("region", report.region), *report.fields.items(), ("baseline+outcome", report.snapshot)]
    lines += [_ROW.format(n, s.correct, s.expected, s.extra, _pct(s.accuracy)) for n, s in rows]
    lines.append(
        f"extras: {report.snapshot.extra} of {report.snapshot.scored} scored fields"
        f" ({_pct(report.extra_rate)})"
    )
    lines += ["", _SET_ROW.format("", "matched", "expected", "output", "precision", "recall", "F1")]
    for name, p in (("funding (yuan)", report.funding), ("measure categories", report.measures)):
        lines.append(
            _SET_ROW.format(
                name, p.matched, p.expected, p.predicted, _pct(p.precision), _pct(p.recall), _pct(p.f1)
            )
        )
    lines += ["", f"quantities not in their source: {report.ungrounded} of {report.quantities}"]
    if report.mismatches:
        lines += ["", f"mismatches ({len(report.mismatches)}): file  field  expected -> got"]
        lines += [f"  {m.file}  {m.field}  {_show(m.expected)} -> {_show(m.got)}" for m in report.mismatches]
    return "\n".join(lines)


def _show(value: Any) -> str:
    return "–" if value is None else str(value)
