"""Shared by the bench scripts: the machine line every figure carries, and the input corpus."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shlex
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
POVSUM = Path(sys.executable).with_name("povsum")


def run_argv(inputs: Path, out: Path, *options: str, extractor: str = "rules") -> list[str]:
    """The ``povsum run`` command line the benches time: ``inputs`` into ``out`` with ``extractor``."""
    return [str(POVSUM), "run", str(inputs), "--out", str(out), "--extractor", extractor, *options]


def cores() -> int:
    """What ``nproc`` prints: the CPUs this process may run on, not the machine's total."""
    return len(os.sched_getaffinity(0))


def provenance(command: str) -> str:
    """The line under each figure: cores, date, platform and the command that produced it."""
    from povsum import __version__

    today = dt.datetime.now().astimezone().isoformat(timespec="minutes")
    return (
        f"- machine: {cores()} cores (`nproc`), {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, povsum {__version__}; date: {today}\n"
        f"- command: `{command}`"
    )


def replicate(count: int, dest: Path) -> list[Path]:
    """``count`` article files in ``dest``: the seeds copied round-robin under unique names, so no
    output is reused and every article is extracted."""
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        seed = SEEDS[i % len(SEEDS)]
        path = dest / f"{i:04d}_{seed.name}"
        shutil.copyfile(seed, path)
        paths.append(path)
    return paths


def relative(path: Path) -> str:
    """``path`` as the project's README would write it (the benches run from the project root)."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def shown(argv: list[str]) -> str:
    """A child's command line as printed under a figure (the executable relative to the root)."""
    return shlex.join([relative(Path(argv[0])), *argv[1:]])


def outcomes(out: Path) -> tuple[dict[str, str], list[dict[str, str]]]:
    """What a finished ``povsum run`` left in ``out``: verification status by summary stem, and
    the records of ``errors.jsonl``."""
    statuses = {p.stem: json.loads(p.read_bytes())["verification"]["status"] for p in out.glob("*.json")}
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    return statuses, [json.loads(line) for line in lines]
