"""Command line: parse arguments, build settings, delegate to the library, print. No logic here."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, get_args

import typer

from povsum.config import DEFAULT_CACHE, EngineChoice, ExtractorChoice, Mode, Settings, load_config
from povsum.console import RunConsole, stream_to_stdout
from povsum.errors import PovsumError
from povsum.writers import FORMATS, WRITERS

if TYPE_CHECKING:
    from povsum.runner import RunReport

app = typer.Typer(
    add_completion=True,
    no_args_is_help=True,
    help="Structured, verified summaries of Chinese poverty-alleviation reports.",
)


# Typer needs enums for choices; these are built from the settings' literals, declared there once.
ExtractorOpt = StrEnum("ExtractorOpt", {c: c for c in get_args(ExtractorChoice)})
ModeOpt = StrEnum("ModeOpt", {m: m for m in get_args(Mode)})
EngineOpt = StrEnum("EngineOpt", {e: e for e in get_args(EngineChoice)})
# --help shows the library's defaults, not copies of them.
_DEFAULTS = Settings()
_DEFAULT_EXTRACTOR = ExtractorOpt(_DEFAULTS.extractor)


def _version(value: bool) -> None:
    if value:
        import povsum  # its version is looked up on first use (importlib.metadata is slow to import)

        typer.echo(f"povsum {povsum.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Structured, verified summaries of Chinese poverty-alleviation reports."""


def _fail(exc: PovsumError) -> typer.Exit:
    # One clear line per problem; POVSUM_RAISE_ERRORS=1 shows the traceback instead.
    if os.environ.get("POVSUM_RAISE_ERRORS"):
        raise exc
    RunConsole().problem(str(exc))
    return typer.Exit(2)


def _formats(value: str, allowed: Iterable[str]) -> list[str]:
    chosen = [f.strip() for f in value.split(",") if f.strip()]
    if not chosen:
        raise typer.BadParameter(f"no format given; choose from {', '.join(allowed)}")
    if unknown := sorted(set(chosen) - set(allowed)):
        raise typer.BadParameter(f"unknown format {', '.join(unknown)}; choose from {', '.join(allowed)}")
    return chosen


# The extractor and LLM options `run` and `serve` share, declared once.
ExtractorArg = Annotated[
    ExtractorOpt | None,
    typer.Option(help=f"auto: llm when an endpoint/key is set (default: {_DEFAULTS.extractor})."),
]
ModelArg = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="Model name, or PROVIDER/NAME (deepseek/, qwen/, ollama/...) (default: $POVSUM_MODEL).",
    ),
]
BaseUrlArg = Annotated[str | None, typer.Option(help="OpenAI-compatible endpoint ($OPENAI_BASE_URL).")]
ModeArg = Annotated[
    ModeOpt | None,
    typer.Option(
        help=f"instructor mode for the llm extractor (default: the provider's, else {_DEFAULTS.mode})."
    ),
]
TemperatureArg = Annotated[
    float | None,
    typer.Option(min=0, max=2, help=f"Sampling temperature (default: {_DEFAULTS.temperature:g})."),
]
MaxTokensArg = Annotated[
    int | None,
    typer.Option(min=1, help=f"Most tokens the model may answer (default: {_DEFAULTS.max_tokens})."),
]
CacheArg = Annotated[
    Path | None,
    typer.Option(help=f"SQLite cache of LLM answers (default: $POVSUM_CACHE or {DEFAULT_CACHE})."),
]
NoCacheArg = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the LLM cache.")]
TimeoutArg = Annotated[
    float | None, typer.Option(min=1, help=f"Seconds per LLM request (default: {_DEFAULTS.timeout:g}).")
]
MaxRetriesArg = Annotated[
    int | None,
    typer.Option(
        min=0, max=10, help=f"Re-asks of an answer the verifier rejects (default: {_DEFAULTS.max_retries})."
    ),
]
ChunkCharsArg = Annotated[
    int | None,
    typer.Option(
        min=200,
        help=f"Read longer articles in parts of this many characters (default: {_DEFAULTS.chunk_chars:,}).",
    ),
]
MaxBytesArg = Annotated[
    int | None, typer.Option(min=1, help=f"Largest article accepted (default: {_DEFAULTS.max_bytes:,}).")
]


def _settings(console: RunConsole, options: Mapping[str, object], **fixed: object) -> Settings:
    """Settings from the config file, the environment and a command's options (those win): every
    option named like a Settings field (or ``no_cache``) in ``options``, the command's ``locals()``,
    then ``fixed``; an option left at None defers to the config and the environment."""
    config, config_file = load_config(Path.cwd())
    if config_file is not None:
        console.note(f"settings from {config_file}")
    given = {k: v for k, v in options.items() if k in _SETTING_OPTIONS} | fixed
    no_cache = bool(given.pop("no_cache", False))
    given = {k: v.value if isinstance(v, StrEnum) else v for k, v in given.items()}
    return Settings.from_env(None, config, cache_default=DEFAULT_CACHE, no_cache=no_cache, **given)


_SETTING_OPTIONS = frozenset(Settings.model_fields) | {"no_cache"}


@app.command()
def run(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files and folders (searched recursively); - reads stdin.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    extractor: ExtractorArg = None,
    model: ModelArg = None,
    base_url: BaseUrlArg = None,
    mode: ModeArg = None,
    temperature: TemperatureArg = None,
    max_tokens: MaxTokensArg = None,
    concurrency: Annotated[
        int, typer.Option(min=1, max=64, help="Articles processed at once (--engine local).")
    ] = 4,
    engine: Annotated[
        EngineOpt, typer.Option(help="local: this machine; dask: a Dask cluster (the dask extra).")
    ] = EngineOpt.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler, tcp://HOST:PORT (default: a local cluster, one process per core)."
        ),
    ] = None,
    formats: Annotated[str, typer.Option("--format", help="Comma-separated outputs.")] = ",".join(FORMATS),
    force: Annotated[
        bool, typer.Option(help="Re-extract articles already summarized in OUT and ignore the LLM cache.")
    ] = False,
    cache: CacheArg = None,
    no_cache: NoCacheArg = False,
    timeout: TimeoutArg = None,
    max_retries: MaxRetriesArg = None,
    chunk_chars: ChunkCharsArg = None,
    max_bytes: MaxBytesArg = None,
    stdout: Annotated[
        bool, typer.Option("--stdout", help="Also stream each summary to standard output as one JSON line.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Print every figure the verifier removed or flagged.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
) -> None:
    """Summarize articles into OUT/<stem>.json plus run-level tables and reports."""
    from povsum.engines import make_engine
    from povsum.pipeline import Summarizer
    from povsum.runner import run_paths

    chosen = _formats(formats, FORMATS)
    console = RunConsole(quiet, verbose=verbose, table_to_stderr=stdout)
    try:
        # --force unset defers to the config file's `force`.
        settings = _settings(console, locals(), force=force or None)
        workers = make_engine(engine.value, concurrency=concurrency, scheduler=scheduler)
        summarizer = Summarizer(settings)
        console.note(summarizer.describe())
        with console.live():
            report = run_paths(
                paths,
                summarizer,
                out,
                formats=chosen,
                engine=workers,
                on_start=console.start,
                on_result=stream_to_stdout(console.advance) if stdout else console.advance,
            )
    except PovsumError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt:
        console.problem(f"interrupted: finished articles are kept in {out}/; run the same command to resume")
        raise typer.Exit(130) from None
    _summarized(console, report, out, chosen)
    raise typer.Exit(0 if report.ok else 1)


def _summarized(console: RunConsole, report: RunReport, out: Path, formats: list[str]) -> None:
    """The end of a run: its problems, the table, where it wrote."""
    for problem in report.problems:
        console.problem(str(problem))
    if report.skipped:
        what = "other suffixes, links to folders, broken links"
        count, first = len(report.skipped), report.skipped[0]
        console.note(f"skipped {count} file(s) that are not articles ({what}), e.g. {first}")
    console.table(report.results, report.tally)
    console.note(f"wrote {out}/" + (f"; open {out / 'report.html'}" if "html" in formats else ""))


@app.command()
def verify(
    summary: Annotated[Path, typer.Argument(help="A summary JSON file (from any tool).")],
    source: Annotated[Path, typer.Argument(help="The article it claims to summarize.")],
) -> None:
    """Re-check a summary against its source; print the verified summary as JSON."""
    from povsum.document import Document
    from povsum.summaries import load_summary
    from povsum.verify import verify as verify_summary

    try:
        checked = verify_summary(load_summary(summary), Document.from_path(source))
    except PovsumError as exc:
        raise _fail(exc) from None
    typer.echo(checked.model_dump_json(indent=2))
    for failure in checked.verification.failures:
        RunConsole().note(f"{failure.field}: {failure.text!r}: {failure.reason}")
    raise typer.Exit(0 if checked.verification.status == "verified" else 1)


@app.command()
def explain(
    path: Annotated[Path, typer.Argument(help="An article file; - reads stdin.")],
    field: Annotated[
        str | None,
        typer.Argument(help="Only this field or part: region, baseline, outcome.people, funding, ..."),
    ] = None,
) -> None:
    """Show which rule produced each figure of the offline extractor, and why it is a baseline,
    an outcome, or was skipped."""
    from povsum.explain import explain_file

    try:
        lines = explain_file(path).lines(field)
    except PovsumError as exc:
        raise _fail(exc) from None
    for line in lines:
        typer.echo(line)


@app.command()
def panel(
    outs: Annotated[list[Path], typer.Argument(help="Folders written by `povsum run` (OUT/*.json).")],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Folder for panel.csv, panel_wide.csv and panel.html (default: the first OUT)"
        ),
    ] = None,
) -> None:
    """One region x year table across reports, with conflicts between them and consistency checks."""
    from povsum.panel import build_panel, write_panel

    console = RunConsole()
    try:
        built = build_panel(outs, on_skip=console.note)
        written = write_panel(out or outs[0], built)
    except PovsumError as exc:
        raise _fail(exc) from None
    for path in written:
        typer.echo(str(path))
    console.note(built.describe())


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on (default: 127.0.0.1).")] = None,
    port: Annotated[
        int | None, typer.Option(min=1, max=65535, help="Port to listen on (default: 8000).")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, max=64, help="Articles at once (default: a process per core; llm: 4 threads)."),
    ] = None,
    extractor: ExtractorArg = None,
    model: ModelArg = None,
    base_url: BaseUrlArg = None,
    mode: ModeArg = None,
    temperature: TemperatureArg = None,
    max_tokens: MaxTokensArg = None,
    cache: CacheArg = None,
    no_cache: NoCacheArg = False,
    timeout: TimeoutArg = None,
    max_retries: MaxRetriesArg = None,
    chunk_chars: ChunkCharsArg = None,
    max_bytes: MaxBytesArg = None,
    max_body: Annotated[
        int | None, typer.Option(min=1, help="Largest request body in bytes (default: 10,000,000).")
    ] = None,
    request_timeout: Annotated[
        float | None,
        typer.Option(min=0.1, help="Seconds an article may take, queueing included (default: 120)."),
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(envvar="POVSUM_TOKEN", help="Require 'Authorization: Bearer TOKEN' on /v1/ routes."),
    ] = None,
) -> None:
    """Serve summaries over HTTP: /v1/summaries, /v1/verify, /v1/batch (needs the serve extra)."""
    from povsum.service import ServiceOptions
    from povsum.service import serve as serve_http

    try:
        settings = _settings(RunConsole(), locals())
        options = ServiceOptions.given(
            host=host,
            port=port,
            workers=workers,
            max_body=max_body,
            request_timeout=request_timeout,
            token=token,
        )
        serve_http(settings, options)
    except PovsumError as exc:
        raise _fail(exc) from None


batch_app = typer.Typer(
    help="The llm path through the provider's Batch API: submit, status, collect.", no_args_is_help=True
)
app.add_typer(batch_app, name="batch")
BatchOutArg = Annotated[Path, typer.Argument(help="The folder given to `povsum batch submit --out`.")]


@batch_app.command("submit")
def batch_submit(
    paths: Annotated[list[Path], typer.Argument(help="Article files and folders (searched recursively).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder; it keeps the batch ids.")] = Path(
        "out"
    ),
    model: ModelArg = None,
    base_url: BaseUrlArg = None,
    mode: ModeArg = None,
    temperature: TemperatureArg = None,
    max_tokens: MaxTokensArg = None,
    timeout: TimeoutArg = None,
    max_retries: MaxRetriesArg = None,
    chunk_chars: ChunkCharsArg = None,
    max_bytes: MaxBytesArg = None,
) -> None:
    """Send every article's requests, as `run --extractor llm` would, as one batch."""
    from povsum.batch import submit

    console = RunConsole()
    try:
        settings = _settings(console, locals(), extractor="llm", no_cache=True)
        sent = submit(paths, settings, out)
    except PovsumError as exc:
        raise _fail(exc) from None
    console.note(f"batch {sent.batch_id}: {len(sent.requests)} request(s); `povsum batch status {out}`")


@batch_app.command("status")
def batch_status(out: BatchOutArg, timeout: TimeoutArg = None) -> None:
    """What the provider says of each batch sent from OUT (to the endpoint it was sent to)."""
    from povsum.batch import status

    try:
        lines = status(out, _settings(RunConsole(), locals(), no_cache=True))
    except PovsumError as exc:
        raise _fail(exc) from None
    for line in lines:
        typer.echo(line)


@batch_app.command("collect")
def batch_collect(
    out: BatchOutArg,
    reask: Annotated[
        bool, typer.Option("--reask", help="Send the re-asks the verifier calls for as the next batch.")
    ] = False,
    formats: Annotated[str, typer.Option("--format", help="Comma-separated outputs.")] = ",".join(FORMATS),
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Articles verified at once.")] = 4,
    timeout: TimeoutArg = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
) -> None:
    """Download the finished batches' answers, verify them and write the outputs `run` writes."""
    from povsum.batch import collect

    chosen = _formats(formats, FORMATS)
    console = RunConsole(quiet)
    try:
        settings = _settings(console, locals(), no_cache=True)
        with console.live():
            collected = collect(
                out,
                settings,
                formats=chosen,
                reask=reask,
                concurrency=concurrency,
                on_start=console.start,
                on_result=console.advance,
            )
    except PovsumError as exc:
        raise _fail(exc) from None
    _summarized(console, collected.report, out, chosen)
    if (next_step := collected.describe(out)) is not None:
        console.note(next_step)
    raise typer.Exit(0 if collected.report.ok else 1)


cache_app = typer.Typer(help="The SQLite cache of LLM answers and its run log.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")
_CACHE_OPTION = typer.Option(help=f"The cache file (default: $POVSUM_CACHE or {DEFAULT_CACHE})")


@cache_app.command("stats")
def cache_stats(cache: Annotated[Path | None, _CACHE_OPTION] = None) -> None:
    """How many answers the cache holds, by model, and the tokens they cost."""
    from povsum.extractors.llm import cache_stats as stats_of

    try:
        lines = stats_of(_cache_path(locals()))
    except PovsumError as exc:
        raise _fail(exc) from None
    for line in lines:
        typer.echo(line)


@cache_app.command("clear")
def cache_clear(cache: Annotated[Path | None, _CACHE_OPTION] = None) -> None:
    """Forget every cached answer and the run log."""
    from povsum.extractors.llm import clear_cache

    try:
        typer.echo(clear_cache(_cache_path(locals())))
    except PovsumError as exc:
        raise _fail(exc) from None


def _cache_path(options: Mapping[str, object]) -> Path:
    """The cache a command's ``--cache`` names, else the config file's or the environment's."""
    return _settings(RunConsole(), options).cache or DEFAULT_CACHE


@app.command()
def schema(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the JSON Schema files.")] = Path(
        "schemas"
    ),
) -> None:
    """Write the JSON Schema of the output contract."""
    from povsum.schema import export_schemas

    try:
        written = export_schemas(out)
    except PovsumError as exc:
        raise _fail(exc) from None
    for path in written:
        typer.echo(str(path))


@app.command(name="eval")
def evaluate(
    out: Annotated[Path, typer.Argument(help="Folder of summaries (OUT/<stem>.json).")],
    gold: Annotated[Path, typer.Argument(help="Folder of reference annotations (GOLD/<stem>.json).")],
    split: Annotated[
        str | None, typer.Option(help="Score only this split (e.g. test) of the split file.")
    ] = None,
    split_file: Annotated[
        Path | None, typer.Option(help="JSON of named splits (default: split.json beside GOLD)")
    ] = None,
    fail_under: Annotated[
        list[str] | None,
        typer.Option(
            help="FIELD=FLOOR: exit 1 when a score is lower (region, snapshot, funding, measures...);"
            " FLOOR is a fraction (0.85) or a percent (85%)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Score summaries against reference annotations, field by field."""
    from povsum.evaluate import below_floors, format_report, load_split, parse_floor
    from povsum.evaluate import evaluate as score

    try:
        floors = dict(parse_floor(f) for f in fail_under or ())
        stems = load_split(split, split_file or gold.parent / "split.json") if split else None
        report = score(out, gold, stems)
        problems = below_floors(report, floors)
    except PovsumError as exc:
        raise _fail(exc) from None
    typer.echo(report.model_dump_json(indent=2) if as_json else format_report(report))
    for problem in problems:
        RunConsole().problem(problem)
    raise typer.Exit(1 if problems else 0)


@app.command()
def report(
    out: Annotated[Path, typer.Argument(help="A folder written by `povsum run`.")],
    formats: Annotated[str, typer.Option("--format", help="Comma-separated outputs.")] = ",".join(WRITERS),
) -> None:
    """Rebuild the tables (jsonl, csv, facts) and reports (md, html) from OUT, without extracting."""
    from povsum.writers import render_reports

    try:
        for path in render_reports(out, _formats(formats, WRITERS), on_skip=RunConsole().note):
            typer.echo(str(path))
    except PovsumError as exc:
        raise _fail(exc) from None
