"""HTTP guards (issue 14, items 12-14), against real sockets on 127.0.0.1 served by scripted
handlers written for these tests: a total deadline per request, no redirects to another host, no
credentials from a URL in any message or recording."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from llm_cases import HAIKOU, clean_request
from vcr.request import Request

from povsum import Document, Settings, Summarizer
from povsum.errors import ExtractionError
from povsum.extractors.llm import LLMExtractor
from povsum.extractors.llm.transport import RetryPolicy


@contextmanager
def serve(handler: type[BaseHTTPRequestHandler], host: str = "127.0.0.1") -> Iterator[str]:
    server = ThreadingHTTPServer((host, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


class Dripping(BaseHTTPRequestHandler):
    """Headers at once, then one byte every 0.2 s for a minute: each read is quick, the whole is not."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["content-length"]))
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", "300")
        self.end_headers()
        for _ in range(300):
            try:
                self.wfile.write(b" ")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.2)

    def log_message(self, *args: object) -> None:
        pass


def extractor(base_url: str, timeout: float = 1.0) -> LLMExtractor:
    settings = Settings(
        extractor="llm", model="scripted-model", base_url=base_url, timeout=timeout, max_retries=0
    )
    return LLMExtractor(settings, retry=RetryPolicy(attempts=1, sleep=lambda s: None))


def test_a_server_dripping_bytes_is_cut_off_at_the_deadline() -> None:
    with serve(Dripping) as url:
        started = time.monotonic()
        with pytest.raises(ExtractionError, match="timed out"):
            extractor(url, timeout=1.0).extract(Document.from_text(HAIKOU))
    assert time.monotonic() - started < 5


def test_a_redirect_to_another_host_is_refused_and_not_retried() -> None:
    hits: list[str] = []

    class Elsewhere(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    with serve(Elsewhere, host="127.0.0.2") as other:

        class Redirecting(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers["content-length"]))
                self.send_response(307)
                self.send_header("location", other + "/chat/completions")
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        with (
            serve(Redirecting) as url,
            pytest.raises(ExtractionError, match="redirect to another host refused"),
        ):
            extractor(url).extract(Document.from_text(HAIKOU))
    assert hits == []  # the article never reached the other host


def test_credentials_in_a_base_url_are_never_shown_or_recorded() -> None:
    settings = Settings(extractor="llm", base_url="https://user:sk-very-secret@api.example.com/v1")
    assert "sk-very-secret" not in Summarizer(settings).describe()
    recorded = clean_request(
        Request("POST", "https://user:sk-very-secret@api.example.com/v1/chat", b"{}", {})
    )
    assert "sk-very-secret" not in recorded.uri and recorded.uri.startswith("https://api.example.com/")
