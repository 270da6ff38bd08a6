"""Shared by the LLM-path benches: articles the scripted server can answer, the server, and the
`povsum run --extractor llm` command line. Only the local server is used: no network, no key."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from common import ROOT, SEEDS, replicate, run_argv

# The scripted server and the seeds' hand-written answers live with the tests; a bench script runs
# as a plain file, so the tests dir is put on the import path explicitly.
sys.path.insert(0, str(ROOT / "tests" / "llm"))
from llm_cases import SEED_ANSWERS
from llm_server import Reply, ScriptedServer, answer, failure, slow

DELAY = 0.3  # seconds the server takes to answer each request
# A line appended to every article: it makes each file unique (its own cache key) and tells the
# server which article a request is about.
MARKER = "压测样本第{:04d}篇。"
_MARKER = re.compile(r"压测样本第(\d{4})篇")
# Requests queued per article: a first answer, re-asks and transport retries all fit.
_BUDGET = 20


def generate(dest: Path, count: int) -> list[Path]:
    """``count`` unique articles: the seeds round-robin, each with its numbered marker line."""
    paths = replicate(count, dest)
    for i, path in enumerate(paths):
        with path.open("a", encoding="utf-8") as f:
            f.write(f"\n\n{MARKER.format(i)}\n")
    return paths


def faulty(index: int, fail_every: int) -> bool:
    """Whether article ``index`` is one whose every request the server answers with a 500."""
    return fail_every > 0 and index % fail_every == fail_every - 1


@contextmanager
def serve(articles: int, fail_every: int = 0, delay: float = DELAY) -> Iterator[ScriptedServer]:
    """The scripted server: each request is answered after ``delay`` seconds with the seed answer
    of the article it carries (which verifies, so there are no re-asks), or with a 500 for faulty
    ones."""
    answers = {seed.stem: slow(answer(SEED_ANSWERS[seed.stem]), delay) for seed in SEEDS}

    def respond(request: dict[str, Any]) -> Reply:
        text = "\n".join(str(m.get("content") or "") for m in request.get("messages", []))
        found = _MARKER.search(text)
        if found is None:
            return failure(400, "bench: no article marker in the request")
        index = int(found[1])
        if faulty(index, fail_every):
            return failure(500, "bench: scripted fault")
        return answers[SEEDS[index % len(SEEDS)].stem]

    with ScriptedServer([respond] * (articles * _BUDGET)) as server:
        yield server


def llm_run(inputs: Path, out: Path, server: ScriptedServer, *options: str) -> list[str]:
    """``povsum run`` over ``inputs`` with the llm extractor against ``server``."""
    return run_argv(inputs, out, "--base-url", server.url, "--quiet", *options, extractor="llm")
