"""`povsum serve`: every route and error through FastAPI's test client, then the real server.

The rules app runs articles in one worker process, as the service does; the stand-in LLM
extractor and the real one over a mock transport run in the service's threads.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from povsum import ArticleSummary, Document, ExtractionError, Settings, Summarizer
from povsum.cli import app as cli
from povsum.extractors.llm import LLMExtractor
from povsum.extractors.llm.transport import RetryPolicy
from povsum.models import ExtractorInfo
from povsum.service import ServiceOptions
from povsum.service.app import create_app
from povsum.service.engine import Engine, Rejected, Summarize
from povsum.summaries import summary_json
from povsum.verify import verify

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED = SEEDS[0]
TOKEN = "tok-povsum-serve-test-5f2e9a"
KEY = "sk-povsum-serve-test-0000000000"
MAX_BYTES = 50_000  # the largest seed is 11 KB
MAX_BODY = 200_000


def without_path(summary: ArticleSummary) -> ArticleSummary:
    """The summary as the service gives it: it reads no file, so ``source.path`` is null."""
    return summary.model_copy(update={"source": summary.source.model_copy(update={"path": None})})


def assert_one_line(response: httpx2.Response, status: int, reason: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"detail"}
    assert body["detail"].startswith(reason), body["detail"]
    assert "\n" not in body["detail"] and "Traceback" not in response.text


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    summarizer = Summarizer(Settings(extractor="rules", max_bytes=MAX_BYTES))
    options = ServiceOptions(workers=1, max_body=MAX_BODY, token=TOKEN)
    with TestClient(create_app(summarizer, options), headers={"authorization": f"Bearer {TOKEN}"}) as c:
        yield c


# --- POST /v1/summaries ----------------------------------------------------------------------


def test_a_json_article_gets_the_summary_povsum_run_writes(
    client: TestClient, seed_summaries: dict[str, ArticleSummary]
) -> None:
    for seed in SEEDS:
        response = client.post("/v1/summaries", json={"text": seed.read_text(encoding="utf-8")})
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        assert response.text == summary_json(without_path(seed_summaries[seed.stem]))


def test_a_raw_upload_is_decoded_as_the_cli_decodes_a_file(
    client: TestClient, rules_summarizer: Summarizer
) -> None:
    gb18030 = SEEDS[1].read_text(encoding="utf-8").encode("gb18030")
    page = (
        f"<html><head><title>海口</title></head><body><p>{SEED.read_text(encoding='utf-8')}</p></body></html>"
    )
    for media, data in (("text/plain; charset=gb18030", gb18030), ("text/html", page.encode("utf-8"))):
        response = client.post("/v1/summaries", content=data, headers={"content-type": media})
        assert response.status_code == 200, response.text
        assert response.text == summary_json(rules_summarizer.summarize(data))


def test_title_and_url_given_with_the_text_are_the_source_s(client: TestClient) -> None:
    article = {"text": SEED.read_text(encoding="utf-8"), "title": "海口脱贫", "url": "https://example.org/a"}
    source = client.post("/v1/summaries", json=article).json()["source"]
    assert (source["title"], source["url"]) == ("海口脱贫", "https://example.org/a")


@pytest.mark.parametrize(
    ("body", "media", "status", "reason"),
    [
        (b'{"text": ""}', "application/json", 400, "the input is empty"),
        (b'{"text": " \\n "}', "application/json", 400, "the input contains only whitespace"),
        (b"", "text/plain", 400, "the input is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "text/plain", 400, "this is a PNG image, not a text article"),
        (b"text\x00with NUL", "text/plain", 400, "binary data (contains NUL bytes), not a text article"),
        (b"\xff" * 20, "text/html", 400, "cannot be decoded as UTF-8, UTF-16, GB18030 or Big5 text"),
        (
            b"a" * 60_000,
            "text/plain",
            413,
            "60,000 bytes is larger than the 50,000-byte limit (raise it with --max-bytes)",
        ),
        (
            json.dumps({"text": "贫" * 20_000}).encode(),
            "application/json",
            413,
            "60,000 bytes is larger than the 50,000-byte limit (raise it with --max-bytes)",
        ),
        (b'{"text": ', "application/json", 400, "malformed JSON: EOF while parsing a value"),
        (b'{"txt": "x"}', "application/json", 422, "text: Field required (and 1 more problem)"),
        (b'["x"]', "application/json", 422, "body: Input should be an object"),
        (b"text=x", "application/x-www-form-urlencoded", 415, "send the article as application/json or as"),
    ],
)
def test_a_bad_request_gets_its_status_and_the_cli_s_one_line_reason(
    client: TestClient, body: bytes, media: str, status: int, reason: str
) -> None:
    response = client.post("/v1/summaries", content=body, headers={"content-type": media})
    assert_one_line(response, status, reason)


def test_a_body_over_the_limit_is_refused_whether_or_not_its_length_is_declared(client: TestClient) -> None:
    body = b"a" * (MAX_BODY + 1)
    reason = "the request body is larger than the 200,000-byte limit (raise it with --max-body)"
    headers = {"content-type": "text/plain"}
    assert_one_line(client.post("/v1/summaries", content=body, headers=headers), 413, reason)
    chunked = client.post("/v1/summaries", content=iter([body[:100_000], body[100_000:]]), headers=headers)
    assert_one_line(chunked, 413, reason)


# --- POST /v1/verify, GET /v1/schema, GET /healthz, OpenAPI ----------------------------------


def test_verify_keeps_a_true_summary_and_removes_a_tampered_figure(
    client: TestClient, seed_summaries: dict[str, ArticleSummary]
) -> None:
    text = SEED.read_text(encoding="utf-8")
    summary = seed_summaries[SEED.stem].model_dump(mode="json")
    kept = client.post("/v1/verify", json={"summary": summary, "text": text})
    assert kept.status_code == 200
    assert kept.text == summary_json(
        verify(seed_summaries[SEED.stem], Document.from_bytes(text.encode("utf-8")))
    )
    summary["baseline"]["people"]["value"] = 28802
    checked = client.post("/v1/verify", json={"summary": summary, "text": text}).json()
    assert checked["baseline"]["people"] is None
    assert checked["verification"]["status"] == "partial"
    assert "baseline.people" in {f["field"] for f in checked["verification"]["failures"]}


def test_verify_refuses_what_is_not_a_summary_or_not_text(client: TestClient) -> None:
    not_summary = client.post("/v1/verify", json={"summary": {"schema_version": "1"}, "text": "x"})
    assert_one_line(not_summary, 422, "summary.source: Field required")
    surrogate = b'{"summary": {}, "text": "\\ud800"}'
    response = client.post("/v1/verify", content=surrogate, headers={"content-type": "application/json"})
    assert response.status_code == 422 and "\n" not in response.json()["detail"]


def test_schema_is_the_committed_json_schema(client: TestClient) -> None:
    response = client.get("/v1/schema")
    assert response.status_code == 200
    assert response.text == (ROOT / "schemas" / "article_summary.schema.json").read_text(encoding="utf-8")


def test_openapi_documents_every_route_from_the_models(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/v1/summaries", "/v1/verify", "/v1/batch", "/v1/schema", "/healthz"} <= set(spec["paths"])
    assert {"ArticleSummary", "VerifyIn", "BatchSummary", "BatchProblem", "Problem"} <= set(
        spec["components"]["schemas"]
    )
    body = spec["paths"]["/v1/summaries"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/plain", "text/html"} <= set(body)
    assert body["application/json"]["schema"]["required"] == ["text"]
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_health_needs_no_token(client: TestClient) -> None:
    response = client.get("/healthz", headers={"authorization": ""})
    assert response.status_code == 200
    assert response.json() | {"version": "v"} == {
        "status": "ok",
        "version": "v",
        "extractor": "rules",
        "workers": 1,
    }


@pytest.mark.parametrize("authorization", ["", "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x"])
def test_without_the_token_every_v1_route_is_401(client: TestClient, authorization: str) -> None:
    headers = {"authorization": authorization, "content-type": "text/plain"}
    for response in (
        client.post("/v1/summaries", content=SEED.read_bytes(), headers=headers),
        client.get("/v1/schema", headers=headers),
        client.post("/v1/batch", content=b"{}", headers=headers),
    ):
        assert_one_line(response, 401, "a valid bearer token is required")
        assert response.headers["www-authenticate"] == "Bearer"


def test_one_json_access_line_per_request_and_never_the_token(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="povsum.access")
    client.get("/v1/schema?probe=1")
    client.post("/v1/summaries", json={"text": ""})
    client.get("/v1/schema", headers={"authorization": "Bearer guessed-token"})
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "povsum.access"]
    assert [(line["method"], line["path"], line["status"]) for line in lines] == [
        ("GET", "/v1/schema", 200),
        ("POST", "/v1/summaries", 400),
        ("GET", "/v1/schema", 401),
    ]
    assert all(set(line) == {"method", "path", "status", "ms"} and line["ms"] >= 0 for line in lines)
    assert TOKEN not in caplog.text and "guessed-token" not in caplog.text


# --- POST /v1/batch ---------------------------------------------------------------------------


def ndjson(*articles: Any) -> bytes:
    return b"\n".join(a if isinstance(a, bytes) else json.dumps(a).encode() for a in articles) + b"\n"


def records(response: httpx2.Response) -> dict[int, dict[str, Any]]:
    return {r["line"]: r for r in map(json.loads, response.text.splitlines())}


def test_batch_answers_each_line_and_a_bad_line_does_not_stop_it(
    client: TestClient, seed_summaries: dict[str, ArticleSummary]
) -> None:
    articles = [{"text": seed.read_text(encoding="utf-8")} for seed in SEEDS]
    body = ndjson(*articles, {"text": ""}, b"", b"{not json")
    response = client.post("/v1/batch", content=body, headers={"content-type": "application/x-ndjson"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-ndjson"
    answered = records(response)
    assert sorted(answered) == [1, 2, 3, 4, 5, 6, 8]  # line 7 is blank
    for line, seed in enumerate(SEEDS, 1):
        expected = without_path(seed_summaries[seed.stem]).model_dump(mode="json")
        assert answered[line] == {"line": line, "status": 200, "summary": expected}
    assert answered[6] == {"line": 6, "status": 400, "detail": "the input is empty"}
    assert answered[8]["status"] == 400 and answered[8]["detail"].startswith("malformed JSON")


# --- the LLM path: threads, timeouts, upstream failures ----------------------------------------


class StandIn:
    """An extractor that waits like the llm one, and sleeps, fails or breaks as the text says."""

    name = "llm"
    waits_on_io = True
    verifies = False

    def __init__(self) -> None:
        self.active = 0
        self.most = 0
        self._lock = threading.Lock()

    def produced(self, summary: ArticleSummary) -> bool:
        return False

    def extract(self, document: Document) -> ArticleSummary:
        with self._lock:
            self.active += 1
            self.most = max(self.most, self.active)
        try:
            word, _, rest = document.text.partition(" ")
            if word == "sleep":
                time.sleep(float(rest))
            elif word == "fail":
                raise ExtractionError(rest)
            elif word == "bug":
                raise RuntimeError(rest)
            return ArticleSummary(source=document.source_info(), extractor=ExtractorInfo(name="llm"))
        finally:
            with self._lock:
                self.active -= 1


@pytest.fixture
def stand_in() -> StandIn:
    return StandIn()


@pytest.fixture
def llm_client(stand_in: StandIn) -> Iterator[TestClient]:
    summarizer = Summarizer(Settings(extractor="rules"), extractor=stand_in)
    app = create_app(summarizer, ServiceOptions(workers=2, request_timeout=0.5))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def post_text(client: TestClient, text: str) -> httpx2.Response:
    return client.post("/v1/summaries", json={"text": text})


def test_an_article_over_the_request_timeout_is_504(llm_client: TestClient) -> None:
    assert_one_line(
        post_text(llm_client, "sleep 2"), 504, "no result within 0.5 s (raise it with --request-timeout)"
    )
    assert post_text(llm_client, "sleep 0").status_code == 200


def test_a_bug_is_500_with_its_type_and_no_traceback(llm_client: TestClient) -> None:
    assert_one_line(post_text(llm_client, "bug boom"), 500, "internal error RuntimeError: boom")
    response = llm_client.post("/v1/batch", content=ndjson({"text": "bug boom"}, {"text": "ok"}))
    assert records(response)[1] == {"line": 1, "status": 500, "detail": "internal error RuntimeError: boom"}
    assert records(response)[2]["status"] == 200


def test_batch_streams_each_article_as_it_finishes_with_bounded_concurrency(
    llm_client: TestClient, stand_in: StandIn
) -> None:
    body = ndjson({"text": "sleep 0.3"}, *[{"text": "sleep 0.05"}] * 5)
    with llm_client.stream("POST", "/v1/batch", content=body) as response:
        lines = [json.loads(line)["line"] for line in response.iter_lines() if line]
    assert sorted(lines) == [1, 2, 3, 4, 5, 6]
    assert lines[0] != 1  # the slow first article is not waited for
    assert stand_in.most == 2  # --workers 2


def mock_endpoint(handler: Callable[[httpx2.Request], httpx2.Response]) -> TestClient:
    settings = Settings(extractor="llm", base_url="http://llm.test/v1", api_key=KEY, model="m")
    http = httpx2.Client(transport=httpx2.MockTransport(handler))
    client = openai.OpenAI(base_url=settings.base_url, api_key=KEY, max_retries=0, http_client=http)
    extractor = LLMExtractor(settings, client=client, retry=RetryPolicy(attempts=1))
    return TestClient(create_app(Summarizer(settings, extractor=extractor)))


def status(code: int) -> Callable[[httpx2.Request], httpx2.Response]:
    return lambda request: httpx2.Response(code, json={"error": {"message": f"no, {KEY}"}})


def raises(exc: type[httpx2.TransportError]) -> Callable[[httpx2.Request], httpx2.Response]:
    def handler(request: httpx2.Request) -> httpx2.Response:
        raise exc("down", request=request)

    return handler


@pytest.mark.parametrize(
    ("handler", "code", "reason"),
    [
        (status(429), 503, "rate limited (429) after 1 attempt"),
        (raises(httpx2.ConnectError), 503, "endpoint unreachable: http://llm.test/v1"),
        (raises(httpx2.ReadTimeout), 504, "endpoint timed out after"),
        (status(500), 502, "server error 500 after 1 attempt"),
        (status(401), 502, "401: check OPENAI_API_KEY"),
    ],
)
def test_an_llm_failure_is_a_gateway_error_with_its_reason(
    handler: Callable[[httpx2.Request], httpx2.Response],
    code: int,
    reason: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    with mock_endpoint(handler) as client:
        response = post_text(client, SEED.read_text(encoding="utf-8"))
    assert_one_line(response, code, reason)
    assert KEY not in response.text and KEY not in caplog.text


# --- the engine: a worker that dies is replaced ------------------------------------------------


class Crash:
    """A job that kills the worker process running it."""

    data = b"x"

    def run(self, summarizer: Summarizer) -> ArticleSummary:
        os._exit(1)


def test_a_worker_that_dies_is_503_and_the_pool_is_restarted(
    seed_summaries: dict[str, ArticleSummary],
) -> None:
    async def scenario() -> tuple[Rejected, ArticleSummary]:
        async with Engine(Summarizer(Settings(extractor="rules")), timeout=60, workers=1) as engine:
            with pytest.raises(Rejected) as died:
                await engine.run(Crash())
            return died.value, await engine.run(Summarize(SEED.read_bytes()))

    died, after = asyncio.run(scenario())
    assert (died.status, died.reason) == (
        503,
        "a worker process died on this article; the pool was restarted",
    )
    assert after == without_path(seed_summaries[SEED.stem])


# --- the command line -----------------------------------------------------------------------------


def test_serve_takes_the_token_from_povsum_token(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[Settings, ServiceOptions]] = []
    monkeypatch.setattr("povsum.service.serve", lambda settings, options: started.append((settings, options)))
    result = CliRunner().invoke(
        cli, ["serve", "--port", "9001", "--extractor", "rules"], env={"POVSUM_TOKEN": TOKEN}
    )
    assert result.exit_code == 0, result.output
    (settings, options), *_ = started
    assert (settings.extractor, options.port, options.host) == ("rules", 9001, "127.0.0.1")
    assert options.token is not None and options.token.get_secret_value() == TOKEN
    assert TOKEN not in repr(options)


def test_serve_with_an_unusable_configuration_exits_2_before_listening(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(cli, ["serve", "--extractor", "llm"])
    assert result.exit_code == 2
    assert "the llm extractor needs an endpoint" in result.output


# --- the real server ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`povsum serve` in a child process on a free port: its URL and its stdout (access log)."""
    logs = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = {
        k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "POVSUM_TOKEN")
    }
    argv = [
        sys.executable,
        "-m",
        "povsum",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "2",
    ]
    with open(logs / "stdout", "wb") as out, open(logs / "stderr", "wb") as err:
        child = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert child.poll() is None, (logs / "stderr").read_text()
            try:
                if httpx2.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx2.TransportError:
                assert time.monotonic() < deadline, "the server did not start in 30 s"
                time.sleep(0.1)
        yield url, logs / "stdout"
    finally:
        child.send_signal(signal.SIGINT)
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
            raise
    stderr = (logs / "stderr").read_text()
    assert child.returncode == 0 and "Traceback" not in stderr, stderr


def test_the_real_server_summarizes_each_seed_as_the_summarizer_does(
    server: tuple[str, Path], seed_summaries: dict[str, ArticleSummary]
) -> None:
    url, stdout = server
    with httpx2.Client(base_url=url, timeout=30) as http:
        for seed in SEEDS:
            response = http.post("/v1/summaries", json={"text": seed.read_text(encoding="utf-8")})
            assert response.status_code == 200
            assert ArticleSummary.model_validate_json(response.content) == without_path(
                seed_summaries[seed.stem]
            )
    # The access line is written once the last byte is sent, so it may trail the response a little.
    deadline = time.monotonic() + 5
    while served_lines(stdout) < len(SEEDS) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert served_lines(stdout) >= len(SEEDS)


def served_lines(stdout: Path) -> int:
    access = [json.loads(line) for line in stdout.read_text().splitlines()]
    return sum(line["path"] == "/v1/summaries" and line["status"] == 200 for line in access)


@pytest.mark.skipif(shutil.which("curl") is None, reason="needs curl")
def test_done_when_curl_with_seed_000_returns_what_povsum_run_wrote(
    server: tuple[str, Path], tmp_path: Path
) -> None:
    url, _ = server
    run = CliRunner().invoke(cli, ["run", str(SEED), "--out", str(tmp_path), "--extractor", "rules", "-q"])
    assert run.exit_code == 0, run.output
    written = json.loads((tmp_path / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    body = json.dumps({"text": SEED.read_text(encoding="utf-8")}, ensure_ascii=False)
    curl = [
        "curl",
        "-s",
        "-X",
        "POST",
        f"{url}/v1/summaries",
        "-H",
        "content-type: application/json",
        "-d",
        body,
    ]
    served = json.loads(subprocess.run(curl, capture_output=True, check=True).stdout)
    assert written["source"].pop("path") == str(SEED)
    assert served["source"].pop("path") is None
    assert served == written
