"""A scripted OpenAI-compatible chat-completions endpoint: no model, a queue of replies.

Each request pops the next ``Reply``. Its text is rendered for the request that pops it: as the
arguments of a tool call when the request offers tools (instructor's tools mode), as the message
content when it asks for a ``response_format`` (json_schema mode), and inside a fenced ``json``
block otherwise (md_json mode). So one script serves every mode.

One ``ScriptedModel`` serves two transports: ``ScriptedServer``, a real HTTP server on 127.0.0.1
(cassette recording, timeouts, connection handling), and ``mock_client``, an ``openai.OpenAI``
whose HTTP goes to an in-process ``httpx2.MockTransport`` (fast unit tests, no sockets). Either
serves any ``App`` (``handle(method, path, headers, body)``): the model itself, or the scripted
files and batches endpoints of ``batch_server.py`` in front of it.
"""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol

import httpx2
import openai

TEST_KEY = "sk-povsum-test-0000000000"  # shaped like a real key, so a leak is caught by the scan
CREATED = 1_700_000_000  # fixed, so recorded responses do not change between recordings


@dataclass(frozen=True)
class Reply:
    status: int = 200
    text: str = ""  # the answer as the model writes it (JSON, or anything for malformed output)
    prose: str = ""  # md_json only: words around the fenced block, as chatty local models add
    error: str = ""  # the error message of a non-200 reply
    code: str | None = None  # the error code of a non-200 reply, e.g. "insufficient_quota"
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0  # seconds before answering (timeouts)
    usage: bool = True  # False: no usage block, as some local servers answer
    cached_tokens: int = 0  # prompt tokens the provider says it served from its prefix cache
    finish_reason: str | None = None  # default: "tool_calls" for tool calls, else "stop"
    more_calls: tuple[str, ...] = ()  # tools mode: the arguments of further calls in the same answer


# A queued item is a reply, or a function that builds one from the request it answers.
Scripted = Reply | Callable[[dict[str, Any]], Reply]


def answer(data: Mapping[str, Any], **options: Any) -> Reply:
    """A well-formed answer carrying ``data``."""
    return Reply(text=json.dumps(data, ensure_ascii=False), **options)


def raw(text: str, **options: Any) -> Reply:
    """An answer with exactly this text (malformed JSON, prose instead of JSON...)."""
    return Reply(text=text, **options)


def failure(status: int, message: str = "", retry_after: str | None = None, code: str | None = None) -> Reply:
    headers = (("retry-after", retry_after),) if retry_after is not None else ()
    return Reply(status=status, error=message or f"scripted error {status}", code=code, headers=headers)


def slow(reply: Reply, seconds: float) -> Reply:
    return dataclasses.replace(reply, delay=seconds)


@dataclass(frozen=True)
class Seen:
    """A request as the endpoint received it."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]


class App(Protocol):
    def handle(
        self, method: str, path: str, headers: Mapping[str, str], body: bytes
    ) -> tuple[Reply, int, bytes]:
        """(the scripted reply, HTTP status, response body) for one request."""
        ...


class ScriptedModel:
    """Thread-safe: replies are popped in arrival order."""

    def __init__(self, replies: Iterable[Scripted] = ()) -> None:
        self.replies: deque[Scripted] = deque(replies)
        self.seen: list[Seen] = []
        self._lock = threading.Lock()

    def queue(self, *replies: Scripted) -> None:
        with self._lock:
            self.replies.extend(replies)

    def handle(
        self, method: str, path: str, headers: Mapping[str, str], body: bytes
    ) -> tuple[Reply, int, bytes]:
        if method != "POST":
            return Reply(status=405), 405, error_body(f"no {method} route for {path}")
        return self.respond(path, headers, body)

    def respond(self, path: str, headers: Mapping[str, str], body: bytes) -> tuple[Reply, int, bytes]:
        """The reply for one request: (the scripted reply, HTTP status, response body)."""
        if not path.endswith("/chat/completions"):
            return Reply(status=404), 404, error_body(f"no route for {path}")
        request = json.loads(body or b"{}")
        with self._lock:
            self.seen.append(Seen(path, {k.lower(): v for k, v in headers.items()}, request))
            n = len(self.seen)
            scripted = self.replies.popleft() if self.replies else None
        reply = scripted(request) if callable(scripted) else scripted
        if reply is None:  # a 400 is not retried, so a short script fails fast and says why
            return Reply(status=400), 400, error_body("the scripted model has no reply left")
        if reply.status != 200:
            return reply, reply.status, error_body(reply.error, reply.code)
        return reply, 200, json.dumps(_completion(reply, request, n), ensure_ascii=False).encode()


def error_body(message: str, code: str | None = None) -> bytes:
    return json.dumps({"error": {"message": message, "type": "scripted", "code": code}}).encode()


def _completion(reply: Reply, request: dict[str, Any], n: int) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": None}
    if request.get("tools"):
        name = request["tools"][0]["function"]["name"]
        message["tool_calls"] = [
            {"id": f"call_{n}_{i}", "type": "function", "function": {"name": name, "arguments": arguments}}
            for i, arguments in enumerate((reply.text, *reply.more_calls))
        ]
        finish = "tool_calls"
    elif request.get("response_format"):
        message["content"] = reply.text
        finish = "stop"
    else:
        message["content"] = f"{reply.prose}\n```json\n{reply.text}\n```\n".lstrip()
        finish = "stop"
    completion: dict[str, Any] = {
        "id": f"chatcmpl-scripted-{n}",
        "object": "chat.completion",
        "created": CREATED,
        "model": request.get("model", "scripted"),
        "choices": [{"index": 0, "message": message, "finish_reason": reply.finish_reason or finish}],
    }
    if reply.usage:
        # Deterministic stand-ins for token counts: about one token per two characters.
        prompt = sum(len(str(m.get("content") or "")) for m in request.get("messages", []))
        completion["usage"] = {
            "prompt_tokens": prompt // 2,
            "completion_tokens": len(reply.text) // 2,
            "total_tokens": prompt // 2 + len(reply.text) // 2,
        }
        if reply.cached_tokens:
            completion["usage"]["prompt_tokens_details"] = {"cached_tokens": reply.cached_tokens}
    return completion


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.do_POST()

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        reply, status, payload = self.server.app.handle(self.command, self.path, dict(self.headers), body)
        time.sleep(reply.delay)
        try:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            for name, value in reply.headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client timed out and left: that is what a slow reply is for

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, app: App) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.app = app


class ScriptedServer:
    """``with ScriptedServer(replies) as server:`` serves ``server.url`` (``.../v1``) on 127.0.0.1;
    ``app`` puts more endpoints in front of the model (``batch_server.ScriptedBatches``)."""

    def __init__(
        self,
        replies: Iterable[Scripted] = (),
        prefix: str = "/v1",
        app: Callable[[ScriptedModel], App] | None = None,
    ) -> None:
        self.model = ScriptedModel(replies)
        self.prefix = prefix
        self.app: App = app(self.model) if app is not None else self.model
        self._server = _Server(self.app)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{self.prefix}"

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def mock_client(app: App, base_url: str = "http://scripted.test/v1") -> openai.OpenAI:
    """An OpenAI client whose requests are answered in-process by ``app`` (a ``ScriptedModel``)."""

    def handle(request: httpx2.Request) -> httpx2.Response:
        reply, status, payload = app.handle(
            request.method, request.url.path, dict(request.headers), request.read()
        )
        return httpx2.Response(
            status, content=payload, headers=[("content-type", "application/json"), *reply.headers]
        )

    http = httpx2.Client(transport=httpx2.MockTransport(handle))
    return openai.OpenAI(base_url=base_url, api_key=TEST_KEY, max_retries=0, http_client=http)
