"""Soak (issue 14): a 2,000-article rules run killed with SIGKILL five times at random moments,
each time followed by a rerun, must end with every input accounted for exactly once, no worker
left running, no lock held, and summaries identical to an uninterrupted run's.

    .venv/bin/python bench/soak.py
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from common import SEEDS, provenance, run_argv

ARTICLES = 2000
KILLS = 5


def articles(dest: Path) -> None:
    dest.mkdir()
    for i in range(ARTICLES):
        seed = SEEDS[i % len(SEEDS)]
        (dest / f"{i:04d}_{seed.name}").write_bytes(seed.read_bytes() + f"\n样本{i}\n".encode())


def command(inputs: Path, out: Path) -> list[str]:
    return run_argv(inputs, out, "-q", "--format", "json")


def children_of(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            lines = status.read_text().splitlines()
        except OSError:
            continue
        if f"PPid:\t{pid}" in lines:
            found.append(int(status.parent.name))
    return found


def running(pid: int) -> bool:
    """Alive and not a zombie (a dead child that no one has reaped yet runs nothing)."""
    try:
        state = next(
            line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("State:")
        )
    except (OSError, StopIteration):
        return False
    return "Z" not in state


def summaries(out: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_bytes()) for p in out.glob("*.json")}


def main() -> None:
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        articles(root / "in")
        start = time.perf_counter()
        subprocess.run(command(root / "in", root / "reference"), check=True)
        full = time.perf_counter() - start
        orphans = 0
        for _ in range(KILLS):
            run = subprocess.Popen(command(root / "in", root / "out"))
            time.sleep(rng.uniform(0.5, full * 0.8))
            workers = children_of(run.pid)
            os.kill(run.pid, signal.SIGKILL)
            run.wait()
            time.sleep(1.0)  # the workers' parent check runs every 0.5 s
            orphans += sum(running(w) for w in workers)
        subprocess.run(command(root / "in", root / "out"), check=True)  # the final rerun
        got, want = summaries(root / "out"), summaries(root / "reference")
        errors = (root / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()
        leftovers = list((root / "out").glob(".*.tmp"))
        same = sum(got[k] == want[k] for k in want)
        print("## Soak: a run killed (SIGKILL) five times, then rerun\n")
        print(provenance(".venv/bin/python bench/soak.py"))
        print(f"- inputs: {ARTICLES} seed copies with unique bytes; an uninterrupted run took {full:.1f} s\n")
        print("| check | result |\n| --- | --- |")
        print(f"| inputs accounted for (summaries + errors) | {len(got) + len(errors)} of {ARTICLES} |")
        print(f"| summaries identical to the uninterrupted run's | {same} of {len(want)} |")
        print(f"| worker processes alive 1 s after a kill | {orphans} |")
        print(f"| temporary files left | {len(leftovers)} |")
        if len(got) + len(errors) != ARTICLES or same != len(want) or orphans or leftovers:
            raise SystemExit("soak failed")


if __name__ == "__main__":
    main()
