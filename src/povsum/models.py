"""The output contract (schema_version "1"). These models are the single source of truth:
the JSON Schema in ``schemas/`` is generated from them (``povsum schema``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, field_serializer

from povsum.contract import MEASURE_CATEGORIES, SNAPSHOT_FIELDS, SNAPSHOT_QUANTITIES, SnapshotField

SCHEMA_VERSION = "1"

Level = Literal["national", "province", "prefecture", "county", "district", "township", "village"]
Approx = Literal["about", "over", "under"]
Script = Literal["simplified", "traditional"]
# empty: nothing to check (no figure, funding or measure was found): not a verified summary.
Status = Literal["verified", "partial", "failed", "empty"]
ExtractorName = Literal["llm", "rules"]
MeasureCategory = Literal[MEASURE_CATEGORIES]  # type: ignore[valid-type]  # from contract.MEASURE_KINDS


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A verbatim sentence or clause of the source and where it stands in the ORIGINAL text."""

    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Quantity(_Model):
    value: float = Field(description="Normalized: people, households, yuan, percent.")
    unit: str = Field(description='"人" | "户" | "%" | "元" | "个" ...')
    text: str = Field(description='Verbatim surface form in the source, e.g. "34.18万人".')
    approx: Approx | None = None
    evidence: Evidence

    @field_serializer("value", when_used="json")
    def _whole_as_int(self, value: float) -> float | int:
        # 18802, not 18802.0: counts read as counts in JSON, and a reader of JSON sees no float.
        return int(value) if value.is_integer() else value


def _described(field: SnapshotField) -> str:
    return f"{field.en.capitalize()} ({field.zh}){'; outcome only' if field.outcome_only else ''}."


# One field per entry of ``contract.SNAPSHOT_FIELDS``: the model is built from the catalogue so a
# new field cannot be added here without the verifier, reports and prompt knowing its units and
# labels.
Snapshot = create_model(
    "Snapshot",
    __base__=_Model,
    as_of=(str | None, Field(None, description='As written: "2014", "2019年底", "截至2020年8月".')),
    **{f.name: (Quantity | None, Field(None, description=_described(f))) for f in SNAPSHOT_FIELDS},
)


class Region(_Model):
    name: str
    province: str | None = None
    prefecture: str | None = None
    county: str | None = None
    level: Level | None = None
    code: str | None = Field(
        None, description="GB/T 2260 code, filled by the verifier when the gazetteer knows the division."
    )
    evidence: Evidence


class Measure(_Model):
    category: MeasureCategory
    summary: str
    evidence: Evidence


class Funding(_Model):
    amount: Quantity = Field(description='Unit "元".')
    purpose: str | None = None
    source: str | None = Field(None, description="Who paid, when stated.")
    evidence: Evidence


class Source(_Model):
    path: str | None = None
    sha256: str
    title: str | None = None
    published: str | None = Field(None, description="ISO date.")
    publisher: str | None = None
    url: str | None = None
    script: Script = "simplified"
    warnings: list[str] = Field(default_factory=list)


# A failure whose reason starts with this flags a consistency problem: the field is kept.
FLAG = "flag: "


class Failure(_Model):
    field: str = Field(description='Dotted path of the rejected field, e.g. "baseline.people".')
    text: str
    reason: str

    @property
    def is_flag(self) -> bool:
        """A consistency flag (the field was kept), not a removal."""
        return self.reason.startswith(FLAG)


class Verification(_Model):
    status: Status = "verified"
    checked: int = 0
    failures: list[Failure] = Field(default_factory=list)


class Usage(_Model):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = Field(0, description="Prompt tokens the provider served from its prefix cache.")


class ExtractorInfo(_Model):
    name: ExtractorName
    model: str | None = None
    prompt_version: str | None = None
    attempts: int = 1
    usage: Usage | None = Field(None, description="Tokens the answer cost when it was asked for.")
    cached: bool = Field(False, description="The answer came from the cache: no tokens were spent now.")
    chunks: int = Field(1, description="Parts a long article was read in, one request each (chunk_chars).")
    reasked: list[str] = Field(
        default_factory=list,
        description="Fields whose value came from a re-ask, which asks only for the fields that failed; "
        "the others are from the first answer.",
    )


class Agreement(_Model):
    """``--extractor both``: how the model's and the rules' readings of one field compare."""

    field: str = Field(description='"region", "baseline.people", "funding", "measures", ...')
    status: Literal["agree", "disagree", "llm_only", "rules_only"]
    llm: str | None = Field(None, description="The model's value as written.")
    rules: str | None = Field(None, description="The rules' value as written.")


class ArticleSummary(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    region: Region | None = None
    baseline: Snapshot | None = None
    outcome: Snapshot | None = None
    measures: list[Measure] = Field(default_factory=list)
    funding: list[Funding] = Field(default_factory=list)
    verification: Verification = Field(default_factory=Verification)
    extractor: ExtractorInfo
    agreement: list[Agreement] = Field(
        default_factory=list, description="Per field, the model against the rules (--extractor both)."
    )

    def quantities(self) -> Iterator[tuple[str, Quantity]]:
        """Every number in the summary with its dotted path, e.g. ("baseline.people", q)."""
        for part in ("baseline", "outcome"):
            snapshot = getattr(self, part)
            for name in SNAPSHOT_QUANTITIES:
                if snapshot is not None and (quantity := getattr(snapshot, name)) is not None:
                    yield f"{part}.{name}", quantity
        for i, item in enumerate(self.funding):
            yield f"funding[{i}].amount", item.amount
