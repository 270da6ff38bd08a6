"""What the LLM path sends, per seed and per mode: requests per article, characters per request
(the fixed part, system prompt + schema, and the article part), and tokens, against the scripted
local server (its answers are the hand-written seed answers, which verify; its token counts are
stand-ins, one per two characters, not a model's tokenizer). Then the re-asks: the prompt
characters of each attempt when the first two answers each invent one number.

    .venv/bin/python bench/llm_requests.py
"""

from __future__ import annotations

import copy
import json
import statistics
from collections.abc import Iterable, Iterator
from typing import Any, get_args

import llm_common  # noqa: F401 - puts tests/llm on the import path
from common import SEEDS, provenance
from llm_cases import SEED_ANSWERS
from llm_server import ScriptedServer, answer

from povsum import Document, Settings, Summarizer
from povsum.config import Mode


def measure(mode: str) -> list[tuple[str, int, int, int, int]]:
    """(seed, requests, fixed characters, article characters, prompt tokens) per seed."""
    rows = []
    for seed in SEEDS:
        with ScriptedServer([answer(SEED_ANSWERS[seed.stem])] * 3) as server:
            settings = Settings(extractor="llm", model="scripted-model", base_url=server.url, mode=mode)
            summary = Summarizer(settings).summarize(Document.from_path(seed))
            body = server.model.seen[0].body
        system, user = body["messages"][0]["content"], body["messages"][1]["content"]
        schema = json.dumps(
            body.get("tools") or body.get("response_format") or "", ensure_ascii=False, separators=(",", ":")
        )
        # md_json has no schema field: instructor writes the schema into the system message.
        tokens = summary.extractor.usage.prompt_tokens if summary.extractor.usage else 0
        rows.append((seed.stem, len(server.model.seen), len(system) + len(schema), len(user), tokens))
    return rows


def invented(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with its first figure (baseline, outcome, else funding) changed to a number the
    seed does not hold, quoted from a sentence it does not have: the verifier rejects it."""
    wrong = copy.deepcopy(data)
    snapshots = [f for part in ("baseline", "outcome") for f in (wrong.get(part) or {}).values()]
    figures = [f for f in snapshots if isinstance(f, dict)] + [f["amount"] for f in wrong.get("funding", [])]
    figure = figures[0]
    figure["quote"] = figure["quote"].replace(figure["text"], "9" + figure["text"])
    figure["text"] = "9" + figure["text"]
    return wrong


def prompt_chars(body: dict[str, Any]) -> int:
    """Characters of every message of a request: contents, and the arguments of resent tool calls."""
    total = 0
    for message in body["messages"]:
        total += len(str(message.get("content") or ""))
        total += sum(len(c["function"]["arguments"]) for c in message.get("tool_calls") or [])
    return total


def reasks(mode: str) -> list[list[int]]:
    """Per seed, the prompt characters of each attempt: two answers inventing a number, then the
    correct one."""
    rows = []
    for seed in SEEDS:
        right = SEED_ANSWERS[seed.stem]
        with ScriptedServer([answer(invented(right))] * 2 + [answer(right)]) as server:
            settings = Settings(extractor="llm", model="scripted-model", base_url=server.url, mode=mode)
            Summarizer(settings).summarize(Document.from_path(seed))
            rows.append([prompt_chars(seen.body) for seen in server.model.seen])
    return rows


def table(columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> None:
    """A Markdown table: the first column left-aligned, the figures right-aligned."""
    print("| " + " | ".join(columns) + " |")
    print("| --- |" + " ---: |" * (len(columns) - 1))
    for row in rows:
        print("| " + " | ".join(row) + " |")


def per_mode() -> Iterator[tuple[str, ...]]:
    for mode in get_args(Mode):
        rows = measure(mode)
        requests = statistics.mean(r[1] for r in rows)
        medians = (statistics.median(r[i] for r in rows) for i in (2, 3, 4))
        yield (mode, f"{requests:.1f}", *(f"{m:,.0f}" for m in medians))


def per_attempt() -> Iterator[tuple[str, ...]]:
    for mode in get_args(Mode):
        rows = reasks(mode)
        yield (mode, *(f"{statistics.median(r[i] for r in rows):,.0f}" for i in range(3)))


def main() -> None:
    print("## LLM requests per seed and mode (scripted server)\n")
    print(provenance(".venv/bin/python bench/llm_requests.py"))
    print("- fixed = system prompt + the schema field of the request (tools / response_format), characters")
    print("- article = the user message (title and cleaned article), characters; medians over the seeds\n")
    columns = ("mode", "requests per article", "fixed chars", "article chars", "prompt tokens (stand-in)")
    table(columns, per_mode())
    print("\nRe-asks: the first two answers each invent one number (a figure of the seed with a 9")
    print("prepended, in a sentence the seed does not have), the third is right. Prompt characters")
    print("per attempt (every message: contents and resent tool-call arguments; the schema field")
    print("is constant and not counted), medians over the seeds:\n")
    table(("mode", "attempt 1", "attempt 2", "attempt 3"), per_attempt())


if __name__ == "__main__":
    main()
