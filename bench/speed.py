"""Offline speed on one core, in process: the seeds x200 with unique bytes, the real corpus and the
cost of each stage (start-up is `startup.py`'s).

Unique bytes: each copy gets its index appended as a last line, so no cache (quote
normalization, the quantities of a quote) serves one copy from another. Figures are min and
median of 3 runs; CPU time of this process (one core: the loop is single-threaded).

    .venv/bin/python bench/speed.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import ROOT, SEEDS, cores, provenance

RUNS = 3
COPIES = 200
CORPUS = ROOT.parent / "shared" / "corpus" / "texts"


def unique_copies(paths: list[Path], copies: int) -> list[bytes]:
    data = [p.read_bytes() for p in paths]
    return [data[i % len(data)] + f"\n{i}\n".encode() for i in range(copies * len(data))]


def cpu_seconds(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def stages(articles: list[bytes]) -> dict[str, float]:
    """CPU seconds per stage over ``articles`` (one pass, fresh caches as far as unique bytes go)."""
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


def throughput(articles: list[bytes]) -> list[float]:
    """Articles per CPU second, per run; each run in a fresh process so no run warms the next."""
    code = (
        "import sys, time, pickle;"
        "from povsum import Settings, Summarizer;"
        "data = pickle.load(sys.stdin.buffer); s = Summarizer(Settings(extractor='rules'));"
        "s.summarize(b'warm up: load the gazetteer and tables');"
        "t = time.process_time(); [s.summarize(d) for d in data]; print(time.process_time() - t)"
    )
    import pickle

    rates = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", code], input=pickle.dumps(articles), capture_output=True, check=True
        ).stdout
        rates.append(len(articles) / float(out))
    return rates


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
        "(an index line appended)\n"
    )
    print("| what | min | median |\n| --- | ---: | ---: |")
    print(row(f"rules path, the seeds x{COPIES} ({len(seeds)} articles)", throughput(seeds), "articles/s"))
    if CORPUS.is_dir():
        corpus = unique_copies(sorted(CORPUS.glob("*.txt")), 5)
        print(
            row(
                f"rules path, the 180 corpus excerpts x5 ({len(corpus)} articles)",
                throughput(corpus),
                "articles/s",
            )
        )
    spent = stages(seeds)
    total = sum(spent.values())
    print(f"\nCPU per stage over the {len(seeds)} seed copies (one pass):\n")
    print("| stage | ms/article | share |\n| --- | ---: | ---: |")
    for name, seconds in spent.items():
        print(f"| {name} | {seconds / len(seeds) * 1000:.2f} | {seconds / total:.0%} |")
    print(f"| all | {total / len(seeds) * 1000:.2f} | 100% |")


if __name__ == "__main__":
    main()
