"""Re-record the cassettes in cassettes/ (``make record``).

By default every cassette is recorded against the scripted OpenAI-compatible server of the tests
(tests/llm/llm_server.py) on 127.0.0.1: the answers are hand-written, NOT real model output.

With OPENAI_API_KEY or OPENAI_BASE_URL set, the cases a real model can answer (``Case.real``: the
five seeds) are recorded against that endpoint with POVSUM_MODEL; the failure cases (429, 500,
malformed JSON, an obedient model...) exist only as scripts and still use the scripted server.

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help=f"cases to record (default: all): {', '.join(CASES)}")
    names = parser.parse_args().cases or list(CASES)
    if unknown := sorted(set(names) - set(CASES)):
        parser.error(f"unknown case {', '.join(unknown)}")
    settings = Settings.from_env()
    endpoint = settings if settings.llm_configured else None
    for name in names:
        print(f"{CASES[name].cassette}: {record(CASES[name], endpoint)}")


if __name__ == "__main__":
    main()
