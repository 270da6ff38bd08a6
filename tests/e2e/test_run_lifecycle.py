"""Nothing lost and nothing left behind (issue 14, items 6-8 and 11): OUT is never input, names
never collide silently, long names fit, workers die with the run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from povsum import ArticleSummary
from povsum.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_dda217ac4bff4475.txt"


def run(*args: str) -> int:
    return CliRunner().invoke(app, ["run", *args, "--quiet"]).exit_code


def test_a_run_over_its_own_output_folder_never_reads_its_reports(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    for _ in range(2):
        assert run(str(tmp_path), "--out", str(out)) == 0
    assert sorted(p.name for p in out.glob("*.json")) == ["a.json"]
    # Another OUT folder inside the input (it holds a povsum lock) is skipped too.
    assert run(str(tmp_path), "--out", str(tmp_path / "other")) == 0
    assert sorted(p.name for p in (tmp_path / "other").glob("*.json")) == ["a.json"]


def test_the_same_stem_from_two_runs_into_one_out_keeps_both(tmp_path: Path) -> None:
    first, second = tmp_path / "one" / "x.txt", tmp_path / "two" / "x.txt"
    for path in (first, second):
        path.parent.mkdir()
    first.write_bytes(SEED.read_bytes())
    second.write_text("海口市贫困户全部脱贫。这是另一篇文章。\n", encoding="utf-8")  # written for this test
    out = tmp_path / "out"
    assert run(str(first), "--out", str(out)) == 0
    assert run(str(second), "--out", str(out)) == 0
    sources = {ArticleSummary.model_validate_json(p.read_bytes()).source.path for p in out.glob("x*.json")}
    assert sources == {str(first), str(second)}


@pytest.mark.parametrize(
    "stem",
    ["脱贫攻坚" * 20, "脱贫攻坚" * 20 + "海口市ab"],  # 240 bytes; 251 bytes (the longest a .txt allows)
    ids=["80-characters", "longest"],
)
def test_long_chinese_file_names_are_summarized(tmp_path: Path, stem: str) -> None:
    source = tmp_path / f"{stem}.txt"
    source.write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    assert run(str(source), "--out", str(out)) == 0
    (written,) = out.glob("*.json")
    assert len(written.name.encode()) <= 255
    assert ArticleSummary.model_validate_json(written.read_bytes()).source.path == str(source)


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def test_worker_processes_exit_when_the_run_is_killed(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(600):
        (inputs / f"a{i:03}.txt").write_bytes(SEED.read_bytes() + f"\n{i}\n".encode())
    cmd = [sys.executable, "-m", "povsum", "run", str(inputs), "--out", str(tmp_path / "out"), "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    workers: list[int] = []
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the run did not start worker processes"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{w}").exists() and "Z" not in _state(w) for w in workers):
        assert time.monotonic() < deadline, "worker processes outlived the run"
        time.sleep(0.1)


def _state(pid: int) -> str:
    try:
        return next(
            line.split(":\t", 1)[1]
            for line in Path(f"/proc/{pid}/status").read_text().splitlines()
            if line.startswith("State:")
        )
    except (OSError, StopIteration):
        return "Z"


def test_a_long_run_keeps_only_its_problems_in_memory(tmp_path: Path) -> None:
    from povsum import Settings, Summarizer
    from povsum.runner import SMALL_RUN, run_paths

    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(SMALL_RUN + 5):
        (inputs / f"a{i:02}.txt").write_bytes(SEED.read_bytes() + f"\n{i}\n".encode())
    (inputs / "empty.txt").write_bytes(b"")
    report = run_paths([inputs], Summarizer(Settings(extractor="rules")), tmp_path / "out", formats=("csv",))
    assert [r.path.name for r in report.results] == ["empty.txt"]  # the rest is on disk, not in memory
    assert report.results[0].error == f"{inputs / 'empty.txt'}: the input is empty"
    assert report.tally.counts == {"verified": SMALL_RUN + 5, "error": 1}
    assert len(report.tally.files) == SMALL_RUN + 6 and not report.tally.infos  # rules: no tokens
    assert not report.ok
