"""Load: 2,000 generated articles through `povsum run --extractor rules`; every one accounted for.

Articles are the seeds and the dev passages with their digits shuffled (a fixed random seed, so
each file is unique and the run is repeatable), plus 1 in 50 broken files (empty, binary) that must
end as recorded failures. Reports wall time, articles/s, peak RSS, and the accounting.

    .venv/bin/python bench/load.py
"""

from __future__ import annotations

import random
import re
import tempfile
from collections import Counter
from pathlib import Path

from common import ROOT, SEEDS, outcomes, provenance, run_argv
from throughput import run_child

ARTICLES = 2000
BROKEN_EVERY = 50
SOURCES = [*SEEDS, *sorted((ROOT / "tests" / "dev" / "passages").glob("*.txt"))]


def generate(dest: Path, count: int) -> int:
    """Write ``count`` files into ``dest``; returns how many are deliberately broken."""
    rng = random.Random(20201123)
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    broken = 0
    for i in range(count):
        path = dest / f"{i:05d}.txt"
        if i % BROKEN_EVERY == BROKEN_EVERY - 1:
            path.write_bytes(b"" if broken % 2 else b"\x89PNG\r\n\x1a\n" + bytes(200))
            broken += 1
            continue
        text = re.sub(r"\d", lambda m: str(rng.randint(1, 9)), texts[i % len(texts)])
        path.write_text(text, encoding="utf-8")
    return broken


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        inputs, out = Path(tmp) / "in", Path(tmp) / "out"
        inputs.mkdir()
        broken = generate(inputs, ARTICLES)
        argv = run_argv(inputs, out, "--quiet")
        seconds, rss = run_child(argv, allow_failure=True)
        found, records = outcomes(out)
    summaries, errors, statuses = len(found), len(records), dict(Counter(found.values()))
    accounted = summaries + errors
    print("## Load: 2,000 generated articles, rules extractor\n")
    print("| articles | summaries | failures (expected) | accounted | wall s | articles/s | peak RSS MiB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {ARTICLES} | {summaries} | {errors} ({broken}) | {accounted}/{ARTICLES} | {seconds:.1f} "
        f"| {ARTICLES / seconds:.0f} | {rss:.0f} |"
    )
    print(f"\nverification status of the summaries: {statuses}\n")
    print(provenance(".venv/bin/python bench/load.py"))
    if accounted != ARTICLES or errors != broken:
        raise SystemExit(f"only {accounted} of {ARTICLES} articles accounted for")


if __name__ == "__main__":
    main()
