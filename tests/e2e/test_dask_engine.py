"""``povsum run --engine dask`` (issue 15, item 4): on a two-worker LocalCluster, the seeds and 200
generated articles give the same output folder as a local run, byte for byte (no output holds a
timing or the output folder's name, so nothing legitimately differs), the same exit code and the
same per-article lines; an unreadable article is accounted for the same way; a second run resumes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from povsum import Settings, Summarizer
from povsum.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GENERATED = 200
# Written for this test; {n} and the figures make every article's bytes and numbers unique.
TEMPLATES = (
    "{county}第{n}号脱贫工作通报\n"
    "2015年底，{county}共有建档立卡贫困户{households}户{people}人，贫困发生率{rate}%。"
    "几年来，全县累计投入财政专项扶贫资金{funds}万元，用于修路、引水和危房改造。"
    "截至2019年底，全县已有{lifted}人脱贫，剩余贫困人口{left_households}户{left_people}人。\n",
    "{county}产业扶贫见闻（第{n}期）\n"
    "在{county}，合作社带动贫困户{households}户{people}人发展种养。"
    "县里整合涉农资金{funds}万元，建成扶贫车间{workshops}个。"
    "如今，全县贫困发生率降至{left_rate}%，{lifted}人走上了脱贫路。\n",
    "{county}易地搬迁工作进展（{n}）\n"
    "2016年，{county}识别贫困人口{people}人，其中需要搬迁的{households}户。"
    "目前，安置点建设已完成投资{funds}万元，搬迁群众{lifted}人全部入住。\n",
)
COUNTIES = ("白沙黎族自治县", "琼中黎族苗族自治县", "保亭黎族苗族自治县", "屯昌县", "临高县")


def generated_article(n: int) -> str:
    template = TEMPLATES[n % len(TEMPLATES)]
    return template.format(
        n=n,
        county=COUNTIES[n % len(COUNTIES)],
        households=1000 + 7 * n,
        people=4000 + 29 * n,
        rate=f"{10 + n % 9}.{n % 10}",
        funds=f"{2000 + 13 * n}.{n % 10}",
        workshops=3 + n % 17,
        lifted=3000 + 23 * n,
        left_households=20 + n,
        left_people=60 + 3 * n,
        left_rate=f"0.{10 + n % 80}",
    )


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """One two-worker cluster for the module: starting one takes seconds."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for n in range(GENERATED):
        (folder / f"g{n:03}.txt").write_text(generated_article(n), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return folder


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["run", *args, "--extractor", "rules"])


def files(out: Path) -> dict[str, bytes]:
    found = sorted(p for p in out.rglob("*") if p.is_file() and p.name != ".povsum.lock")
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in found}


def lines(result: Result, out: Path) -> list[str]:
    # Completion order is the engines' own; each line, and how many, must be the same.
    return sorted(result.stderr.replace(str(out), "OUT").splitlines())


@pytest.fixture(scope="module")
def local_run(articles: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    out = tmp_path_factory.mktemp("local") / "out"
    return run(str(SEEDS), str(articles), "--out", str(out)), out


def test_a_dask_run_writes_what_a_local_run_writes(
    scheduler: str, articles: Path, local_run: tuple[Result, Path], tmp_path: Path
) -> None:
    local, local_out = local_run
    out = tmp_path / "out"
    dask = run(str(SEEDS), str(articles), "--out", str(out), "--engine", "dask", "--scheduler", scheduler)
    assert local.exit_code == dask.exit_code == 1, dask.output  # the broken article fails both
    written = files(out)
    assert written == files(local_out)
    assert len([name for name in written if "/" not in name and name.endswith(".json")]) == GENERATED + 5
    assert written["errors.jsonl"].decode().count("\n") == 1
    assert f"{articles / 'broken.txt'}: this is a PNG image" in written["errors.jsonl"].decode()
    assert lines(dask, out) == lines(local, local_out)


def test_a_second_dask_run_reuses_what_is_unchanged(
    scheduler: str, articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from povsum import ArticleSummary
    from povsum.engines import DaskEngine
    from povsum.runner import run_paths
    from povsum.writers import FORMATS

    # Relative paths, from a folder the workers were not started in: read from the run's.
    monkeypatch.chdir(tmp_path)
    inputs = Path("in")
    inputs.mkdir()
    for n in range(4):
        (inputs / f"g{n}.txt").write_bytes((articles / f"g{n:03}.txt").read_bytes())
    out = Path("out")

    def again() -> list[tuple[str, bool, str]]:
        summarizer = Summarizer(Settings(extractor="rules"))
        report = run_paths([inputs], summarizer, out, formats=FORMATS, engine=DaskEngine(scheduler))
        return [(r.stem, r.reused, r.status) for r in report.results]

    assert [status for _, _, status in again()] == ["verified"] * 4
    assert ArticleSummary.model_validate_json((out / "g0.json").read_bytes()).source.path == "in/g0.txt"
    before = files(out)
    (inputs / "g3.txt").write_text(generated_article(GENERATED + 1), encoding="utf-8")
    assert [(stem, reused) for stem, reused, _ in again()] == [
        ("g0", True),
        ("g1", True),
        ("g2", True),
        ("g3", False),
    ]
    after = files(out)
    assert after["g0.json"] == before["g0.json"] and after["g3.json"] != before["g3.json"]


def test_without_a_scheduler_a_local_cluster_is_started(
    local_run: tuple[Result, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr("povsum.engines.usable_cores", lambda: 1)  # one worker starts fastest
    out = tmp_path / "out"
    result = run(str(SEEDS), "--out", str(out), "--engine", "dask", "--quiet")
    assert result.exit_code == 0, result.output
    _, local_out = local_run
    seeds = {p.stem + ".json" for p in SEEDS.glob("*.txt")}
    assert {name: data for name, data in files(out).items() if name in seeds} == {
        name: data for name, data in files(local_out).items() if name in seeds
    }


def test_without_the_extra_dask_is_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` raises ImportError
    result = run(str(SEEDS), "--out", str(tmp_path / "out"), "--engine", "dask")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --engine dask needs distributed: pip install 'povsum[dask]'"
    assert not (tmp_path / "out").exists()


def test_a_scheduler_without_the_dask_engine_is_refused(tmp_path: Path) -> None:
    result = run(str(SEEDS), "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.stderr


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr("povsum.engines._CONNECT_SECONDS", 1)
    result = run(
        str(SEEDS), "--out", str(tmp_path / "out"), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"
    )
    assert result.exit_code == 2
    assert "error: cannot reach the Dask scheduler: " in result.stderr
    assert not list((tmp_path / "out").glob("*.json"))
