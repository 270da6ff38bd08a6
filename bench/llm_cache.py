"""LLM-path cache: the same 100 articles run twice with one SQLite cache; the second run must send
no request to the server. Reports its requests and its wall time as a fraction of the first run's.

Each run writes to a fresh OUT: with the same OUT the second run would skip every article on the
output folder's resume, before the cache is ever consulted, and the figure would not be the cache's.

    .venv/bin/python bench/llm_cache.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import provenance, shown
from llm_common import DELAY, generate, llm_run, serve
from throughput import run_child

ARTICLES = 100


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="povsum-bench-") as tmp, serve(ARTICLES) as server:
        root = Path(tmp)
        generate(root / "articles", ARTICLES)
        runs = []  # (wall seconds, requests the server received) per run
        for out in ("out-first", "out-second"):
            argv = llm_run(root / "articles", root / out, server, "--cache", str(root / "cache.sqlite"))
            before = len(server.model.seen)
            seconds, _ = run_child(argv)
            runs.append((seconds, len(server.model.seen) - before))
        command = shown(argv)
    (first, asked), (second, again) = runs
    print(f"## LLM path: cache, {ARTICLES} unchanged articles run twice\n")
    print(provenance(".venv/bin/python bench/llm_cache.py"))
    print(f"- server: `tests/llm/llm_server.py` on 127.0.0.1, answering after {DELAY * 1000:.0f} ms\n")
    print("| run | LLM requests received | wall | fraction of the first run |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| first (empty cache) | {asked} | {first:.2f} s | 1.00 |")
    print(f"| second (same cache, fresh OUT) | {again} | {second:.2f} s | {second / first:.2f} |")
    print(
        f"\nChild command (the second run; temp paths, random port, default concurrency): `{command}`. "
        "The first run writes to `out-first` instead. The second run's time is start-up, reading the "
        "cache, verifying and writing the outputs."
    )
    if again != 0:
        raise SystemExit(f"the second run sent {again} requests to the server; the cache must answer all")


if __name__ == "__main__":
    main()
