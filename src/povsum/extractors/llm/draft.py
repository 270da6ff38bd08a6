"""The lean answer the model gives, and its conversion into the output contract.

The model only copies text: a region name, and for each figure the verbatim number and the
verbatim quote around it. Code finds the quote's offsets (``Document.locate``), parses the value
(``parse_quantity``) and builds the ``ArticleSummary``; the model never computes anything.

Grounding runs as a pydantic validator, so each answer is converted and verified as instructor
parses it; the extractor then re-asks for the fields the verifier could not prove. The document
reaches the validator through a context variable bound around one call (``grounded_in``), not
through instructor's ``context=``, which would also run every message, article included, through
Jinja. A per-call subclass of the model would work too, but instructor caches tool schemas per
class (lru_cache of 256), which would keep the last 256 articles alive.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Annotated, Any, Self, cast, get_args

from instructor import response_schema
from pydantic import BaseModel, BeforeValidator, Field, create_model, model_validator

from povsum.contract import BASELINE_QUANTITIES, MEASURE_CATEGORIES, SNAPSHOT_FIELDS, SNAPSHOT_QUANTITIES
from povsum.document import Document
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

__all__ = ["ArticleDraft", "GrammarDraft", "Grounding", "draft_model", "grounded_in", "to_summary"]

QUOTE_NOT_FOUND = "quote not found in the source"


def compact_schema(node: Any) -> Any:
    """``node`` without titles, defaults, null alternatives, descriptions and enumerations: what a
    field means, what a quote or a text must be and which categories and levels exist is said
    once, in the system prompt (generated from the same catalogues); the validators still map an
    unknown category to "other" and drop an unknown level.

    >>> compact_schema({"title": "X", "properties": {"a": {"anyOf": [{"type": "string"}, {"type": "null"}],
    ...     "default": None, "title": "A", "description": "said in the prompt"}}})
    {'properties': {'a': {'type': 'string'}}}
    """
    if isinstance(node, list):
        return [compact_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    options = node.get("anyOf")
    if options and {"type": "null"} in options and len(options) == 2:
        (kept,) = [o for o in options if o != {"type": "null"}]
        node = {**{k: v for k, v in node.items() if k != "anyOf"}, **kept}
    lean: dict[str, Any] = {}
    for key, value in node.items():
        if key == "properties":  # field names, not schema keywords: kept whatever they are
            lean[key] = {name: compact_schema(field) for name, field in value.items()}
        elif key in ("title", "default", "description", "enum"):
            continue  # said once, in the system prompt
        else:
            lean[key] = compact_schema(value)
    return lean


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every ``$ref`` replaced by the definition it names and ``$defs`` gone:
    the shape grammar-constrained decoders (Ollama, vLLM, llama.cpp) follow reliably.

    >>> inline_refs({"$defs": {"F": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/F"}}})
    {'properties': {'a': {'type': 'string'}}}
    """
    defs = schema.get("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, list):
            return [resolve(item) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:  # the drafts are not recursive, so this ends
            return resolve(defs[node["$ref"].removeprefix("#/$defs/")])
        return {key: resolve(value) for key, value in node.items() if key != "$defs"}

    return resolve(schema)


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


# One draft for both snapshots, built from the field catalogue, so the model is asked for exactly
# the fields the contract has and the schema states them once; an outcome-only field given for
# the baseline is left out by the conversion.
SnapshotDraft = create_model(
    "SnapshotDraft",
    as_of=(str | None, Field(None, description="原文写的时间，照抄，如“2014年”“截至2020年8月”")),
    **{f.name: (Figure | None, Field(None, description=f.meaning)) for f in SNAPSHOT_FIELDS},
)


class MeasureDraft(BaseModel):
    category: Annotated[MeasureCategory, BeforeValidator(_category)]
    summary: str = Field(description="一句简短的中文概括")
    quote: str = Field(description="支持它的一句原文，逐字复制")


class FundingDraft(BaseModel):
    amount: Figure = Field(description="以“元”计的金额，如“7488万元”")
    purpose: str | None = None
    source: str | None = Field(None, description="出资方，原文写明才填")


# The lean schema by model and arguments (see ArticleDraft.model_json_schema).
_SCHEMAS: dict[tuple[object, ...], dict[str, Any]] = {}


class ArticleDraft(BaseModel):
    """脱贫攻坚报道的结构化摘要：地区、基线、成效、措施和资金。"""

    region: RegionDraft | None = None
    baseline: SnapshotDraft | None = Field(None, description="扶贫起点的贫困状况")
    outcome: SnapshotDraft | None = Field(None, description="最近已经达到的状况（不是目标）")
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

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:  # type: ignore[override]
        """The schema the model is sent: lean (no titles, defaults or null alternatives: an
        optional field is one left out), with the guidance kept once, in the system prompt.

        Built once per process: instructor asks for it with every request in the JSON modes. Each
        caller gets its own copy, free to change it."""
        key = (cls, args, tuple(sorted(kwargs.items())))
        lean = _SCHEMAS.get(key)
        if lean is None:
            full = super().model_json_schema(*args, **kwargs)
            # The top title and description name the tool and say what it is for.
            lean = {**compact_schema(full), "title": full["title"], "description": full["description"]}
            _SCHEMAS[key] = lean
        return copy.deepcopy(lean)

    @model_validator(mode="after")
    def _proven(self) -> Self:
        grounding = _GROUNDING.get()
        if grounding is not None:
            grounding.check(self)
        return self


class _Inlined:
    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The lean schema with its definitions inlined: servers that enforce a ``json_schema``
        by a grammar fall back to unconstrained output on ``$ref`` (Ollama) and ``anyOf`` with
        null; the lean schema already states an optional field by leaving it out of ``required``."""
        return inline_refs(super().model_json_schema(*args, **kwargs))  # type: ignore[misc]


# The draft for json_schema servers: the same model under the same name (instructor names the
# schema after the class), only the schema's layout differs.
GrammarDraft: type[ArticleDraft] = create_model(
    "ArticleDraft", __base__=(_Inlined, ArticleDraft), __doc__=ArticleDraft.__doc__
)


@functools.cache
def draft_model(mode: str) -> type[ArticleDraft]:
    """The answer model for an instructor mode: the inlined schema where the server enforces it.

    Wrapped once per process as instructor's ResponseSchema: instructor (1.17) wraps a model that
    is not one in a new subclass with every request, so the schema was built again each time (a
    third of the client's CPU) and ``_SCHEMAS`` kept one more class and schema per request."""
    return cast(type[ArticleDraft], response_schema(GrammarDraft if mode == "json_schema" else ArticleDraft))


@dataclass
class Grounding:
    """One reading's document; it keeps every answer that could be converted, and its
    verification, so nothing proven is lost when a later answer is worse or unreadable."""

    document: Document
    # Every answer that could be converted, as (draft, verified), in order.
    answers: list[tuple[ArticleSummary, ArticleSummary]] = field(default_factory=list)

    def check(self, draft: ArticleDraft) -> None:
        """Remember the converted and verified answer; raise if the verifier rejected any of it
        (the extractor then re-asks for those fields). This is the one verification of each answer."""
        converted = to_summary(draft, self.document)
        verified = verify(converted, self.document)
        self.answers.append((converted, verified))
        failures = [f for f in verified.verification.failures if not f.is_flag]
        if failures:
            raise ValueError(f"{len(failures)} part(s) of the answer could not be proven")


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

    def snapshot(self, path: str, draft: SnapshotDraft | None) -> Snapshot | None:
        if draft is None:
            return None
        names = SNAPSHOT_QUANTITIES if path == "outcome" else BASELINE_QUANTITIES
        figures = {name: self.quantity(f"{path}.{name}", getattr(draft, name)) for name in names}
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
