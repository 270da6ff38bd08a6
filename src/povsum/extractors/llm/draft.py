"""The lean answer the model gives, and its conversion into the output contract.

The model only copies text: a region name, and for each figure the verbatim number and the
verbatim quote around it. Code finds the quote's offsets (``Document.locate``), parses the value
(``parse_quantity``) and builds the ``ArticleSummary``; the model never computes anything.

Grounding runs as a pydantic validator, so inside instructor's retry loop a figure the verifier
cannot prove becomes a re-ask with the verifier's reasons. The document reaches the validator
through a context variable bound around one call (``grounded_in``), not through instructor's
``context=``, which would also run every message, article included, through Jinja. A per-call
subclass of the model would work too, but instructor caches tool schemas per class (lru_cache of
256), which would keep the last 256 articles alive.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Annotated, Any, Self, get_args

from pydantic import BaseModel, BeforeValidator, Field, create_model, model_validator

from povsum.contract import MEASURE_CATEGORIES, SNAPSHOT_FIELDS, SNAPSHOT_QUANTITIES
from povsum.document import Document
from povsum.extractors.llm.prompts import Prompts
from povsum.extractors.llm.tolerant import figure_text, locate_quote, tolerant_shape
from povsum.models import (
    ArticleSummary,
    Evidence,
    ExtractorInfo,
    Failure,
    Funding,
    Level,
    Measure,
    MeasureCategory,
    Quantity,
    Region,
    Snapshot,
    Verification,
)
from povsum.numbers import NumberParseError, parse_quantity
from povsum.verify import verify

__all__ = ["ArticleDraft", "Grounding", "grounded_in", "to_summary"]

QUOTE_NOT_FOUND = "quote not found in the source"


def _category(value: Any) -> Any:
    # An unknown category is not worth a re-ask: the measure is kept as "other".
    return value if value in MEASURE_CATEGORIES or not isinstance(value, str) else "other"


def _level(value: Any) -> Any:
    # A level outside the contract ("city") is dropped rather than re-asked.
    return value if value in get_args(Level) else None


class Figure(BaseModel):
    text: str = Field(description="原文中逐字出现的数字连同单位，如“34.18万人”“18.16%”“1.5亿元”")
    quote: str = Field(description="包含该数字的原文句子或分句，逐字复制")


class RegionDraft(BaseModel):
    name: str = Field(description="文章主要报道的地区，用原文写法，如“海口市”")
    province: str | None = None
    prefecture: str | None = None
    county: str | None = None
    level: Annotated[Level | None, BeforeValidator(_level)] = None
    quote: str = Field(description="提到该地区的一句原文，逐字复制")


def _figures(*, outcome_only: bool) -> dict[str, Any]:
    return {
        f.name: (Figure | None, Field(None, description=f.meaning))
        for f in SNAPSHOT_FIELDS
        if f.outcome_only == outcome_only
    }


# Built from the field catalogue, so the model is asked for exactly the fields the contract has.
BaselineDraft = create_model(
    "BaselineDraft",
    as_of=(str | None, Field(None, description="原文写的时间，照抄，如“2014年”“截至2020年8月”")),
    **_figures(outcome_only=False),
)
OutcomeDraft = create_model("OutcomeDraft", __base__=BaselineDraft, **_figures(outcome_only=True))


class MeasureDraft(BaseModel):
    category: Annotated[MeasureCategory, BeforeValidator(_category)]
    summary: str = Field(description="一句简短的中文概括")
    quote: str = Field(description="支持它的一句原文，逐字复制")


class FundingDraft(BaseModel):
    amount: Figure = Field(description="以“元”计的金额，如“7488万元”")
    purpose: str | None = None
    source: str | None = Field(None, description="出资方，原文写明才填")


class ArticleDraft(BaseModel):
    """脱贫攻坚报道的结构化摘要：地区、基线、成效、措施和资金。"""

    region: RegionDraft | None = None
    baseline: BaselineDraft | None = Field(None, description="扶贫起点的贫困状况")
    outcome: OutcomeDraft | None = Field(None, description="最近已经达到的状况（不是目标）")
    measures: list[MeasureDraft] = Field(default_factory=list)
    funding: list[FundingDraft] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _about_this_schema(cls, data: Any) -> Any:
        data = tolerant_shape(data, frozenset(cls.model_fields))
        # JSON with none of these fields answers another question: without this check it would
        # pass as an article with nothing in it. An empty object is a valid "nothing found".
        if isinstance(data, dict) and data and not data.keys() & cls.model_fields.keys():
            got = ", ".join(map(str, data))[:100]
            raise ValueError(f"none of the expected fields ({', '.join(cls.model_fields)}); got: {got}")
        return data

    @model_validator(mode="after")
    def _proven(self) -> Self:
        grounding = _GROUNDING.get()
        if grounding is not None:
            grounding.check(self)
        return self


@dataclass
class Grounding:
    """One extraction's document; it keeps the latest answer that could be converted, and its
    verification, so the summary survives even when the re-asks run out."""

    document: Document
    prompts: Prompts
    # Every answer that could be converted, as (draft, verified), in order.
    answers: list[tuple[ArticleSummary, ArticleSummary]] = field(default_factory=list)

    def check(self, draft: ArticleDraft) -> None:
        """Remember the converted and verified answer; raise (a re-ask) if the verifier rejected
        any of it. This is the one verification of each answer."""
        converted = to_summary(draft, self.document)
        verified = verify(converted, self.document)
        self.answers.append((converted, verified))
        failures = [f for f in verified.verification.failures if not f.is_flag]
        if failures:
            raise ValueError(self.prompts.reask_message(failures, self.document))

    def best(self) -> tuple[ArticleSummary, ArticleSummary] | None:
        """The answer that proved the most (the latest of equals): a re-ask that makes things
        worse never replaces a better earlier answer. One whole answer is kept, never a mix of
        attempts, so its figures come from one reading of the article."""
        if not self.answers:
            return None
        return max(reversed(self.answers), key=lambda pair: _proven(pair[1]))


def _proven(summary: ArticleSummary) -> tuple[int, int]:
    """(figures and funding kept, measures and region kept)."""
    return len(list(summary.quantities())), len(summary.measures) + (summary.region is not None)


_GROUNDING: ContextVar[Grounding | None] = ContextVar("povsum_grounding", default=None)


@contextmanager
def grounded_in(grounding: Grounding) -> Iterator[Grounding]:
    """Validate ``ArticleDraft``s against ``grounding.document`` within this block (this thread)."""
    token = _GROUNDING.set(grounding)
    try:
        yield grounding
    finally:
        _GROUNDING.reset(token)


class _Converter:
    """Builds contract objects from a draft; what cannot be built is listed as a failure."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.failures: list[Failure] = []

    def evidence(self, path: str, quote: str, label: str) -> Evidence | None:
        span = locate_quote(self.document, quote)
        if span is None:
            self.failures.append(Failure(field=path, text=label, reason=QUOTE_NOT_FOUND))
            return None
        start, end = span
        return Evidence(quote=self.document.text_between(start, end), start=start, end=end)

    def quantity(self, path: str, figure: Figure | None) -> Quantity | None:
        if figure is None:
            return None
        evidence = self.evidence(path, figure.quote, figure.text)
        if evidence is None:
            return None
        text = figure_text(self.document.normalize(figure.text), evidence.quote)
        try:
            parsed = parse_quantity(text)
        except NumberParseError as exc:
            self.failures.append(Failure(field=path, text=figure.text, reason=f"text does not parse: {exc}"))
            return None
        return Quantity(
            value=parsed.value, unit=parsed.unit, text=text, approx=parsed.approx, evidence=evidence
        )

    def region(self, draft: RegionDraft | None) -> Region | None:
        if draft is None:
            return None
        evidence = self.evidence("region", draft.quote, draft.name)
        if evidence is None:
            return None
        return Region(**draft.model_dump(exclude={"quote"}), evidence=evidence)

    def snapshot(self, path: str, draft: BaselineDraft | None) -> Snapshot | None:
        if draft is None:
            return None
        # BaselineDraft has no people_lifted: getattr gives None for it.
        figures = {
            name: self.quantity(f"{path}.{name}", getattr(draft, name, None)) for name in SNAPSHOT_QUANTITIES
        }
        return Snapshot(as_of=draft.as_of, **figures)

    def measures(self, drafts: list[MeasureDraft]) -> list[Measure]:
        measures = []
        for i, m in enumerate(drafts):
            evidence = self.evidence(f"measures[{i}]", m.quote, m.summary[:40])
            if evidence is not None:
                measures.append(Measure(category=m.category, summary=m.summary, evidence=evidence))
        return measures

    def funding(self, drafts: list[FundingDraft]) -> list[Funding]:
        funding = []
        for i, f in enumerate(drafts):
            amount = self.quantity(f"funding[{i}].amount", f.amount)
            if amount is not None:
                funding.append(
                    Funding(amount=amount, purpose=f.purpose, source=f.source, evidence=amount.evidence)
                )
        return funding


def to_summary(draft: ArticleDraft, document: Document) -> ArticleSummary:
    """A draft summary (not yet verified) of ``document`` from the model's answer.

    Figures whose quote is not in the document or whose text does not parse are left out and
    listed in ``verification.failures``, where ``verify`` keeps them.
    """
    convert = _Converter(document)
    return ArticleSummary(
        source=document.source_info(),
        region=convert.region(draft.region),
        baseline=convert.snapshot("baseline", draft.baseline),
        outcome=convert.snapshot("outcome", draft.outcome),
        measures=convert.measures(draft.measures),
        funding=convert.funding(draft.funding),
        verification=Verification(failures=convert.failures),
        extractor=ExtractorInfo(name="llm"),
    )
