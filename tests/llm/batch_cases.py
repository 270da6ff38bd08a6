"""The Batch API round trip: its articles, the scripted answers, and the commands it runs.

Shared by the replay test (``test_llm_batch.py``) and ``scripts/record_cassettes.py``, so the
cassette is recorded by exactly the code that replays it. The answers are written by hand (the
short articles and answers of ``llm_cases.py``), not by any model; the files and batches
endpoints are the scripted ones of ``batch_server.py``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from batch_server import ScriptedBatches
from click.testing import Result
from llm_cases import (
    CHONGZUO,
    CHONGZUO_ANSWER,
    HAIKOU,
    HAIKOU_ANSWER,
    HAIKOU_HALLUCINATED,
    SCRIPTED_MODEL,
    XIUYING,
    XIUYING_ANSWER,
    recorder,
)
from llm_server import TEST_KEY, Reply, ScriptedModel, ScriptedServer, answer
from typer.testing import CliRunner

from povsum.cli import app
from povsum.extractors.llm.prompts import load_prompts

CASSETTE = "batch_round_trip.yaml"
# The round trip's articles; the empty one is an error record, on both paths alike.
ARTICLES = {
    "a_haikou.txt": HAIKOU,
    "b_chongzuo.txt": CHONGZUO,
    "c_xiuying.txt": XIUYING,
    "d_empty.txt": "",
}
# Scripted: each article's answers, by a phrase of its title, in the order they are asked for.
# Haikou's first answer invents a number, so the verifier calls for one re-ask.
SCRIPT: dict[str, tuple[Reply, ...]] = {
    "海口众志成城": (answer(HAIKOU_HALLUCINATED), answer(HAIKOU_ANSWER)),
    "广西崇左市": (answer(CHONGZUO_ANSWER),),
    "海口秀英区": (answer(XIUYING_ANSWER),),
}
REQUESTS = sum(len(replies) for replies in SCRIPT.values())
REASK = load_prompts().reask.strip()


def by_article(request: dict[str, Any]) -> Reply:
    """The scripted reply to ``request``: its article's next answer, whatever order the
    requests come in (a batch asks every article first, then the re-asks)."""
    messages = request["messages"]
    title = next(phrase for phrase in SCRIPT if phrase in messages[1]["content"])
    # A re-ask is the first ask plus the re-ask message (a message of its own, or joined to the
    # article's in the JSON modes, where instructor merges consecutive user messages).
    reask = any(REASK in m["content"] for m in messages)
    return SCRIPT[title][reask]


def scripted_model() -> ScriptedModel:
    return ScriptedModel([by_article] * REQUESTS)


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@dataclass(frozen=True)
class Step:
    args: tuple[str, ...]
    result: Result


def env(base_url: str) -> dict[str, str]:
    return {"OPENAI_API_KEY": TEST_KEY, "OPENAI_BASE_URL": base_url, "POVSUM_MODEL": SCRIPTED_MODEL}


@contextmanager
def inside(folder: Path) -> Any:
    """Run in ``folder``: no povsum.toml of the working copy reaches the commands."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def round_trip(tmp: Path, base_url: str) -> list[Step]:
    """submit → collect (too early) → status → collect --reask → status → collect → collect.

    The batches report ``in_progress`` once each (``polls=1``), so the early collect and the
    second status see a batch still running.
    """
    articles = write_articles(tmp / "articles")
    out = str(tmp / "batch-out")
    commands: Sequence[tuple[str, ...]] = (
        ("batch", "submit", str(articles), "--out", out),
        ("batch", "collect", out),
        ("batch", "status", out),
        ("batch", "collect", out, "--reask"),
        ("batch", "status", out),
        ("batch", "collect", out),
        ("batch", "collect", out),  # all collected: no request at all, the same outputs
    )
    runner = CliRunner()
    with inside(tmp):
        return [Step(args, runner.invoke(app, list(args), env=env(base_url))) for args in commands]


def batch_server(model: ScriptedModel) -> ScriptedBatches:
    return ScriptedBatches(model, polls=1)


def record(tmp: Path) -> None:
    """Record ``CASSETTE`` from the scripted server (``make record``)."""
    with recorder("all").use_cassette(CASSETTE), ScriptedServer(app=batch_server) as server:
        server.model.queue(*scripted_model().replies)
        steps = round_trip(tmp, server.url)
        left = len(server.model.replies)
    for step in steps:
        if step.result.exception is not None and not isinstance(step.result.exception, SystemExit):
            raise step.result.exception
    if left:
        raise SystemExit(f"{CASSETTE}: {left} scripted replies were not used; fix the script")
