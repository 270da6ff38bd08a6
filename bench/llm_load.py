"""Load, LLM path: 200 articles at --concurrency 16 against the local server, 1 in 20 of them
answered with a 500 on every attempt; every article must end as a summary or a recorded failure.

    .venv/bin/python bench/llm_load.py
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from common import outcomes, provenance, shown
from llm_common import DELAY, faulty, generate, llm_run, serve
from throughput import run_child

ARTICLES = 200
CONCURRENCY = 16
FAIL_EVERY = 20


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="povsum-bench-") as tmp, serve(ARTICLES, FAIL_EVERY) as server:
        root = Path(tmp)
        paths = generate(root / "articles", ARTICLES)
        argv = llm_run(
            root / "articles",
            root / "out",
            server,
            "--concurrency",
            str(CONCURRENCY),
            "--cache",
            str(root / "cache.sqlite"),
        )
        seconds, rss = run_child(argv, allow_failure=True)  # exit 1: some articles failed
        statuses, records = outcomes(root / "out")
        requests = len(server.model.seen)
    expected = {p.stem for i, p in enumerate(paths) if faulty(i, FAIL_EVERY)}
    failed = {Path(r["path"]).stem for r in records}
    missing = {p.stem for p in paths} - statuses.keys() - failed
    reasons = Counter(r["error"] for r in records)
    print(f"## Load: {ARTICLES} articles through the LLM path, --concurrency {CONCURRENCY}\n")
    print(
        f"- server: `tests/llm/llm_server.py` on 127.0.0.1, answering after {DELAY * 1000:.0f} ms; "
        f"1 article in {FAIL_EVERY} gets a 500 on every attempt\n"
    )
    print(
        "| articles | summaries | failures (expected) | accounted | LLM requests | wall s "
        "| articles/s | peak RSS MiB |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {ARTICLES} | {len(statuses)} | {len(failed)} ({len(expected)}) "
        f"| {ARTICLES - len(missing)}/{ARTICLES} | {requests} | {seconds:.1f} | {ARTICLES / seconds:.1f} "
        f"| {rss:.0f} |"
    )
    print(f"\nverification status of the summaries: {dict(Counter(statuses.values()))}")
    print(f"recorded failures: {dict(reasons)}\n")
    print(provenance(".venv/bin/python bench/llm_load.py"))
    print(
        f"\nChild command (temp paths, random port): `{shown(argv)}`. The faulty articles' requests "
        "are retried with backoff before the article is recorded as failed, which sets the wall time."
    )
    if missing or failed != expected or failed & statuses.keys():
        raise SystemExit(
            f"unaccounted: {sorted(missing)}; unexpected failures: {sorted(failed ^ expected)}; "
            f"both summary and failure: {sorted(failed & statuses.keys())}"
        )


if __name__ == "__main__":
    main()
