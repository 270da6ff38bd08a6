"""The request and response bodies of the service beyond ``ArticleSummary`` itself; the OpenAPI
document is generated from them."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from povsum.models import ArticleSummary

__all__ = ["ArticleIn", "BatchProblem", "BatchSummary", "Health", "Problem", "VerifyIn"]


def _unicode(text: str) -> str:
    # JSON may escape a lone surrogate (\ud800); it is no character and has no UTF-8 form.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("holds a lone surrogate escape, which is not Unicode text") from None
    return text


Text = Annotated[str, AfterValidator(_unicode)]


class ArticleIn(BaseModel):
    """One article as JSON; one line of a batch."""

    model_config = ConfigDict(extra="forbid")

    text: Text = Field(description="The article, plain text or an HTML page.")
    title: Text | None = Field(None, description="The headline, when the text lacks it or states it badly.")
    url: Text | None = Field(None, description="Where the article was published.")


class VerifyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    summary: ArticleSummary = Field(description="A summary from any tool.")
    text: Text = Field(description="The article it claims to summarize.")


class Problem(BaseModel):
    """Every error body: one line saying what went wrong."""

    detail: str = Field(examples=["the input is empty"])


class BatchSummary(BaseModel):
    """A line of the batch answer: the summary of input line ``line`` (1-based)."""

    line: int
    status: Literal[200] = 200
    summary: ArticleSummary


class BatchProblem(BaseModel):
    """A line of the batch answer: why input line ``line`` got no summary, with the status that
    ``POST /v1/summaries`` would have answered."""

    line: int
    status: int
    detail: str


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str
    extractor: str
    workers: int
