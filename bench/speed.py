"""Offline speed on one core, in process: the seeds x200 with unique bytes, the real corpus and the
cost of each stage (start-up is `startup.py`'s).

Unique bytes: each copy gets its index appended as a last line, so no cache keyed by the whole
text serves one copy from another. The copies still share their sentences, so the caches keyed by a
quote or a sentence (quote normalization, the quantities of a quote, a sentence's literal pieces)
would serve later copies from earlier ones: the "cold" rows empty them before every article, as a
corpus of distinct articles would find them. Figures are min and median of 3 runs;
CPU time of this process (one core: the loop is single-threaded).

    .venv/bin/python bench/speed.py
"""

from __future__ import annotations

import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from common import ROOT, SEEDS, cores, provenance

RUNS = 3
COPIES = 200
STAGE_COPIES = 40  # the per-stage table: the seeds x40, RUNS passes, each stage's fastest pass
CORPUS = ROOT.parent / "shared" / "corpus" / "texts"
# The code before issue 13's rules speed work: the per-stage table and the seeds' throughput are
# measured on it too (its src/ taken with `git archive`), for the before/after columns.
BEFORE = "57ef71e"


def unique_copies(paths: list[Path], copies: int) -> list[bytes]:
    data = [p.read_bytes() for p in paths]
    return [data[i % len(data)] + f"\n{i}\n".encode() for i in range(copies * len(data))]


def cpu_seconds(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


# The caches keyed by a quote or a sentence (module, function): emptied before each article for a
# cold run. The numeral cache (numbers._cn_decimal) stays: distinct articles share numerals too.
QUOTE_CACHES = (
    ("povsum.document", "_normalized"),
    ("povsum.verify", "_quantities_in"),
    ("povsum.extractors.rules.literals", "_pieces"),
)


def empty_quote_caches() -> None:
    import importlib
    import importlib.util

    for module, name in QUOTE_CACHES:
        if importlib.util.find_spec(module) is not None:  # the code before has no literals module
            getattr(importlib.import_module(module), name).cache_clear()


def stages(articles: list[bytes]) -> dict[str, float]:
    """CPU seconds per stage over ``articles`` (one pass, the quote caches emptied before each)."""
    from povsum.document import Document
    from povsum.extractors.rules.figures import find_figures
    from povsum.extractors.rules.funding import find_funding
    from povsum.extractors.rules.measures import find_measures
    from povsum.extractors.rules.region import find_region
    from povsum.extractors.rules.trace import Trace
    from povsum.models import ArticleSummary, ExtractorInfo
    from povsum.sentences import split_sentences
    from povsum.verify import verify

    names = ("read and normalize", "sentences", "region", "figures", "funding", "measures", "verify")
    spent = dict.fromkeys(names, 0.0)

    def timed(name: str, work: Callable[..., Any], *args: Any) -> Any:
        start = time.process_time()
        result = work(*args)
        spent[name] += time.process_time() - start
        return result

    for data in articles:
        empty_quote_caches()
        doc = timed("read and normalize", Document.from_bytes, data)
        sentences = timed("sentences", split_sentences, doc.text)
        region = timed("region", find_region, doc, sentences, Trace())
        baseline, outcome = timed("figures", find_figures, doc, sentences, Trace(), region)
        funding = timed("funding", find_funding, doc, sentences, Trace())
        measures = timed("measures", find_measures, doc, sentences, Trace())
        draft = ArticleSummary(
            source=doc.source_info(),
            region=region,
            baseline=baseline,
            outcome=outcome,
            funding=funding,
            measures=measures,
            extractor=ExtractorInfo(name="rules"),
        )
        timed("verify", verify, draft, doc)
    return spent


def _child(code: str, articles: list[bytes], src: Path | None) -> bytes:
    """What a fresh process running ``code`` on the pickled ``articles`` prints; it imports povsum
    from ``src`` when given (the code before), else as this process does."""
    return subprocess.run(
        [sys.executable, "-c", code],
        input=pickle.dumps(articles),
        capture_output=True,
        check=True,
        cwd=ROOT,
        env=_env(src),
    ).stdout


def _env(src: Path | None) -> dict[str, str] | None:
    """A child's environment: povsum imported from ``src`` when given, else as this process does."""
    return None if src is None else {**os.environ, "PYTHONPATH": str(src)}


def throughput(articles: list[bytes], src: Path | None = None) -> list[float]:
    """Articles per CPU second, per run, cold; each run in a fresh process so no run warms the
    next. The quote caches are emptied before every article (the emptying is timed too)."""
    code = (
        "import sys, time, pickle; sys.path.insert(0, 'bench'); from speed import empty_quote_caches;"
        "from povsum import Settings, Summarizer;"
        "data = pickle.load(sys.stdin.buffer); s = Summarizer(Settings(extractor='rules'));"
        "s.summarize(b'warm up: load the gazetteer and tables');"
        "t = time.process_time(); [(empty_quote_caches(), s.summarize(d)) for d in data];"
        "print(time.process_time() - t)"
    )
    return [len(articles) / float(_child(code, articles, src)) for _ in range(RUNS)]


def stage_costs(articles: list[bytes], src: Path | None = None) -> dict[str, float]:
    """CPU ms per article of each stage, the fastest of RUNS passes, in a fresh process."""
    code = (
        "import sys, json, pickle; sys.path.insert(0, 'bench'); from speed import stages, RUNS;"
        "data = pickle.load(sys.stdin.buffer); stages(data[:10]);"
        "runs = [stages(data) for _ in range(RUNS)];"
        "print(json.dumps({k: min(r[k] for r in runs) * 1000 / len(data) for k in runs[0]}))"
    )
    return json.loads(_child(code, articles, src))


@contextmanager
def code_before() -> Iterator[Path | None]:
    """``src/`` of the BEFORE commit in a temporary folder; None when git cannot give it."""
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(
            ["git", "archive", BEFORE, "src"], cwd=ROOT, capture_output=True, check=False
        )
        if archive.returncode != 0:
            yield None
            return
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        yield Path(folder) / "src"


def row(name: str, values: list[float], unit: str, digits: int = 1) -> str:
    """Min and median; for a rate the min is the slowest run."""
    return f"| {name} | {min(values):.{digits}f} {unit} | {statistics.median(values):.{digits}f} {unit} |"


def main() -> None:
    seeds = unique_copies(SEEDS, COPIES)
    print("## Offline speed on one core\n")
    print(provenance(".venv/bin/python bench/speed.py"))
    print(f"- usable cores: {cores()}; the loops below run on one; {RUNS} runs, each in a fresh process")
    print(
        f"- inputs: the {len(SEEDS)} seeds x{COPIES} = {len(seeds)} articles, unique bytes "
        "(an index line appended); cold: the caches keyed by a quote or a sentence "
        "emptied before every article"
    )
    print(f"- before: the code of commit {BEFORE}, before issue 13's rules speed work\n")
    with code_before() as before:
        print("| what | min | median |\n| --- | ---: | ---: |")
        label = f"rules path, the seeds x{COPIES} ({len(seeds)} articles), cold"
        print(row(label, throughput(seeds), "articles/s"))
        if before is not None:
            print(
                row(f"before: rules path, the seeds x{COPIES}, cold", throughput(seeds, before), "articles/s")
            )
        if CORPUS.is_dir():
            corpus = unique_copies(sorted(CORPUS.glob("*.txt")), 5)
            label = f"rules path, the 180 corpus excerpts x5 ({len(corpus)} articles), cold"
            print(row(label, throughput(corpus), "articles/s"))
        sample = unique_copies(SEEDS, STAGE_COPIES)
        after = stage_costs(sample)
        then = stage_costs(sample, before) if before is not None else None
    print(
        f"\nCPU per stage, ms per article, over the seeds x{STAGE_COPIES} ({len(sample)} articles, "
        f"cold), the fastest of {RUNS} passes:\n"
    )
    print("| stage | before | now | share now |\n| --- | ---: | ---: | ---: |")
    total = sum(after.values())
    for name, ms in [*after.items(), ("all", total)]:
        was = "-" if then is None else f"{then[name] if name in then else sum(then.values()):.2f}"
        print(f"| {name} | {was} | {ms:.2f} | {ms / total:.0%} |")


if __name__ == "__main__":
    main()
