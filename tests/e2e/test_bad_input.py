"""Bad input and interrupted runs: every problem is one line and a record, nothing is lost."""

from __future__ import annotations

import fcntl
import itertools
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from povsum import ArticleSummary, Document, InputError, Settings, Summarizer
from povsum.cli import app
from povsum.outputs import LOCK_NAME

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_dda217ac4bff4475.txt"
SENTENCE = "2014年海口共有贫困人口4352户18802人。如今贫困人口变成了136户547人。"
runner = CliRunner()


@pytest.fixture(autouse=True)
def no_llm_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["run", *args])
    return result.exit_code, result.output


def errors_of(out: Path) -> dict[str, str]:
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    return {Path(e["path"]).name: e["error"] for e in map(json.loads, lines)}


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "the input is empty"),
        ("blank.txt", b"  \n\t \n", "only whitespace"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        ("archive.txt", b"PK\x03\x04" + bytes(100), "ZIP archive"),
        ("nul.txt", b"abc\x00def\x00" * 10, "binary data"),
    ],
)
def test_unreadable_file_is_one_line_and_a_record(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(data)
    code, output = run(str(tmp_path / name), "--out", str(tmp_path / "out"))
    assert code == 1
    [line] = [x for x in output.splitlines() if x.startswith("error:")]
    assert message in line and name in line
    assert message in errors_of(tmp_path / "out")[name]
    assert "Traceback" not in output


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16"])
def test_chinese_encodings_are_read(encoding: str) -> None:
    text = (
        SENTENCE
        if encoding != "big5"
        else SENTENCE.replace("贫", "貧").replace("变", "變").replace("户", "戶")
    )
    summary = Summarizer(Settings(extractor="rules")).summarize(text.encode(encoding))
    assert summary.baseline.people.value == 18802
    assert summary.outcome.households.value == 136


def test_html_page_is_stripped_and_offsets_point_into_the_html() -> None:
    head = "<head><title>t</title><style>p{}</style></head>"
    page = f"<!DOCTYPE html><html>{head}<body><p>{SENTENCE}</p></body></html>"
    doc = Document.from_text(page)
    summary = Summarizer(Settings(extractor="rules")).summarize(doc)
    people = summary.baseline.people
    assert "<" not in doc.text
    assert page[people.evidence.start : people.evidence.end] == people.evidence.quote


def test_article_without_poverty_content_invents_nothing() -> None:
    text = "今天天气晴朗，市民在公园散步。图书馆新开放了阅览室，周末有很多读者。"
    summary = Summarizer(Settings(extractor="rules")).summarize(text)
    assert summary.baseline is None and summary.outcome is None
    assert summary.funding == [] and summary.measures == []
    assert summary.verification.status == "empty"  # nothing to vouch for: not "verified 0/0"


def test_a_mistyped_path_is_an_input_error_not_an_article() -> None:
    with pytest.raises(InputError, match=r"000_dda217ac4bff4475\.txtx"):
        Summarizer(Settings(extractor="rules")).summarize(str(SEED) + "x")
    with pytest.raises(InputError):
        Summarizer(Settings(extractor="rules")).summarize("seeds/nope.txt")
    # Text passed explicitly is the article, even when it is one short line.
    assert Summarizer(Settings(extractor="rules")).summarize_text("notes.txt").verification.status == "empty"


def test_oversized_file_is_refused_naming_the_limit_and_the_flag(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(SENTENCE.encode() * 60_000)  # about 5 MB
    code, output = run(str(big), "--out", str(tmp_path / "out"))
    assert code == 1
    assert "2,000,000-byte limit" in output and "--max-bytes" in output
    with pytest.raises(InputError, match="limit"):
        Document.from_path(big)


def test_folder_with_subfolders_odd_names_and_non_text_files(tmp_path: Path) -> None:
    nested = tmp_path / "in" / "二级 目录"
    nested.mkdir(parents=True)
    (nested / "海口 报道 (1).txt").write_bytes(SEED.read_bytes())
    (tmp_path / "in" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "in" / ".hidden.txt").write_text("ignored", encoding="utf-8")
    code, output = run(str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert code == 0, output
    assert "skipped 1 file(s) that are not articles" in output
    summary = ArticleSummary.model_validate_json((tmp_path / "out" / "海口 报道 (1).json").read_bytes())
    assert summary.region.name == "海口市"


def test_missing_path_is_reported_and_the_rest_runs(tmp_path: Path) -> None:
    code, output = run(str(tmp_path / "nope.txt"), str(SEED), "--out", str(tmp_path / "out"))
    assert code == 1
    assert "nope.txt: no such file or folder" in output
    assert (tmp_path / "out" / f"{SEED.stem}.json").exists()


def test_a_second_run_on_a_locked_output_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with (out / LOCK_NAME).open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # another run holds the lock
        code, output = run(str(SEED), "--out", str(out))
    assert code == 2
    assert "in use by another povsum run" in output


def test_a_lock_file_naming_a_live_unrelated_pid_does_not_block(tmp_path: Path) -> None:
    # In a container povsum is PID 1 every time: a PID in the file proves nothing.
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).write_text("1")
    code, output = run(str(SEED), "--out", str(out))
    assert code == 0, output


def _try_lock(out: str) -> tuple[float, float] | None:
    """When this process held the lock on ``out`` (monotonic start, end), or None if refused."""
    from povsum.outputs import OutputDir, OutputLockedError

    try:
        with OutputDir(Path(out)):
            start = time.monotonic()
            time.sleep(0.02)
            return start, time.monotonic()
    except OutputLockedError:
        return None


def test_two_processes_never_hold_the_lock_at_once(tmp_path: Path) -> None:
    out = tmp_path / "out"
    held: list[tuple[float, float]] = []
    with multiprocessing.get_context("fork").Pool(4) as pool:
        for _ in range(25):
            held += [span for span in pool.map(_try_lock, [str(out)] * 4) if span is not None]
    held.sort()
    assert len(held) >= 25  # every round, someone got it
    assert all(earlier[1] <= later[0] for earlier, later in itertools.pairwise(held))
    assert _try_lock(str(out))  # nothing left behind


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill", "ctrl-c"])
def test_interrupted_run_leaves_no_partial_json_and_the_next_run_resumes(tmp_path: Path, sig: int) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(400):
        (inputs / f"a{i:03}.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-m",
        "povsum",
        "run",
        str(inputs),
        "--out",
        str(out),
        "--quiet",
        "--concurrency",
        "1",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 30
    while len(list(out.glob("a*.json"))) < 20 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, sig)  # the whole group, as a terminal's Ctrl-C does
    _, stderr = proc.communicate(timeout=30)
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert b"interrupted: finished articles are kept" in stderr and b"Traceback" not in stderr
    finished = list(out.glob("a*.json"))
    assert 20 <= len(finished) < 400, "the run ended before it could be interrupted"
    for path in finished:
        ArticleSummary.model_validate_json(path.read_bytes())  # every file is whole
    result = subprocess.run([*cmd[:-3], "--concurrency", "2"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(": reused") >= len(finished)
    assert len(list(out.glob("a*.json"))) == 400
    assert not list(out.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("out", "message"),
    [("a-file", "is a file, not a folder"), ("/proc/povsum-nope", "cannot write here")],
)
def test_an_unusable_out_is_one_line_and_exit_2(tmp_path: Path, out: str, message: str) -> None:
    (tmp_path / "a-file").write_text("x")
    target = out if out.startswith("/") else str(tmp_path / out)
    code, output = run(str(SEED), "--out", target)
    assert code == 2 and message in output and "Traceback" not in output


def test_only_missing_inputs_is_a_usage_error_and_writes_nothing(tmp_path: Path) -> None:
    code, output = run(str(tmp_path / "nonexist"), "--out", str(tmp_path / "out"))
    assert code == 2 and "no such file or folder" in output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('extractor = "rulez"', "extractor: 'rulez' is not one of auto, llm, rules, both"),
        ('max_bytes = "big"', "max_bytes: 'big' is not a whole number"),
        ("timeout = -1", "timeout: -1 must be greater than 0"),
    ],
)
def test_a_config_value_of_the_wrong_kind_is_one_line_naming_the_file_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "povsum.toml").write_text(line + "\n", encoding="utf-8")
    code, output = run(str(SEED), "--out", str(tmp_path / "out"))
    assert code == 2 and "Traceback" not in output and "pydantic" not in output
    [line] = [x for x in output.splitlines() if x.startswith("error:")]
    assert line == f"error: {tmp_path / 'povsum.toml'}: {message}"


@pytest.mark.parametrize("command", ["panel", "schema"])
@pytest.mark.parametrize(
    ("out", "message"), [("a-file", "is a file, not a folder"), ("/proc/povsum-nope", "cannot write here")]
)
def test_panel_and_schema_on_an_unusable_out_are_one_line_and_exit_2(
    tmp_path: Path, command: str, out: str, message: str
) -> None:
    (tmp_path / "a-file").write_text("x")
    target = out if out.startswith("/") else str(tmp_path / out)
    if command == "panel":
        assert run(str(SEED), "--out", str(tmp_path / "summaries"), "-q")[0] == 0
    args = [str(tmp_path / "summaries")] if command == "panel" else []
    result = runner.invoke(app, [command, *args, "--out", target])
    assert result.exit_code == 2 and "Traceback" not in result.output
    [line] = result.output.splitlines()
    assert line.startswith(f"error: {target}: {message}")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_panel_into_a_read_only_out_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "summaries"
    assert run(str(SEED), "--out", str(out), "-q")[0] == 0
    out.chmod(0o555)
    try:
        result = runner.invoke(app, ["panel", str(out)])
    finally:
        out.chmod(0o755)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.output.strip() == f"error: {out}: cannot write here (Permission denied)"


@pytest.mark.parametrize("command", ["stats", "clear"])
@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "is a folder, not a cache file (name a file with --cache)"),
        (lambda p: p.write_text("not a database " * 10), "not a povsum cache (file is not a database)"),
    ],
)
def test_cache_commands_on_what_is_not_a_cache_are_one_line_and_exit_2(
    tmp_path: Path, command: str, make: Callable[[Path], object], message: str
) -> None:
    path = tmp_path / "cache"
    make(path)
    result = runner.invoke(app, ["cache", command, "--cache", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.output.strip() == f"error: {path}: {message}"
