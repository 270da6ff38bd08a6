"""The HTTP API: the routes, their error bodies and the OpenAPI document.

Every error body is ``{"detail": "one line"}``: the reason the CLI would print for the same
article, never a traceback. A summary is the JSON ``povsum run`` writes, byte for byte, except
``source.path``, which is null (the service reads no file).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from functools import cache
from importlib.metadata import version
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, ValidationError

from povsum.models import ArticleSummary
from povsum.pipeline import Summarizer
from povsum.schema import schema_texts
from povsum.service.engine import Engine, Rejected, Summarize, Verify
from povsum.service.guards import AccessLog, BodyLimit, require_token
from povsum.service.messages import ArticleIn, BatchProblem, BatchSummary, Health, Problem, VerifyIn
from povsum.service.options import ServiceOptions
from povsum.summaries import summary_json

__all__ = ["create_app"]

log = logging.getLogger("povsum.service")

JSON = "application/json"
NDJSON = "application/x-ndjson"
RAW_TYPES = ("text/plain", "text/html", "text/markdown")


class NDJSONResponse(StreamingResponse):
    media_type = NDJSON


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    meaning = {
        400: "the article cannot be read (empty, binary, undecodable) or the JSON is malformed",
        401: "the server has a token and the request does not carry it",
        413: "the article is over --max-bytes or the body over --max-body",
        415: "the body is neither JSON nor a text upload",
        422: "the JSON does not have the documented fields",
        502: "the LLM endpoint failed or gave no usable answer",
        503: "the LLM endpoint is rate limited or unreachable, or a worker died",
        504: "no result within --request-timeout, or the LLM endpoint timed out",
    }
    return {status: {"model": Problem, "description": meaning[status]} for status in statuses}


def _request_body(content: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": dict(content)}}


_UPLOAD = {"schema": {"type": "string", "format": "binary"}}
_ARTICLE_BODY = _request_body(
    {JSON: {"schema": ArticleIn.model_json_schema()}} | dict.fromkeys(RAW_TYPES, _UPLOAD)
)
_BATCH_BODY = _request_body(
    {NDJSON: {"schema": {"type": "string", "description": "One ArticleIn JSON object per line."}}}
)


async def _engine(request: Request) -> Engine:
    return request.app.state.engine


EngineDep = Annotated[Engine, Depends(_engine)]

v1 = APIRouter(prefix="/v1", dependencies=[Depends(require_token)], responses=_errors(401))
health = APIRouter()


@v1.post(
    "/summaries",
    response_model=ArticleSummary,
    responses=_errors(400, 413, 415, 422, 502, 503, 504),
    openapi_extra=_ARTICLE_BODY,
)
async def summaries(request: Request, engine: EngineDep) -> Response:
    """Summarize one article: JSON `{"text", "title"?, "url"?}`, or the page itself as
    text/plain or text/html in any encoding `povsum run` reads (UTF-8/16, GB18030, Big5)."""
    return _summary(await engine.run(await _article(request)))


@v1.post("/verify", response_model=ArticleSummary, responses=_errors(400, 413, 422, 503, 504))
async def verify(claim: VerifyIn, engine: EngineDep) -> Response:
    """Re-check a summary from any tool against its article, as `povsum verify` does: what
    cannot be proven is removed and listed in `verification.failures`."""
    return _summary(await engine.run(Verify(claim.summary, claim.text.encode())))


@v1.post(
    "/batch",
    response_class=NDJSONResponse,
    response_model=BatchSummary | BatchProblem,
    responses=_errors(413),
    openapi_extra=_BATCH_BODY,
)
async def batch(request: Request, engine: EngineDep) -> NDJSONResponse:
    """Summarize one article per line (NDJSON of `{"text", "title"?, "url"?}`); one answer line
    per article, streamed as each finishes, with the input line it answers. A bad line gets its
    own problem line and does not stop the batch."""
    return NDJSONResponse(_records(engine, (await request.body()).splitlines()))


@v1.get("/schema", response_model=dict[str, Any])
async def schema() -> Response:
    """The JSON Schema of `ArticleSummary`, as `povsum schema` writes it."""
    return Response(_schema_text(), media_type=JSON)


@health.get("/healthz", response_model=Health)
async def healthz(engine: EngineDep) -> Health:
    """Whether the service is up (no token needed)."""
    return Health(
        version=version("povsum"), extractor=engine.summarizer.extractor.name, workers=engine.workers
    )


@cache
def _schema_text() -> str:
    return schema_texts()["article_summary.schema.json"]


def _summary(summary: ArticleSummary) -> Response:
    return Response(summary_json(summary), media_type=JSON)


async def _article(request: Request) -> Summarize:
    media = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media == JSON:
        return parse_article(await request.body())
    if media in RAW_TYPES:
        # Raw bytes, decoded as `povsum run` decodes a file (a declared charset is not needed).
        return Summarize(await request.body())
    raise HTTPException(415, f"send the article as {JSON} or as {', '.join(RAW_TYPES)}")


def parse_article(body: bytes) -> Summarize:
    """The job for one JSON article; ``Rejected`` with a one-line reason when it is not one."""
    try:
        article = ArticleIn.model_validate_json(body)
    except ValidationError as exc:
        raise invalid(exc.errors()) from None
    return Summarize(article.text.encode(), article.title, article.url)


def invalid(errors: Sequence[Any]) -> Rejected:
    """One line for pydantic's list of errors: 400 when the JSON does not parse, 422 when it
    lacks or mistypes a field.

    >>> invalid([{"type": "missing", "loc": ("body", "text"), "msg": "Field required"}]).reason
    'text: Field required'
    """
    first = errors[0]
    if first["type"] == "json_invalid":
        return Rejected(400, f"malformed JSON: {first.get('ctx', {}).get('error', first['msg'])}")
    where = ".".join(str(part) for part in first["loc"] if part != "body") or "body"
    more = f" (and {len(errors) - 1} more problem{'s' * (len(errors) > 2)})" if len(errors) > 1 else ""
    return Rejected(422, f"{where}: {first['msg']}{more}")


async def _records(engine: Engine, lines: Iterable[bytes]) -> AsyncIterator[str]:
    # At most `workers` articles of one batch in flight: a long batch cannot queue all its
    # articles ahead of other requests, and its memory stays bounded.
    slots = asyncio.Semaphore(engine.workers)

    async def one(number: int, line: bytes) -> BaseModel:
        async with slots:
            return await _record(engine, number, line)

    tasks = [asyncio.create_task(one(n, line)) for n, line in enumerate(lines, 1) if line.strip()]
    try:
        for finished in asyncio.as_completed(tasks):
            yield (await finished).model_dump_json() + "\n"
    finally:  # the client went away: drop what is left
        for task in tasks:
            task.cancel()


async def _record(engine: Engine, number: int, line: bytes) -> BatchSummary | BatchProblem:
    try:
        return BatchSummary(line=number, summary=await engine.run(parse_article(line)))
    except Rejected as exc:
        return BatchProblem(line=number, status=exc.status, detail=exc.reason)
    except Exception as exc:  # a bug on one article must not end the stream of the others
        log.error("batch line %d: %s", number, internal_reason(exc), exc_info=exc)
        return BatchProblem(line=number, status=500, detail=internal_reason(exc))


def internal_reason(exc: BaseException) -> str:
    """What a client learns of a bug: its type and first line (the traceback goes to the log)."""
    first = next(iter(str(exc).splitlines()), "")[:200]
    return f"internal error {type(exc).__name__}: {first}"


def _problem(status: int, reason: str) -> JSONResponse:
    return JSONResponse({"detail": reason}, status_code=status)


async def _on_rejected(request: Request, exc: Rejected) -> JSONResponse:
    return _problem(exc.status, exc.reason)


async def _on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
    rejected = invalid(exc.errors())
    return _problem(rejected.status, rejected.reason)


async def _on_bug(request: Request, exc: Exception) -> JSONResponse:
    return _problem(500, internal_reason(exc))


def create_app(summarizer: Summarizer, options: ServiceOptions | None = None) -> FastAPI:
    """The service around ``summarizer``. Its extractor decides where articles run: the rules
    extractor in worker processes (each builds its Summarizer from ``summarizer.settings``), the
    LLM extractor in threads sharing ``summarizer`` itself."""
    options = options if options is not None else ServiceOptions()
    engine = Engine(summarizer, timeout=options.request_timeout, workers=options.workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with engine:
            log.info(engine.describe())
            yield

    app = FastAPI(
        title="povsum",
        version=version("povsum"),
        summary="Structured, verified summaries of Chinese poverty-alleviation reports.",
        lifespan=lifespan,
        # One ArticleSummary schema for requests and responses (its JSON writes whole numbers
        # as integers, which would otherwise split it into -Input and -Output models).
        separate_input_output_schemas=False,
    )
    app.state.engine = engine
    app.state.token = options.token
    app.add_exception_handler(Rejected, _on_rejected)
    app.add_exception_handler(RequestValidationError, _on_invalid)
    app.add_exception_handler(Exception, _on_bug)
    app.add_middleware(BodyLimit, limit=options.max_body)
    app.add_middleware(AccessLog)  # added last, so outermost: it times and logs the 413s too
    app.include_router(v1)
    app.include_router(health)
    return app
