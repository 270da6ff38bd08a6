"""Offline throughput of the rules extractor on the seeds replicated to 1,000 articles.

Two figures: ``povsum run --extractor rules`` as a child process (wall time including start-up,
peak RSS of the child), and the in-process ``Summarizer`` loop (no start-up, no output files).

    .venv/bin/python bench/throughput.py
"""

from __future__ import annotations

import os
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import provenance, replicate, run_argv, shown

ARTICLES = 1000


def run_child(argv: list[str], allow_failure: bool = False) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process (exit 1, articles failed, is allowed
    with ``allow_failure``; anything else stops the bench)."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4 gives this child's own rusage; RUSAGE_CHILDREN would be the max over every child so far.
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in ((0, 1) if allow_failure else (0,)):
        raise SystemExit(f"{shlex.join(argv)} failed: {child.stderr.read().decode()}")
    child.stderr.close()
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def cli(inputs: Path, out: Path) -> tuple[str, float, float]:
    argv = run_argv(inputs, out, "--quiet")
    seconds, rss = run_child(argv)
    return shown(argv), seconds, rss


def in_process(paths: list[Path]) -> tuple[float, float]:
    """Seconds for the whole loop and for the first article (which loads the gazetteer)."""
    from povsum import Settings, Summarizer

    summarizer = Summarizer(Settings(extractor="rules"))
    start = time.perf_counter()
    summarizer.summarize(paths[0])
    first = time.perf_counter() - start
    for path in paths[1:]:
        summarizer.summarize(path)
    return time.perf_counter() - start, first


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="povsum-bench-") as tmp:
        root = Path(tmp)
        paths = replicate(ARTICLES, root / "articles")
        replicate(1, root / "one")
        _, startup, _ = cli(root / "one", root / "out-one")
        command, seconds, rss = cli(root / "articles", root / "out")
        loop, first = in_process(paths)
        self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("## Offline throughput: rules extractor, seeds replicated to 1,000 articles\n")
    print(provenance(".venv/bin/python bench/throughput.py"))
    print(f"- inputs: seeds/*.txt copied round-robin to {ARTICLES} files in a temp dir\n")
    print("| what | articles/s | ms/article | wall | peak RSS |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(
        f"| `povsum run` child process (default formats and concurrency) "
        f"| {ARTICLES / seconds:.1f} | {1000 * seconds / ARTICLES:.2f} | {seconds:.2f} s | {rss:.0f} MiB |"
    )
    print(
        f'| in-process `Summarizer(Settings(extractor="rules")).summarize(path)` loop '
        f"| {ARTICLES / loop:.1f} | {1000 * loop / ARTICLES:.2f} | {loop:.2f} s | {self_rss:.0f} MiB |"
    )
    print(
        f"\nChild command: `{command}` (temp paths). The same command on 1 article takes "
        f"{startup:.2f} s: start-up and imports, included in the row above. The loop's first article "
        f"takes {1000 * first:.0f} ms (it loads the gazetteer); its peak RSS is the bench process's own."
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
