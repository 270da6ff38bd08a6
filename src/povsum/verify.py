"""Deterministic verification: every number, quote and region must be provable from the source.

Rules (DESIGN.md): a Quantity's ``text`` lies inside its evidence quote, the quote is what the
original text reads as at ``start:end`` after normalization, and parsing ``text`` gives ``value``
in a unit that fits the field. What fails is removed and listed in ``verification.failures``.
Consistency problems between fields are flagged (listed with a ``flag:`` reason) but not dropped.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from povsum.contract import AMOUNT_UNITS, FIELDS, SNAPSHOT_FIELDS
from povsum.document import Document
from povsum.models import (
    FLAG,
    ArticleSummary,
    Evidence,
    Failure,
    Funding,
    Measure,
    Quantity,
    Region,
    Snapshot,
    Verification,
)
from povsum.numbers import NOT_A_GROUPS_TAIL, NumberParseError, find_quantities, parse_quantity, plain_number
from povsum.planted import Planted, find_planted
from povsum.regions import NATIONAL_NAMES, Division, gazetteer, local_level, name_forms

_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
# A character before a number's first digit that makes it the tail of a longer number:
# "二十人" inside "一百二十人", "000人" inside "1,000人", "5千元" inside "2万5千元".
_NUMERAL = frozenset("0123456789.零〇一二两三四五六七八九十百千万亿")
# These continue a number only right after one ("十几万", "3.5", "二十余"): 剩余 is a word.
_NUMERAL_JOINERS = frozenset("点几多余")
_THOUSANDS = frozenset(",，")
_NOT_A_GROUPS_TAIL = re.compile(NOT_A_GROUPS_TAIL)
_DIGIT_RUN = re.compile(r"\d+(?:\.\d+)?")
QUOTE_PLANTED = "quote is from an instruction planted in the article"
REGION_PLANTED = "region is named only in an instruction planted in the article"
# Free text longer than this is not a summary, a purpose or a payer: it is removed.
MAX_CHARS = {"summary": 200, "purpose": 200, "source": 80, "region": 40}


@dataclass
class _Checker:
    document: Document
    planted: Planted
    failures: list[Failure] = field(default_factory=list)
    checked: int = 0
    removed: int = 0

    def fail(self, path: str, text: str, reason: str, *, removed: bool = True) -> None:
        self.failures.append(Failure(field=path, text=text, reason=reason))
        self.removed += removed

    def evidence_problem(self, evidence: Evidence) -> str | None:
        original = self.document.original
        if not evidence.quote.strip():
            return "empty quote"
        if not 0 <= evidence.start < evidence.end <= len(original):
            return f"offsets {evidence.start}:{evidence.end} outside the source ({len(original)} chars)"
        found = self.document.text_between(evidence.start, evidence.end)
        quote = self.document.normalize(evidence.quote)
        if found != quote:
            if quote in self.document.text:
                return f"quote is in the source but not at {evidence.start}:{evidence.end}"
            return "quote not found in the source"
        if self.planted.covers(evidence.start, evidence.end):
            return QUOTE_PLANTED
        return None

    def ungrounded_numbers(self, text: str) -> list[str]:
        """Numbers in free text (a summary, a purpose) that the source does not contain."""
        source = self.document.text
        normalized = self.document.normalize(text)
        quantities = [m.text for m in find_quantities(normalized)]
        numbers = [m.group() for m in _DIGIT_RUN.finditer(normalized)]
        missing = [q for q in quantities if not _stands_in(q, source)]
        return missing + [n for n in numbers if not _number_in(n, source) and n not in "".join(missing)]

    def free_text(self, path: str, text: str | None, kind: str) -> str | None:
        """``text`` if it is of a sane length and every number in it is in the source."""
        if text is None:
            return None
        self.checked += 1
        if len(text) > MAX_CHARS[kind]:
            self.fail(path, text[:40], f"{kind} longer than {MAX_CHARS[kind]} characters")
            return None
        if missing := self.ungrounded_numbers(text):
            self.fail(path, text[:40], f"numbers not in the source: {', '.join(missing[:3])}")
            return None
        return text

    def check_evidence(self, path: str, evidence: Evidence, label: str) -> bool:
        self.checked += 1
        problem = self.evidence_problem(evidence)
        if problem:
            self.fail(path, label or evidence.quote[:40], problem)
        return problem is None

    def quantity(self, path: str, quantity: Quantity | None, kind: str) -> Quantity | None:
        if quantity is None:
            return None
        self.checked += 1
        problem = self.quantity_problem(quantity, kind)
        if problem:
            self.fail(path, quantity.text, problem)
            return None
        # Stored as the source writes it (the model may have typed "３０００户" for "3000户"),
        # with the quote exactly as the source reads at its offsets.
        quote = self.document.text_between(quantity.evidence.start, quantity.evidence.end)
        text = self.document.normalize(quantity.text)
        evidence = quantity.evidence.model_copy(update={"quote": quote})
        return quantity.model_copy(
            update={"text": text, "approx": parse_quantity(text).approx, "evidence": evidence}
        )

    def quantity_problem(self, quantity: Quantity, kind: str) -> str | None:
        if (problem := self.evidence_problem(quantity.evidence)) is not None:
            return problem
        text = self.document.normalize(quantity.text)
        if not _stands_in(text, self.document.normalize(quantity.evidence.quote)):
            return f"text {quantity.text!r} is not inside its quote"
        try:
            parsed = parse_quantity(text)
        except NumberParseError as exc:
            return f"text does not parse as a quantity: {exc}"
        if not math.isclose(parsed.value, quantity.value, rel_tol=1e-9, abs_tol=1e-9):
            return (
                f"value {plain_number(quantity.value)} does not match its text"
                f" (which reads {plain_number(parsed.value)})"
            )
        spec = FIELDS.get(kind)
        fits = spec.fits(parsed.unit, text, parsed.value) if spec is not None else parsed.unit in AMOUNT_UNITS
        if not fits:
            return f"unit {parsed.unit or 'none'!r} does not fit {kind}"
        if spec is not None and spec.is_rate and not 0 <= parsed.value <= 100:
            return f"rate {plain_number(parsed.value)}% is outside 0..100"
        return None

    def snapshot(self, path: str, snapshot: Snapshot | None) -> Snapshot | None:
        if snapshot is None:
            return None
        kept: dict[str, object] = {
            name: self.quantity(f"{path}.{name}", getattr(snapshot, name), name) for name in FIELDS
        }
        for name, quantity in kept.items():
            if isinstance(quantity, Quantity) and (doubt := _doubt(quantity)) is not None:
                self.fail(f"{path}.{name}", quantity.text, FLAG + doubt, removed=False)
        if snapshot.as_of is not None:
            self.checked += 1
            if self.document.normalize(snapshot.as_of) not in self.document.text:
                self.fail(f"{path}.as_of", snapshot.as_of, "as_of is not written in the source")
                kept["as_of"] = None
        return snapshot.model_copy(update=kept)

    def region(self, region: Region | None) -> Region | None:
        if region is None:
            return None
        if not self.check_evidence("region", region.evidence, region.name):
            return None
        self.checked += 1
        if len(region.name) > MAX_CHARS["region"]:
            self.fail("region", region.name[:40], f"region longer than {MAX_CHARS['region']} characters")
            return None
        forms = name_forms(region.name)
        if not any(name in self.document.text for name in forms):
            self.fail("region", region.name, "region is not named in the source")
            return None
        if not any(name in self.planted.reported for name in forms):
            self.fail("region", region.name, REGION_PLANTED)
            return None
        divisions = gazetteer().by_name(region.name)
        if not divisions and region.name not in NATIONAL_NAMES and local_level(region.name) is None:
            self.fail("region", region.name, "not a known division, nor a township or village name")
            return None
        return self.region_parents(region, divisions)

    def region_parents(self, region: Region, divisions: list[Division]) -> Region:
        """Province, prefecture, county and level that contradict the gazetteer are removed."""
        if not divisions:
            return region
        wrong: dict[str, None] = {}
        for part in ("province", "prefecture", "county"):
            stated = getattr(region, part)
            if stated is None:
                continue
            self.checked += 1
            known = {getattr(d, part) for d in divisions} - {None}
            if known and not any(stated in name_forms(k) for k in known):
                self.fail(f"region.{part}", stated, f"{region.name} is not in {stated}")
                wrong[part] = None
        self.checked += region.level is not None
        if region.level is not None and region.level not in {d.level for d in divisions}:
            self.fail("region.level", region.level, f"{region.name} is not at level {region.level}")
            wrong["level"] = None
        kept = region.model_copy(update=wrong)
        return kept.model_copy(update={"code": _code(kept, divisions)})

    def measures(self, measures: list[Measure]) -> list[Measure]:
        return [
            m
            for i, m in enumerate(measures)
            if self.check_evidence(f"measures[{i}]", m.evidence, m.summary[:40])
            and self.free_text(f"measures[{i}].summary", m.summary, "summary") is not None
        ]

    def funding(self, items: list[Funding]) -> list[Funding]:
        kept: list[Funding] = []
        for i, item in enumerate(items):
            path = f"funding[{i}]"
            amount = self.quantity(f"{path}.amount", item.amount, "amount")
            if amount is not None and self.check_evidence(path, item.evidence, item.amount.text):
                # A purpose or payer that cannot be proven goes; the proven amount stays.
                purpose = self.free_text(f"{path}.purpose", item.purpose, "purpose")
                source = self.free_text(f"{path}.source", item.source, "source")
                kept.append(item.model_copy(update={"amount": amount, "purpose": purpose, "source": source}))
        return kept

    def flag_consistency(self, baseline: Snapshot | None, outcome: Snapshot | None) -> None:
        for path, snap in (("baseline", baseline), ("outcome", outcome)):
            if snap and snap.as_of:
                for year in map(int, _YEAR.findall(snap.as_of)):
                    if not 1978 <= year <= dt.date.today().year + 1:
                        self.fail(
                            f"{path}.as_of", snap.as_of, FLAG + f"implausible year {year}", removed=False
                        )
        if not (baseline and outcome):
            return
        for name in (f.name for f in SNAPSHOT_FIELDS if f.decreasing):
            before, after = getattr(baseline, name), getattr(outcome, name)
            if before and after and after.value > before.value:
                self.fail(
                    f"outcome.{name}",
                    after.text,
                    FLAG + f"outcome {after.text} exceeds baseline {before.text}",
                    removed=False,
                )
        people_before, people_after, lifted = baseline.people, outcome.people, outcome.people_lifted
        if people_before and people_after and lifted:
            difference = people_before.value - people_after.value
            if not math.isclose(difference, lifted.value, rel_tol=0.01):
                self.fail(
                    "outcome.people_lifted",
                    lifted.text,
                    FLAG + f"baseline {people_before.text} - outcome {people_after.text}"
                    f" = {plain_number(difference)}, but {lifted.text} lifted is stated",
                    removed=False,
                )


def _stands_in(text: str, quote: str) -> bool:
    """``text`` occurs in ``quote`` as a whole quantity: not the tail of a longer number (in
    Arabic or Chinese numerals) and not the head of a longer quantity (5万人 of 5万人次).

    >>> _stands_in("18802人", "共有贫困人口4352户18802人"), _stands_in("4.18万人", "人口34.18万人")
    (True, False)
    >>> _stands_in("二十人", "贫困人口一百二十人"), _stands_in("5万人", "培训5万人次")
    (False, False)
    >>> _stands_in("300万元", "每村投入300万元以上")
    True
    """
    if not text:
        return False
    try:
        own = parse_quantity(text)
    except NumberParseError:
        own = None
    for m in re.finditer(re.escape(text), quote):
        start, end = m.span()
        if text[0] in _NUMERAL and _continues_a_number(quote, start):
            continue
        # A longer quantity around the text that reads otherwise (another value or unit); one that
        # only adds a qualifier (300万元以上) reads the same. No quantity holds a line break, so the
        # line's own quantities are the quote's there (a whole source is not scanned for one
        # number); they do not overlap: only the last one starting at or before the text can hold it.
        line = quote.rfind("\n", 0, start) + 1
        line_end = quote.find("\n", end)
        starts, quantities = _quantities_in(quote[line : len(quote) if line_end < 0 else line_end + 1])
        i = bisect_right(starts, start - line) - 1
        if i >= 0:
            s, e, value, unit = quantities[i]
            around = end - line <= e and (s, e) != (start - line, end - line)
            if around and (own is None or (value, unit) != (own.value, own.unit)):
                continue
        return True
    return False


def _code(region: Region, divisions: list[Division]) -> str | None:
    """The GB/T 2260 code of the one division ``region`` can be: the name's divisions narrowed by
    the parents and level it states; None while homonyms remain (a guess would merge two places)."""
    matching = [
        d
        for d in divisions
        if all(
            getattr(region, part) is None or getattr(region, part) in name_forms(getattr(d, part) or "")
            for part in ("province", "prefecture")
        )
        and region.level in (None, d.level)
    ]
    # The gazetteer keeps codes at their level's length (46, 4601, 460105); GB/T 2260 writes six digits.
    return matching[0].code.ljust(6, "0") if len(matching) == 1 and matching[0].code else None


# The clause around a baseline or outcome figure that makes it doubtful: proven, but maybe not a
# count of the poor at all. Flagged for a reader, never removed.
DOUBTS: dict[str, re.Pattern[str]] = {
    "a target or plan": re.compile(r"计划|目标|力争|确保|预计|将要|争取|(?<!完成)(?<!完成了)任务"),
    # "全部达到脱贫标准" says people reached it: that is an exit, not a line.
    "a poverty line or standard": re.compile(r"贫困线|(?<!达到)(?<!达)(?<!达到省定)(?:脱贫|扶贫|低保)标准"),
    "an income": re.compile(r"收入|可支配"),
}
_CLAUSE_ENDS = ",，;；。！？!?"
_CLAUSE_END = re.compile(f"[{_CLAUSE_ENDS}]")


def _doubt(quantity: Quantity) -> str | None:
    """Why the clause holding the figure makes it doubtful, or None.

    >>> ev = Evidence(quote="全县共有贫困人口800人,力争500人脱贫", start=0, end=20)
    >>> _doubt(Quantity(value=500, unit="人", text="500人", evidence=ev))
    'the clause reads as a target or plan (力争)'
    >>> _doubt(Quantity(value=800, unit="人", text="800人", evidence=ev)) is None
    True
    >>> ev = Evidence(quote="全县1.2万人全部达到脱贫标准", start=0, end=15)
    >>> _doubt(Quantity(value=12000, unit="人", text="1.2万人", evidence=ev)) is None
    True
    """
    quote = quantity.evidence.quote
    at = quote.find(quantity.text)
    if at < 0:
        return None
    start = max(quote.rfind(c, 0, at) for c in _CLAUSE_ENDS) + 1
    end = _CLAUSE_END.search(quote, at)
    clause = quote[start : end.start() if end else len(quote)]
    for what, cue in DOUBTS.items():
        if (m := cue.search(clause)) is not None:
            return f"the clause reads as {what} ({m.group()})"
    return None


@lru_cache(maxsize=4096)
def _quantities_in(text: str) -> tuple[tuple[int, ...], tuple[tuple[int, int, float, str], ...]]:
    """The quantities of ``text`` (start, end, value, unit), left to right and non-overlapping, and
    their starts. The same quote (and the whole source, for free text) is checked for many figures."""
    found = tuple((m.start, m.end, m.parsed.value, m.parsed.unit) for m in find_quantities(text))
    return tuple(q[0] for q in found), found


def _continues_a_number(quote: str, start: int) -> bool:
    """Whether a number starting at ``quote[start]`` would be the tail of a longer one.

    >>> _continues_a_number("一百二十人", 2), _continues_a_number("剩余1680人", 2)
    (True, False)
    >>> _continues_a_number("1,000人", 2), _continues_a_number("二十余万人", 3)
    (True, True)
    >>> _continues_a_number("降为0,12个贫困村", 4), _continues_a_number("百分之0.56,104个", 8)
    (False, False)
    >>> _continues_a_number("投入几十万元", 3)  # 几十万 is vague, never 十万
    True
    """
    before = quote[start - 1] if start else ""
    earlier = quote[start - 2] if start > 1 else ""
    if before in _NUMERAL or (before == "几" and quote[start] in _NUMERAL):
        return True
    if before in _NUMERAL_JOINERS:
        return earlier in _NUMERAL
    # "25,586户": a group after its mark; not "降为0,12个" or "0.56,104个" (the count grammar's rule).
    return before in _THOUSANDS and _NOT_A_GROUPS_TAIL.match(quote.replace("，", ","), start) is None


def _number_in(number: str, text: str) -> bool:
    """``number`` (digits) occurs in ``text`` as a whole number.

    >>> _number_in("7488", "投入7488万元"), _number_in("488", "投入7488万元"), _number_in("7.5", "7.53%")
    (True, False, False)
    """
    return re.search(rf"(?<![\d.]){re.escape(number)}(?!\.?\d)", text) is not None


def verify(summary: ArticleSummary, document: Document) -> ArticleSummary:
    """Check every number, quote and the region of ``summary`` against ``document``.

    Works on a summary from any extractor or an old JSON file. Returns a new summary holding only
    what could be proven; what was removed is listed in ``verification.failures``.
    """
    if not isinstance(summary, ArticleSummary):
        raise TypeError(
            f"verify() checks an ArticleSummary, not {type(summary).__name__}"
            " (ArticleSummary.model_validate_json reads one from JSON)"
        )
    if not isinstance(document, Document):
        raise TypeError(
            f"verify() checks against the source as a Document, not {type(document).__name__}"
            " (Document.from_path(path) reads a file)"
        )
    checker = _Checker(document, find_planted(document))
    if summary.source.sha256 and summary.source.sha256 != document.sha256:
        # Checked against this text all the same, but the summary says it was made from another.
        claimed, given = summary.source.sha256[:12], document.sha256[:12]
        why = f"{FLAG}the summary was made from another text (sha256 {claimed}…; this source's is {given}…)"
        checker.fail("source.sha256", summary.source.sha256, why, removed=False)
    previous = [f for f in summary.verification.failures if not f.is_flag]
    region = checker.region(summary.region)
    baseline = checker.snapshot("baseline", summary.baseline)
    outcome = checker.snapshot("outcome", summary.outcome)
    measures = checker.measures(summary.measures)
    funding = checker.funding(summary.funding)
    checker.flag_consistency(baseline, outcome)
    removed = checker.removed + len(previous)
    kept = checker.checked - checker.removed
    found = any(getattr(part, name) is not None for part in (baseline, outcome) if part for name in FIELDS)
    if removed == 0 and not (found or measures or funding):
        status = "empty"  # a region alone, or nothing: no poverty figures to vouch for
    elif removed == 0:
        status = "verified"
    elif kept > 0:
        status = "partial"
    else:
        status = "failed"
    verification = Verification(
        status=status, checked=checker.checked + len(previous), failures=previous + checker.failures
    )
    return summary.model_copy(
        update={
            "region": region,
            "baseline": baseline,
            "outcome": outcome,
            "measures": measures,
            "funding": funding,
            "verification": verification,
        }
    )
