"""What the LLM path sends, per seed and per mode: requests per article, characters per request
(the fixed part, system prompt + schema, and the article part), and tokens, against the scripted
local server (its answers are the hand-written seed answers, which verify; its token counts are
stand-ins, one per two characters, not a model's tokenizer).

    .venv/bin/python bench/llm_requests.py
"""

from __future__ import annotations

import json
import statistics
from typing import get_args

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


def main() -> None:
    print("## LLM requests per seed and mode (scripted server)\n")
    print(provenance(".venv/bin/python bench/llm_requests.py"))
    print("- fixed = system prompt + the schema field of the request (tools / response_format), characters")
    print("- article = the user message (title and cleaned article), characters; medians over the seeds\n")
    print("| mode | requests per article | fixed chars | article chars | prompt tokens (stand-in) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for mode in get_args(Mode):
        rows = measure(mode)
        requests = statistics.mean(r[1] for r in rows)
        fixed = statistics.median(r[2] for r in rows)
        article = statistics.median(r[3] for r in rows)
        tokens = statistics.median(r[4] for r in rows)
        print(f"| {mode} | {requests:.1f} | {fixed:,.0f} | {article:,.0f} | {tokens:,.0f} |")


if __name__ == "__main__":
    main()
