"""Shared by the bench scripts: the machine line every figure carries, and the input corpus."""

from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
POVSUM = Path(sys.executable).with_name("povsum")


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
