"""The LLM client's overhead per request: the CPU the calling thread spends on one request of the
llm extractor (the messages and schema, instructor, the openai SDK's HTTP, parsing and validating
the answer, checking it), against the scripted local server answering at once (hand-written seed
answers, which verify: one request per article, no re-asks). The server runs in a thread of its
own, and `time.thread_time()` counts only the calling thread's CPU, so the server's work is not
in the figures. The document is read before the clock starts. Checking the answer (the verifier)
runs inside the request's handling; it is timed on its own too, and the overhead is the rest.

Quote caches are emptied before each request (cold, as distinct articles find them). Each run
is one request per seed, 4 times over; 3 runs in this process after one request that warms the
imports and the client (its CPU is the "first request" column).

    .venv/bin/python bench/llm_overhead.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import get_args

from common import SEEDS, provenance
from llm_common import MARKER, serve
from speed import empty_quote_caches

from povsum import Document, Settings, Summarizer
from povsum.config import Mode
from povsum.verify import verify

RUNS = 3
ROUNDS = 4  # requests per seed in each run


def thread_cpu(work: Callable[[], object]) -> tuple[float, object]:
    start = time.thread_time()
    result = work()
    return time.thread_time() - start, result


def measure(mode: str) -> tuple[float, list[float], list[float]]:
    """(the first request's CPU, per run the median CPU of a request, per run the median CPU of
    verifying its answer), seconds."""
    docs = [
        Document.from_text(seed.read_text(encoding="utf-8") + "\n\n" + MARKER.format(i) + "\n")
        for i, seed in enumerate(SEEDS)
    ]
    with serve(len(docs) * (RUNS * ROUNDS + 1), delay=0) as server:
        settings = Settings(extractor="llm", model="scripted-model", base_url=server.url, mode=mode)
        extractor = Summarizer(settings).extractor
        empty_quote_caches()
        first, _ = thread_cpu(lambda: extractor.extract(docs[0]))
        requests, checks = [], []
        for _ in range(RUNS):
            spent, verifying = [], []
            for doc in docs * ROUNDS:
                empty_quote_caches()
                cpu, summary = thread_cpu(lambda doc=doc: extractor.extract(doc))
                assert summary.verification.status == "verified", summary.verification
                empty_quote_caches()
                check, _ = thread_cpu(lambda doc=doc, summary=summary: verify(summary, doc))
                spent.append(cpu)
                verifying.append(check)
            requests.append(statistics.median(spent))
            checks.append(statistics.median(verifying))
    return first, requests, checks


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    print("## LLM client overhead per request (scripted server, answering at once)\n")
    print(provenance(".venv/bin/python bench/llm_overhead.py"))
    print(f"- {RUNS} runs of {ROUNDS} requests per seed ({ROUNDS * len(SEEDS)} per run); per run the median")
    print("- CPU of the calling thread (`time.thread_time()`); the server's thread is not counted\n")
    columns = ("first request", "a request, min", "median", "of which verifying, median", "overhead, median")
    print("| mode | " + " | ".join(columns) + " |")
    print("| --- |" + " ---: |" * len(columns))
    for mode in get_args(Mode):
        first, requests, checks = measure(mode)
        request, check = statistics.median(requests), statistics.median(checks)
        figures = (first, min(requests), request, check, request - check)
        print(f"| {mode} | " + " | ".join(map(ms, figures)) + " |")


if __name__ == "__main__":
    main()
