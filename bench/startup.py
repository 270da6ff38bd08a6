"""Start-up: `import povsum`, `povsum run` on one article offline, and the llm extractor's import
plus first request against the local scripted server, each in fresh processes.

Every figure is the min and median of RUNS fresh processes, after one unmeasured run that leaves
Python's bytecode and povsum's compiled patterns in `__pycache__` (as any run after the first
finds them; the environment's PYTHONDONTWRITEBYTECODE is lifted for these children, since with it
every process would compile every module again).

    .venv/bin/python bench/startup.py
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import SEEDS, cores, provenance
from llm_common import MARKER, serve

RUNS = 5
SEED = SEEDS[0]
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# What the installed `povsum` command runs (povsum.__main__:main), whichever checkout the venv's
# own script was installed from.
POVSUM_COMMAND = [sys.executable, "-m", "povsum"]
# The llm extractor summarizes one seed against the scripted server; the article carries the
# marker line that tells the server which hand-written answer to give.
LLM_CHILD = """
import sys, time
start = time.perf_counter()
from povsum import Settings, Summarizer
summarizer = Summarizer(Settings(extractor="llm", base_url=sys.argv[1], api_key="scripted", cache=None))
built = time.perf_counter()
summary = summarizer.summarize(sys.argv[2])
assert summary.verification.status == "verified", summary.verification
print(built - start, time.perf_counter() - built, time.time(), flush=True)
"""


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wall(argv: list[str]) -> float:
    """Wall seconds of one child; its CPU seconds are added to ``CPU``."""
    start, cpu = time.perf_counter(), children_cpu()
    subprocess.run(argv, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    CPU.append(children_cpu() - cpu)
    return time.perf_counter() - start


# CPU seconds of the children measured by ``wall`` since ``repeated`` last cleared it: on a busy
# machine wall time includes waiting for a core and the disk, CPU time does not.
CPU: list[float] = []


def repeated(measure: Callable[[], float]) -> tuple[list[float], list[float]]:
    measure()  # writes the caches a first run leaves
    CPU.clear()
    return [measure() for _ in range(RUNS)], list(CPU)


def import_ms() -> float:
    """Milliseconds of `import povsum` as `-X importtime` counts them (the package, cumulative)."""
    err = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import povsum"],
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    last = [line for line in err.splitlines() if line.rstrip().endswith("| povsum")][-1]
    return int(last.split("|")[1]) / 1000


def run_one(*options: str) -> Callable[[], float]:
    def measure() -> float:
        with tempfile.TemporaryDirectory() as out:
            return wall([*POVSUM_COMMAND, "run", str(SEED), "--out", out, "--extractor", "rules", *options])

    return measure


def row(name: str, values: list[float], unit: str, digits: int, cpu: list[float] | None = None) -> str:
    """Min and median (and the children's CPU seconds, min and median, when measured)."""
    cells = f"{min(values):.{digits}f} {unit} | {statistics.median(values):.{digits}f} {unit}"
    spent = f"{min(cpu):.3f} s | {statistics.median(cpu):.3f} s" if cpu else " | "
    return f"| {name} | {cells} | {spent} |"


def timed_row(name: str, measure: Callable[[], float]) -> str:
    walls, cpu = repeated(measure)
    return row(name, walls, "s", 3, cpu)


def llm_rows(article: Path) -> list[str]:
    """From starting the child to its summary in hand, the whole child (with the interpreter's
    exit), and the child's own split: building the extractor (imports, client) and the first
    request (schema, HTTP to the local server, parsing, verification)."""
    firsts_in_hand, totals, builds, firsts = [], [], [], []
    with serve(RUNS + 1, delay=0) as server:
        argv = [sys.executable, "-c", LLM_CHILD, server.url, str(article)]
        for attempt in range(RUNS + 1):
            started, start = time.time(), time.perf_counter()
            out = subprocess.run(argv, env=ENV, capture_output=True, text=True, check=True).stdout
            total = time.perf_counter() - start
            if attempt:  # the first run writes the caches
                build, first, summarized = map(float, out.split())
                firsts_in_hand.append(summarized - started)
                totals.append(total)
                builds.append(build)
                firsts.append(first)
    return [
        row("llm: process start to first summary (scripted server, no delay)", firsts_in_hand, "s", 2),
        row("llm: the whole child process, its exit included", totals, "s", 2),
        row("llm: of which `Summarizer(Settings(extractor='llm'))` (imports, client)", builds, "s", 2),
        row("llm: of which the first request (schema, HTTP, parse, verify)", firsts, "s", 3),
    ]


def main() -> None:
    print("## Start-up\n")
    print(provenance(".venv/bin/python bench/startup.py"))
    print(f"- usable cores: {cores()}; {RUNS} fresh processes per row, after one that writes the caches")
    print(f"- article: `{SEED.relative_to(SEED.parent.parent)}` ({SEED.stat().st_size:,} bytes)\n")
    print("| what | min | median | CPU min | CPU median |\n| --- | ---: | ---: | ---: | ---: |")
    print(timed_row("`python -c pass` (the interpreter alone)", lambda: wall([sys.executable, "-c", "pass"])))
    print(row("`python -X importtime -c 'import povsum'` (cumulative)", repeated(import_ms)[0], "ms", 1))
    library = [sys.executable, "-c", "from povsum import summarize_text"]
    print(timed_row("`python -c 'from povsum import summarize_text'`", lambda: wall(library)))
    quiet = run_one("-q", "--format", "json")
    print(timed_row("`python -m povsum run SEED --extractor rules -q --format json`", quiet))
    print(timed_row("`python -m povsum run SEED --extractor rules` (every format, table printed)", run_one()))
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / SEED.name
        article.write_text(SEED.read_text(encoding="utf-8") + f"\n\n{MARKER.format(0)}\n", encoding="utf-8")
        for line in llm_rows(article):
            print(line)
    print(
        "\nThe llm rows run `Summarizer(...).summarize(path)` in a child process against "
        "`tests/llm/llm_server.py` on 127.0.0.1 (scripted: a hand-written seed answer, no model), "
        "with no LLM cache."
    )


if __name__ == "__main__":
    main()
