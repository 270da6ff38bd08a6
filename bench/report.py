"""The HTML report at scale: CPU time and size of the index and the article pages for 1,000 and
10,000 generated articles; min and median of 3 runs.

    .venv/bin/python bench/report.py            # 1,000 and 10,000 articles, about 4 minutes on 2 cores
    .venv/bin/python bench/report.py 2000       # other sizes

Each run is ``render_reports(OUT, ("html",))``, what `povsum report OUT --format html` does and
the HTML part of the last step of `povsum run`: every summary is read from OUT/<stem>.json, its
article re-read for its page, and written out. Writing 230 MB of pages three times dominates the
wall time on a slow disk.
"""

from __future__ import annotations

import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import SEEDS, cores, provenance

from povsum import Settings, Summarizer
from povsum.outputs import OutputDir
from povsum.writers import render_reports

COUNTS = (1_000, 10_000)
RUNS = 3
# Appended to each copy of a seed: unique bytes (no cache or resume sees two copies as one), after
# the text, so the seed's evidence offsets hold for every copy.
MARKER = "\n报告样本第{:05d}篇。\n"


def generate(out: Path, count: int) -> None:
    """``count`` summaries in ``out`` of unique articles in ``out``'s sibling ``sources/``: the
    seeds round-robin, each copy with its numbered marker line; each seed is summarized once."""
    summarizer = Summarizer(Settings(extractor="rules"))
    seeds = [(seed, seed.read_bytes(), summarizer.summarize(seed)) for seed in SEEDS]
    sources = out.parent / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    with OutputDir(out) as folder:
        for i in range(count):
            seed, data, summary = seeds[i % len(seeds)]
            path = sources / f"{i:05d}_{seed.name}"
            body = data + MARKER.format(i).encode()
            path.write_bytes(body)
            source = summary.source.model_copy(
                update={"path": str(path), "sha256": hashlib.sha256(body).hexdigest()}
            )
            folder.write_summary(path.stem, summary.model_copy(update={"source": source}))


def cpu_seconds(out: Path) -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        render_reports(out, ("html",))
        times.append(time.process_time() - start)
    return times


def size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*"))


def main(counts: tuple[int, ...]) -> None:
    print("## The HTML report at scale: CPU time and size\n")
    print(provenance(shown_command()))
    print(
        f"- inputs: the seeds round-robin with a numbered line appended (unique bytes), summarized "
        f'once per seed; each figure is `render_reports(OUT, ("html",))`, {RUNS} runs, CPU time of the '
        f"process (`time.process_time`); usable cores: {cores()}\n"
    )
    print("| articles | CPU min | CPU median | per 1,000 | index | pages (report/) | largest page |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for count in counts:
        with tempfile.TemporaryDirectory(prefix="povsum-bench-") as tmp:
            out = Path(tmp) / "out"
            generate(out, count)
            times = cpu_seconds(out)
            low, median = min(times), statistics.median(times)
            largest = max(p.stat().st_size for p in (out / "report").glob("*.html"))
            print(
                f"| {count:,} | {low:.2f} s | {median:.2f} s | {1000 * median / count:.2f} s "
                f"| {size(out / 'report.html') / 1e6:.2f} MB | {size(out / 'report') / 1e6:.1f} MB "
                f"| {largest / 1e3:.0f} kB |"
            )
            sys.stdout.flush()


def shown_command() -> str:
    return " ".join([".venv/bin/python bench/report.py", *sys.argv[1:]])


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or COUNTS)
