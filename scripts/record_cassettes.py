"""Re-record the cassettes in cassettes/ (``make record``).

By default every cassette is recorded against the scripted OpenAI-compatible server of the tests
(tests/llm/llm_server.py) on 127.0.0.1: the answers are hand-written, NOT real model output.

With OPENAI_API_KEY or OPENAI_BASE_URL set, the cases a real model can answer (``Case.real``: the
five seeds) are recorded against that endpoint with POVSUM_MODEL; the failure cases (429, 500,
malformed JSON, an obedient model...) exist only as scripts and still use the scripted server.
The Batch API round trip (tests/llm/batch_cases.py, ``batch_round_trip``) is always recorded from
the scripted files and batches endpoints.

usage: .venv/bin/python scripts/record_cassettes.py [CASE ...]    (default: every case)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "llm"))  # the cases and the scripted server live with the tests

import batch_cases  # noqa: E402
from llm_cases import CASES, CASSETTES, Case, recorder, run_case  # noqa: E402
from llm_server import ScriptedServer  # noqa: E402

from povsum.config import Settings  # noqa: E402


def record(case: Case, endpoint: Settings | None) -> str:
    """Record one cassette; returns where its answers came from."""
    (CASSETTES / case.cassette).unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp, recorder("all").use_cassette(case.cassette):
        if endpoint is not None and case.real:
            key = endpoint.api_key.get_secret_value() if endpoint.api_key else None
            run_case(
                case,
                Path(tmp),
                base_url=endpoint.base_url,
                model=endpoint.model,
                api_key=key,
                sleep=time.sleep,
            )
            return f"{endpoint.model} at {endpoint.base_url or 'api.openai.com'}"
        with ScriptedServer(case.replies) as server:
            run_case(case, Path(tmp), base_url=server.url)
            left = len(server.model.replies)
        if left:
            raise SystemExit(f"{case.name}: {left} scripted replies were not used; fix the case")
        return "scripted server"


BATCH = batch_cases.CASSETTE.removesuffix(".yaml")


def record_batch() -> str:
    (CASSETTES / batch_cases.CASSETTE).unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        batch_cases.record(Path(tmp))
    return "scripted files and batches endpoints"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    known = [*CASES, BATCH]
    parser.add_argument("cases", nargs="*", help=f"cases to record (default: all): {', '.join(known)}")
    names = parser.parse_args().cases or known
    if unknown := sorted(set(names) - set(known)):
        parser.error(f"unknown case {', '.join(unknown)}")
    settings = Settings.from_env()
    endpoint = settings if settings.llm_configured else None
    for name in names:
        if name == BATCH:
            print(f"{batch_cases.CASSETTE}: {record_batch()}")
        else:
            print(f"{CASES[name].cassette}: {record(CASES[name], endpoint)}")


if __name__ == "__main__":
    main()
