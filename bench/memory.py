"""Bounded memory: `povsum run` on 100, 1,000 and 10,000 generated articles (100,000 with --large),
wall time, CPU time and peak RSS of each run.

The articles are assembled from sentence templates written for this bench (no corpus text), with
a county from the gazetteer and figures drawn from a random generator seeded by the article's
index, to the length of a real report (2,500-4,000 characters): every file has unique bytes, so
no cache serves one from another. Each run is a fresh child process,
`povsum run IN --out OUT --extractor rules --quiet` with the default formats and concurrency; its
figures come from `os.wait4`, the child's own rusage: CPU is user + system time of the run and of
the worker processes it waited for, peak RSS the largest of those processes (Linux's ru_maxrss).

    .venv/bin/python bench/memory.py            # 100, 1,000, 10,000 (about 5 minutes on 2 cores)
    .venv/bin/python bench/memory.py --large    # and 100,000 (`make bench-large`; an hour or more)
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, cores, provenance, run_argv, shown

SIZES = (100, 1_000, 10_000)
LARGE = 100_000
PER_FOLDER = 1_000  # a folder of 100,000 files is slow to list on some file systems
TARGET_CHARS = (2_500, 4_000)
# Sentences with figures among those after the lead; the rest is prose, as in the seeds.
NUMERIC_SHARE = 0.4
MIB = 1024

# Written for this bench. Fields: c county, p its province, y a year, and figures.
TITLE = "{c}扎实推进脱贫攻坚 第{i}期工作通报"
HEAD = "本报讯（通讯员 记者）{y2}年{m}月{d}日，记者从{c}扶贫开发领导小组办公室获悉，"
SENTENCES = (
    "{y}年底，{c}共有建档立卡贫困户{hh}户{pp}人，贫困发生率为{r}%。",
    "截至{y2}年底，全县累计减少贫困人口{lift}人，贫困发生率下降到{r2}%。",
    "全县共有贫困村{v}个，目前已有{v2}个贫困村退出。",
    "{y2}年，{c}共投入各级财政专项扶贫资金{money}万元，重点用于产业发展和基础设施建设。",
    "县里组织{team}支驻村工作队、{cadre}名干部进村入户，逐户核实家庭收入和“两不愁三保障”情况。",
    "通过发展食用菌、茶叶和中药材等特色产业，带动{ind}户贫困户年均增收{inc}元。",
    "全县实施易地扶贫搬迁{move}人，新建安置点{site}个，配套建设学校和卫生室。",
    "开展技能培训{train}人次，帮助{job}名贫困劳动力实现转移就业。",
    "发放扶贫小额信贷{loan}万元，惠及农户{lh}户。",
    "新修通村硬化路{road}公里，解决了{water}人的饮水安全问题。",
)
FILLER = (
    "县委书记在调研时强调，要把巩固成果放在突出位置，防止出现规模性返贫。",
    "各乡镇对照目标任务，建立问题清单和整改台账，做到问题不解决不销号。",
    "村里的合作社统一收购农户的产品，再通过电商平台销往外地。",
    "驻村第一书记每周走访困难群众，帮助他们解决看病、上学和住房等方面的难题。",
    "下一步，全县将继续完善帮扶机制，推动脱贫攻坚与乡村振兴有效衔接。",
    "在安置社区，扶贫车间为搬迁群众提供了家门口的就业岗位。",
    "县里还聘请农技专家开展田间课堂，手把手教村民科学种植。",
    "群众满意度调查显示，绝大多数受访农户对帮扶工作表示认可。",
)


def counties() -> list[tuple[str, str]]:
    """(county, province) pairs from the gazetteer, for articles the region rules can place."""
    rows = (ROOT / "src" / "povsum" / "data" / "regions.tsv").read_text(encoding="utf-8").splitlines()
    table = [line.split("\t") for line in rows if line and not line.startswith("#")][1:]
    names = {code: name for code, name, _level, _parent in table}
    return [
        (name, names[code[:2]]) for code, name, level, _ in table if level == "county" and code[:2] in names
    ]


def figures(rng: random.Random, i: int, county: str, province: str) -> dict[str, object]:
    """The fields of one sentence: the article's place and index, fresh figures each time."""
    y, pp, v = rng.randint(2013, 2016), rng.randint(8_000, 90_000), rng.randint(20, 150)
    counts = ("team", "cadre", "ind", "inc", "move", "site", "train", "job", "loan", "lh", "road", "water")
    return {
        "c": county,
        "p": province,
        "i": i,
        "y": y,
        "y2": y + rng.randint(2, 5),
        "m": rng.randint(1, 12),
        "d": rng.randint(1, 28),
        "hh": pp // rng.randint(3, 4),
        "pp": pp,
        "r": f"{rng.uniform(8, 30):.2f}",
        "r2": f"{rng.uniform(0.1, 3):.2f}",
        "lift": pp - rng.randint(100, 2_000),
        "v": v,
        "v2": v - rng.randint(0, 10),
        "money": f"{rng.uniform(500, 90_000):.1f}",
        **{k: rng.randint(10, 9_999) for k in counts},
    }


def article(i: int, places: list[tuple[str, str]]) -> str:
    rng = random.Random(i)
    county, province = places[rng.randrange(len(places))]

    def sentence(templates: tuple[str, ...]) -> str:
        return rng.choice(templates).format(**figures(rng, i, county, province))

    parts = [sentence((TITLE,)), sentence((HEAD,)) + sentence(SENTENCES)]
    length, target = sum(map(len, parts)), rng.randint(*TARGET_CHARS)
    while length < target:
        paragraph = "".join(
            sentence(SENTENCES if rng.random() < NUMERIC_SHARE else FILLER) for _ in range(rng.randint(3, 6))
        )
        parts.append(paragraph)
        length += len(paragraph)
    return "\n\n".join(parts) + "\n"


def generate(dest: Path, count: int) -> None:
    places = counties()
    for i in range(count):
        folder = dest / f"{i // PER_FOLDER:03d}"
        if i % PER_FOLDER == 0:
            folder.mkdir(parents=True)
        (folder / f"{i:06d}.txt").write_text(article(i, places), encoding="utf-8")


def measure(count: int, work: Path) -> tuple[str, float, float, float]:
    """The shown command line, wall seconds, CPU seconds and peak RSS (MiB) of one run."""
    inputs, out = work / "in", work / "out"
    generate(inputs, count)
    argv = run_argv(inputs, out, "--quiet")
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    assert child.stderr is not None
    errors = child.stderr.read().decode()
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{shown(argv)} failed: {errors}")
    written = sum(1 for _ in out.glob("*.json"))
    if written != count:
        raise SystemExit(f"{count} articles, {written} summaries")
    shutil.rmtree(inputs)
    shutil.rmtree(out)
    return shown(argv), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / MIB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help=f"also run {LARGE:,} articles")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="article counts to run")
    args = parser.parse_args()
    sizes = [*args.sizes, LARGE] if args.large else args.sizes
    rows = []
    with tempfile.TemporaryDirectory(prefix="povsum-bench-") as tmp:
        for count in sizes:
            work = Path(tmp) / str(count)
            command, wall, cpu, rss = measure(count, work)
            rows.append((count, wall, cpu, rss))
    base = dict((count, rss) for count, _, _, rss in rows).get(1_000)
    print("## Bounded memory: `povsum run` on generated articles\n")
    print(provenance(shlex.join([".venv/bin/python", "bench/memory.py", *sys.argv[1:]])))
    print(f"- usable cores: {cores()} (`os.sched_getaffinity`); one run per size, each a fresh process")
    print(
        f"- inputs: articles of {TARGET_CHARS[0]:,}-{TARGET_CHARS[1]:,} characters from templates "
        f"written for the bench, unique bytes, {PER_FOLDER:,} per folder\n"
    )
    print("| articles | wall | CPU | articles/s (wall) | peak RSS | RSS / RSS at 1,000 |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for count, wall, cpu, rss in rows:
        ratio = f"{rss / base:.2f}" if base else ""
        print(f"| {count:,} | {wall:.1f} s | {cpu:.1f} s | {count / wall:.0f} | {rss:.0f} MiB | {ratio} |")
    print(f"\nChild command (temp paths): `{command}`. CPU and peak RSS from `os.wait4`: the run and its")
    print("worker processes; peak RSS is the largest single process, not their sum.")


if __name__ == "__main__":
    main()
