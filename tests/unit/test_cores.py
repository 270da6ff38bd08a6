"""Worker counts follow the CPUs this process may use, not the machine's total."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import povsum


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="no CPU affinity on this system")
def test_usable_cores_is_the_affinity_of_the_process() -> None:
    one = min(os.sched_getaffinity(0))
    code = (
        f"import os; os.sched_setaffinity(0, {{{one}}})\n"
        "from povsum.engines import usable_cores; print(usable_cores())"
    )
    src = str(Path(povsum.__file__).parents[1])
    out = subprocess.run(
        [sys.executable, "-c", code], env={"PYTHONPATH": src}, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "1"
