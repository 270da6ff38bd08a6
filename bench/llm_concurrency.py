"""LLM-path concurrency: 100 articles against a local server that answers every request after
300 ms, at --concurrency 1, 4 and 16, as a ratio to the ideal ``ceil(100/N) x 0.3 s``.

    .venv/bin/python bench/llm_concurrency.py
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from common import provenance, shown
from llm_common import DELAY, generate, llm_run, serve
from throughput import run_child

ARTICLES = 100
LEVELS = (1, 4, 16)
OPTIONS = ("--force", "--no-cache")  # every article asks the server, every time


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="povsum-bench-") as tmp, serve(ARTICLES + 1) as server:
        root = Path(tmp)
        generate(root / "one", 1)
        generate(root / "articles", ARTICLES)
        startup, _ = run_child(
            llm_run(root / "one", root / "out-one", server, "--concurrency", "1", *OPTIONS)
        )
        rows = []
        for level in LEVELS:
            argv = llm_run(root / "articles", root / "out", server, "--concurrency", str(level), *OPTIONS)
            before = len(server.model.seen)
            seconds, rss = run_child(argv)
            requests = len(server.model.seen) - before
            if requests != ARTICLES:  # the ideal assumes one request per article
                raise SystemExit(f"--concurrency {level}: {requests} requests for {ARTICLES} articles")
            rows.append((level, seconds, math.ceil(ARTICLES / level) * DELAY, rss))
        command = shown(argv)
    print(f"## LLM path: concurrency, {ARTICLES} articles, server answering after {DELAY * 1000:.0f} ms\n")
    print(provenance(".venv/bin/python bench/llm_concurrency.py"))
    print("- server: `tests/llm/llm_server.py` on 127.0.0.1, one verified seed answer per request\n")
    fixed = startup - DELAY  # start-up, client set-up and reports: paid once per run
    print(
        "| --concurrency N | wall | ideal `ceil(100/N) x 0.3 s` | wall / ideal "
        "| (wall - fixed) / ideal | peak RSS |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for level, seconds, ideal, rss in rows:
        print(
            f"| {level} | {seconds:.2f} s | {ideal:.1f} s | {seconds / ideal:.2f} "
            f"| {(seconds - fixed) / ideal:.2f} | {rss:.0f} MiB |"
        )
    print(
        f"\nChild command (N = {LEVELS[-1]}; temp paths, random port): `{command}`. "
        f"Wall includes start-up and writing the reports: the same command on 1 article at N = 1 "
        f"takes {startup:.2f} s against an ideal {DELAY:.1f} s, so the fixed cost of a run is "
        f"{fixed:.2f} s; the second ratio leaves it out. Every run made exactly one request per "
        f"article (no re-asks)."
    )


if __name__ == "__main__":
    main()
