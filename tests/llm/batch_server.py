"""The files and batches endpoints of an OpenAI-compatible Batch API, scripted: no model.

``ScriptedBatches`` stands in front of a ``ScriptedModel`` (llm_server.py): an uploaded input file
is kept; creating a batch answers each of its lines at once with the model's next scripted reply
(the same chat completion a synchronous request would get), into an output file, or the error
file for a non-200 reply, as the OpenAI Batch API splits them. A batch then reports ``in_progress``
for ``polls`` retrievals, and ``ending`` after (``completed``, or ``failed`` / ``expired`` to test
those). Ids are counters, so a re-recorded cassette is identical.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

from llm_server import CREATED, Reply, ScriptedModel, error_body

_CONTENT = re.compile(r"/files/([^/]+)/content$")
_BATCH = re.compile(r"/batches/([^/]+)$")


@dataclass
class _Batch:
    id: str
    input_file_id: str
    output_file_id: str | None
    error_file_id: str | None
    total: int
    failed: int
    polls_left: int
    meta: dict[str, Any] = field(default_factory=dict)


class ScriptedBatches:
    """Thread-safe; ``seen`` lists (method, path) of every request, in order."""

    def __init__(self, model: ScriptedModel, polls: int = 0, ending: str = "completed") -> None:
        self.model = model
        self.polls = polls
        self.ending = ending
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, _Batch] = {}
        self.seen: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def handle(
        self, method: str, path: str, headers: Mapping[str, str], body: bytes
    ) -> tuple[Reply, int, bytes]:
        with self._lock:
            self.seen.append((method, path))
            if method == "POST" and path.endswith("/chat/completions"):
                return self.model.respond(path, headers, body)
            if method == "POST" and path.endswith("/files"):
                return _ok(self._upload(headers, body))
            if method == "POST" and path.endswith("/batches"):
                return self._create(json.loads(body))
            if method == "GET" and (found := _CONTENT.search(path)):
                if found[1] not in self.files:
                    return Reply(status=404), 404, error_body(f"no file {found[1]}")
                return Reply(), 200, self.files[found[1]]
            if method == "GET" and (found := _BATCH.search(path)) and found[1] in self.batches:
                return _ok(self._retrieve(self.batches[found[1]]))
            return Reply(status=404), 404, error_body(f"no route for {method} {path}")

    def _keep(self, data: bytes, name: str) -> dict[str, Any]:
        file_id = f"file-scripted-{len(self.files) + 1}"
        self.files[file_id] = data
        return {
            "id": file_id,
            "object": "file",
            "bytes": len(data),
            "created_at": CREATED,
            "filename": name,
            "purpose": "batch",
            "status": "processed",
        }

    def _upload(self, headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
        content_type = next(v for k, v in headers.items() if k.lower() == "content-type")
        message = BytesParser(policy=HTTP).parsebytes(f"content-type: {content_type}\r\n\r\n".encode() + body)
        parts = {part.get_param("name", header="content-disposition"): part for part in message.iter_parts()}
        upload = parts["file"]
        return self._keep(upload.get_payload(decode=True), upload.get_filename() or "input.jsonl")

    def _create(self, request: dict[str, Any]) -> tuple[Reply, int, bytes]:
        data = self.files.get(request["input_file_id"])
        if data is None:
            return Reply(status=404), 404, error_body(f"no file {request['input_file_id']}")
        answered, failed = [], []
        for line in data.decode().splitlines():
            item = json.loads(line)
            _, status, payload = self.model.respond(item["url"], {}, json.dumps(item["body"]).encode())
            n = len(answered) + len(failed) + 1
            record = {
                "id": f"batch_req_{n}",
                "custom_id": item["custom_id"],
                "response": {"status_code": status, "request_id": f"req_{n}", "body": json.loads(payload)},
                "error": None,
            }
            (answered if status == 200 else failed).append(json.dumps(record, ensure_ascii=False))
        output = (
            self._keep("".join(f"{r}\n" for r in answered).encode(), "output.jsonl") if answered else None
        )
        errors = self._keep("".join(f"{r}\n" for r in failed).encode(), "errors.jsonl") if failed else None
        batch = _Batch(
            id=f"batch_scripted_{len(self.batches) + 1}",
            input_file_id=request["input_file_id"],
            output_file_id=output["id"] if output else None,
            error_file_id=errors["id"] if errors else None,
            total=len(answered) + len(failed),
            failed=len(failed),
            polls_left=self.polls,
            meta={"endpoint": request["endpoint"], "completion_window": request["completion_window"]},
        )
        self.batches[batch.id] = batch
        return _ok(_batch_object(batch, "validating"))

    def _retrieve(self, batch: _Batch) -> dict[str, Any]:
        if batch.polls_left > 0:
            batch.polls_left -= 1
            return _batch_object(batch, "in_progress")
        return _batch_object(batch, self.ending)


def _batch_object(batch: _Batch, status: str) -> dict[str, Any]:
    done = status == "completed"
    failure = status in ("failed", "expired")
    return {
        "id": batch.id,
        "object": "batch",
        **batch.meta,
        "input_file_id": batch.input_file_id,
        "status": status,
        "created_at": CREATED,
        "output_file_id": batch.output_file_id if done else None,
        "error_file_id": batch.error_file_id if done else None,
        "errors": (
            {
                "object": "list",
                "data": [{"code": status, "message": f"scripted {status} batch", "line": None}],
            }
            if failure
            else None
        ),
        "request_counts": {
            "total": batch.total,
            "completed": batch.total - batch.failed if done else 0,
            "failed": batch.failed if done else 0,
        },
    }


def _ok(data: dict[str, Any]) -> tuple[Reply, int, bytes]:
    return Reply(), 200, json.dumps(data, ensure_ascii=False).encode()
