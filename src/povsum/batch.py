"""``povsum batch``: the LLM path through a provider's Batch API, resumable, into ``run``'s outputs.

``submit`` puts the first requests of every article (one per part of a long article, built by
the llm extractor exactly as ``run`` sends them) into one batch. ``collect`` downloads the results
of the finished batches, then runs ``povsum.runner`` over the inputs with the extractor answering
from them, so every output is written by the code that writes ``run``'s; with ``reask`` the
re-asks the verifier called for go into the next, smaller batch. Whatever must outlive one
command lives in ``OUT/batch/``: ``state.json`` (the settings that shape a request, the inputs,
and per round the request map and the batch and file ids), the input file of each round and the
result files received.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from povsum.config import Settings, redact_url
from povsum.engines import LocalEngine
from povsum.errors import BatchError, InputError
from povsum.extractors.llm import (
    Answer,
    BatchAPI,
    BatchExtractor,
    BatchInfo,
    Pending,
    read_results,
    request_lines,
)
from povsum.outputs import OutputDir, write_atomic, write_bytes_atomic
from povsum.pipeline import Summarizer
from povsum.runner import ArticleResult, RunReport, discover, run_paths

__all__ = ["BatchState", "Collected", "Round", "collect", "load_state", "status", "submit"]

FOLDER = "batch"
# The settings that shape a request, fixed at submit: collect answers the requests sent.
SHAPING = frozenset({"model", "mode", "temperature", "max_tokens", "max_retries", "chunk_chars", "max_bytes"})


def _requests(n: int) -> str:
    """
    >>> _requests(1), _requests(3)
    ('1 request', '3 requests')
    """
    return f"{n} request{'s' * (n != 1)}"


class Round(BaseModel):
    """One batch: its requests (``custom_id`` -> the articles waiting for it) and ids."""

    number: int
    requests: dict[str, list[str]]
    input_file_id: str | None = None
    batch_id: str | None = None
    collected: bool = False

    def file(self, kind: Literal["input", "output", "errors"]) -> str:
        return f"round-{self.number}.{kind}.jsonl"


class BatchState(BaseModel):
    """``OUT/batch/state.json``."""

    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    settings: dict[str, object]
    # Where the batches were sent (None: the SDK's default), never with the credentials a URL
    # may carry: the batches live there, whatever the environment of a later command says.
    base_url: str | None
    inputs: list[str]
    rounds: list[Round] = []

    def settings_for(self, given: Settings) -> Settings:
        """``given`` (key, timeout) with the endpoint and the request settings of the submit; the
        given endpoint is kept when it is the same one, as it may carry credentials."""
        same = given.base_url is not None and redact_url(given.base_url) == self.base_url
        endpoint = given.base_url if same else self.base_url
        return given.model_copy(
            update={**self.settings, "base_url": endpoint, "extractor": "llm", "cache": None}
        )


def _folder(out_root: Path) -> Path:
    return out_root / FOLDER


def load_state(out_root: Path) -> BatchState:
    path = _folder(out_root) / "state.json"
    if not path.is_file():
        raise BatchError(
            f"{out_root}: no batch here (start one with `povsum batch submit PATH... --out {out_root}`)"
        )
    try:
        return BatchState.model_validate_json(path.read_bytes())
    except ValidationError:
        raise BatchError(f"{path}: not a povsum batch state file") from None


def _save(out_root: Path, state: BatchState) -> None:
    write_atomic(_folder(out_root) / "state.json", state.model_dump_json(indent=2) + "\n")


def submit(
    paths: Sequence[Path], settings: Settings, out_root: Path, *, api: BatchAPI | None = None
) -> Round:
    """Send the first requests of every article under ``paths`` as one batch; the round sent.

    An interrupted submit is finished by the same command; a sent one is not sent twice.
    """
    api = api if api is not None else BatchAPI.connect(settings)
    with OutputDir(out_root):
        if (_folder(out_root) / "state.json").exists():
            state = load_state(out_root)
            if state.rounds[-1].batch_id is not None:
                raise BatchError(
                    f"{out_root} already holds batch {state.rounds[-1].batch_id}: "
                    f"`povsum batch status {out_root}`, then `povsum batch collect {out_root}`"
                )
        else:
            state = _first_round(paths, settings, out_root)
        return _send(out_root, state, api)


def _first_round(paths: Sequence[Path], settings: Settings, out_root: Path) -> BatchState:
    found = discover(paths, out_root)
    if found.problems:
        raise found.problems[0]
    extractor = BatchExtractor(settings, answers={})
    pipeline = Summarizer(extractor.settings, extractor=extractor)
    for path in found.files:
        try:
            extractor.first_requests(pipeline.load(path))
        except InputError:
            continue  # collect reports it as run does
    if not extractor.pending:
        raise InputError(None, "no readable article to submit")
    state = BatchState(
        settings=settings.model_dump(include=SHAPING),
        base_url=redact_url(settings.base_url) if settings.base_url is not None else None,
        inputs=[str(f) for f in found.files],
    )
    _add_round(out_root, state, extractor.pending)
    return state


def _add_round(out_root: Path, state: BatchState, pending: Mapping[str, Pending]) -> None:
    batch = Round(number=len(state.rounds) + 1, requests={cid: p.paths for cid, p in pending.items()})
    write_bytes_atomic(
        _folder(out_root) / batch.file("input"), request_lines({c: p.body for c, p in pending.items()})
    )
    state.rounds.append(batch)
    _save(out_root, state)


def _send(out_root: Path, state: BatchState, api: BatchAPI) -> Round:
    """Upload the last round's input file and create its batch, each step once."""
    batch = state.rounds[-1]
    if batch.input_file_id is None:
        data = (_folder(out_root) / batch.file("input")).read_bytes()
        batch.input_file_id = api.upload(data, batch.file("input"))
        _save(out_root, state)
    if batch.batch_id is None:
        batch.batch_id = api.start(batch.input_file_id).id
        _save(out_root, state)
    return batch


def status(out_root: Path, settings: Settings, *, api: BatchAPI | None = None) -> list[str]:
    """One line per round: what the provider says of its batch, and whether it was collected."""
    state = load_state(out_root)
    api = api if api is not None else BatchAPI.connect(state.settings_for(settings))
    lines = []
    for batch in state.rounds:
        head = f"round {batch.number} ({_requests(len(batch.requests))})"
        if batch.batch_id is None:
            lines.append(f"{head}: not sent yet; `povsum batch collect {out_root}` sends it")
            continue
        info = api.retrieve(batch.batch_id)
        lines.append(f"{head}: {info.describe()}" + ("; collected" if batch.collected else ""))
    return lines


@dataclass(frozen=True)
class Collected:
    report: RunReport
    waiting: int  # articles whose verifier called for a re-ask
    sent: Round | None  # the re-ask batch, when one was sent

    def describe(self, out_root: Path) -> str | None:
        if self.sent is not None:
            return (
                f"re-ask batch {self.sent.batch_id} sent for {self.waiting} article(s); collect again "
                f"once `povsum batch status {out_root}` says completed"
            )
        if self.waiting:
            return f"{self.waiting} article(s) can be re-asked: `povsum batch collect {out_root} --reask`"
        return None


def collect(
    out_root: Path,
    settings: Settings,
    *,
    formats: Sequence[str],
    reask: bool = False,
    concurrency: int = 4,
    on_start: Callable[[int], None] = lambda total: None,
    on_result: Callable[[ArticleResult], None] = lambda r: None,
    api: BatchAPI | None = None,
) -> Collected:
    """Download what finished batches answered, write ``run``'s outputs from it, and with
    ``reask`` send the re-asks as the next batch. Running it again rewrites the same outputs."""
    state = load_state(out_root)
    settings = state.settings_for(settings)
    api = api if api is not None else BatchAPI.connect(settings)
    with OutputDir(out_root):
        _fetch(out_root, state, api)
    extractor = BatchExtractor(settings, _answers(out_root, state))
    report = run_paths(
        [Path(p) for p in state.inputs],
        Summarizer(extractor.settings, extractor=extractor),
        out_root,
        formats=formats,
        engine=LocalEngine(concurrency),
        on_start=on_start,
        on_result=on_result,
    )
    waiting = len({path for p in extractor.pending.values() for path in p.paths})
    sent = None
    if reask and extractor.pending:
        with OutputDir(out_root):
            _add_round(out_root, state, extractor.pending)
            sent = _send(out_root, state, api)
    return Collected(report, waiting, sent)


def _fetch(out_root: Path, state: BatchState, api: BatchAPI) -> None:
    """Download the result files of every round not yet collected; a round still running, or
    one that will never finish, stops the collect with one line."""
    for batch in state.rounds:
        if batch.collected:
            continue
        if batch.batch_id is None:  # a send was interrupted: finish it
            _send(out_root, state, api)
        info = api.retrieve(str(batch.batch_id))
        if info.ended:
            raise BatchError(f"batch {info.describe()}: its articles cannot be collected; submit them again")
        if not info.done:
            raise BatchError(f"batch {info.describe()}: collect again once it is completed")
        _download(out_root, batch, info, api)
        batch.collected = True
        _save(out_root, state)


def _download(out_root: Path, batch: Round, info: BatchInfo, api: BatchAPI) -> None:
    for kind, file_id in (("output", info.output_file_id), ("errors", info.error_file_id)):
        if file_id is not None:
            write_bytes_atomic(_folder(out_root) / batch.file(kind), api.download(file_id))


def _answers(out_root: Path, state: BatchState) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for batch in state.rounds:
        for kind in ("errors", "output"):  # an answer outranks an error for the same request
            path = _folder(out_root) / batch.file(kind)
            if batch.collected and path.is_file():
                answers.update(read_results(path.read_bytes(), str(path)))
    return answers
