"""A stdlib fake of the Anthropic Messages API, reached through ``ANTHROPIC_BASE_URL``.

JSON and SSE (chunked) answers with forced tool use, count_tokens, Message Batches, and every
failure the expert must survive. ``mode`` picks the behaviour (or a model named ``fake-<mode>``):
tool, text, malformed, badjson, slow, slow-stream, drop, midstream, truncated (stop_reason
max_tokens, the tool JSON cut in the last suggestion's replacement), 401, 403, 429, 500, 529.
``fail_next`` answers the next N requests with 429 and ``retry-after: <retry_after>`` seconds.
Prompt caching is simulated as the API does it: a prefix (tools, then system blocks) up to a
``cache_control`` mark is cached when it reaches the model family's minimum (tokens counted
as characters / 4); a later request with the same prefix reports ``cache_read_input_tokens``.
Everything received is kept in ``requests`` so tests can read what the expert sent.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

TOOL_INPUT: dict[str, Any] = {
    "summary": "The module mixes persistence and notification; split them.",
    "suggestions": [{
        "title": "Rename `f` to `total`", "rationale": "Names should say what they hold.",
        "pattern": "Clarity", "severity": "hint", "start_line": 1, "end_line": 2,
        "original": "def f(a, b):\n    return a + b\n",
        "replacement": "def total(a, b):\n    return a + b\n\n\nf = total\n",
    }],
}
MIN_CACHEABLE = {"opus": 512, "sonnet": 1024, "haiku": 4096, "fable": 512}
ERRORS = {"401": "authentication_error", "403": "permission_error", "429": "rate_limit_error",
          "500": "api_error", "529": "overloaded_error"}


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


def _tokens(value: Any) -> int:
    return len(json.dumps(value)) // 4


def _message(model: str, content: list[dict[str, Any]], stop: str | None,
             usage: dict[str, int] | None = None) -> dict[str, Any]:
    return {"id": "msg_fake", "type": "message", "role": "assistant", "model": model, "content": content,
            "stop_reason": stop, "stop_sequence": None,
            "usage": usage or {"input_tokens": 120, "output_tokens": 40, "cache_creation_input_tokens": 0,
                               "cache_read_input_tokens": 0}}


def _sse(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n".encode()


class FakeAnthropic:
    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.mode = "tool"
        self.tool_input: Any = TOOL_INPUT
        self.chunk_delay = 0.05  # between deltas in slow-stream
        self.chunks = 40  # deltas in slow-stream
        self.slow_seconds = 5.0
        self.batch_polls = 2  # polls before a batch ends
        self.batch_errors: set[str] = set()  # custom_ids that fail
        self.batches: dict[str, dict[str, Any]] = {}
        self.cached_prefixes: set[str] = set()  # hashes of prompt prefixes written to the "cache"
        self.fail_next = 0  # the next N requests get 429 with retry-after
        self.retry_after = "1"
        self.lock = threading.Lock()
        fake = self

        class Handler(_Handler):
            owner = fake

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()
            self.cached_prefixes.clear()
        self.mode, self.tool_input, self.batch_errors, self.fail_next = "tool", TOOL_INPUT, set(), 0

    def usage(self, body: dict[str, Any]) -> dict[str, int]:
        """Input usage as the API reports it, with prompt caching simulated (see the module doc)."""
        model = str(body.get("model", ""))
        minimum = next((n for family, n in MIN_CACHEABLE.items() if family in model), 1024)
        system = body.get("system") or []
        system = [{"type": "text", "text": system}] if isinstance(system, str) else system
        total = _tokens(body.get("tools")) + _tokens(system) + _tokens(body.get("messages"))
        marks = [i for i, block in enumerate(system) if isinstance(block, dict) and block.get("cache_control")]
        read = written = 0
        with self.lock:
            for i in marks:
                prefix = [body.get("tools"), system[:i + 1]]
                size = _tokens(prefix)
                if size < minimum:
                    continue  # too short: the API silently caches nothing
                digest = hashlib.sha256(json.dumps(prefix, sort_keys=True).encode()).hexdigest()
                if digest in self.cached_prefixes:
                    read = size
                else:
                    self.cached_prefixes.add(digest)
                    written = size - read
        return {"input_tokens": max(1, total - read - written), "output_tokens": 40,
                "cache_creation_input_tokens": written, "cache_read_input_tokens": read}

    def messages(self) -> list[Received]:
        return [r for r in self.requests if r.path.split("?")[0] == "/v1/messages"]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Handler(BaseHTTPRequestHandler):
    owner: FakeAnthropic
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def _json(self, status: int, payload: Any, extra: dict[str, str] | None = None) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.send_header("request-id", "req_fake")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _record(self, body: Any) -> None:
        with self.owner.lock:
            headers = {k.lower(): v for k, v in self.headers.items()}
            self.owner.requests.append(Received(self.command, self.path, headers, body))

    # -- batches --------------------------------------------------------------------------------
    def _batch_json(self, batch_id: str) -> dict[str, Any]:
        b = self.owner.batches[batch_id]
        ended = b["polls"] >= self.owner.batch_polls
        n = len(b["requests"])
        failed = sum(1 for r in b["requests"] if r["custom_id"] in self.owner.batch_errors)
        return {"id": batch_id, "type": "message_batch", "processing_status": "ended" if ended else "in_progress",
                "created_at": "2026-11-26T10:00:00Z", "expires_at": "2026-11-27T10:00:00Z",
                "ended_at": "2026-11-26T10:01:00Z" if ended else None, "archived_at": None,
                "cancel_initiated_at": None,
                "request_counts": {"processing": 0 if ended else n, "succeeded": n - failed if ended else 0,
                                   "errored": failed if ended else 0, "canceled": 0, "expired": 0},
                "results_url": f"{self.owner.url}/v1/messages/batches/{batch_id}/results" if ended else None}

    def _origin_form(self) -> None:
        """A request through a proxy names the whole URL (``POST http://host/v1/...``): keep the path."""
        if self.path.startswith(("http://", "https://")):
            parts = urlsplit(self.path)
            self.path = parts.path + (f"?{parts.query}" if parts.query else "")

    def do_GET(self) -> None:
        self._origin_form()
        self._record(None)
        parts = self.path.split("?")[0].strip("/").split("/")
        if parts[:3] == ["v1", "messages", "batches"] and len(parts) >= 4 and parts[3] in self.owner.batches:
            batch_id = parts[3]
            if len(parts) == 5 and parts[4] == "results":
                lines = []
                for r in self.owner.batches[batch_id]["requests"]:
                    if r["custom_id"] in self.owner.batch_errors:
                        result: dict[str, Any] = {"type": "errored", "error": {"type": "error", "error": {
                            "type": "invalid_request_error", "message": "bad request"}}}
                    else:
                        block = {"type": "tool_use", "id": "toolu_1", "name": "submit_review",
                                 "input": self.owner.tool_input}
                        result = {"type": "succeeded", "message": _message(
                            r["params"]["model"], [block], "tool_use", self.owner.usage(r["params"]))}
                    lines.append(json.dumps({"custom_id": r["custom_id"], "result": result}))
                body = ("\n".join(lines) + "\n").encode()
                self.send_response(200)
                self.send_header("content-type", "application/binary")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            self.owner.batches[batch_id]["polls"] += 1
            return self._json(200, self._batch_json(batch_id))
        self._json(404, {"type": "error", "error": {"type": "not_found_error", "message": self.path}})

    # -- messages -------------------------------------------------------------------------------
    def do_POST(self) -> None:
        self._origin_form()
        raw = self.rfile.read(int(self.headers.get("content-length", 0)))
        body = json.loads(raw or b"{}")
        self._record(body)
        path = self.path.split("?")[0]
        if path == "/v1/messages/count_tokens":
            size = len(json.dumps(body.get("system"))) + len(json.dumps(body.get("messages")))
            return self._json(200, {"input_tokens": size // 4})
        if path == "/v1/messages/batches":
            batch_id = f"msgbatch_{len(self.owner.batches) + 1}"
            self.owner.batches[batch_id] = {"requests": body["requests"], "polls": 0}
            return self._json(200, self._batch_json(batch_id))
        if path != "/v1/messages":
            return self._json(404, {"type": "error", "error": {"type": "not_found_error", "message": path}})
        model = str(body.get("model", ""))
        mode = model[5:] if model.startswith("fake-") else self.owner.mode
        if self.owner.fail_next > 0:
            self.owner.fail_next -= 1
            return self._json(429, {"type": "error", "error": {"type": "rate_limit_error", "message": "slow down"}},
                              {"retry-after": self.owner.retry_after})
        if mode in ERRORS:  # retry-after-ms keeps the SDK's retries fast
            return self._json(int(mode), {"type": "error", "error": {"type": ERRORS[mode], "message": f"fake {mode}"}},
                              {"retry-after-ms": "5"})
        if mode == "slow":
            time.sleep(self.owner.slow_seconds)
        if mode == "text":
            blocks: list[dict[str, Any]] = [{"type": "text", "text": "I would rather chat."}]
            stop = "end_turn"
        else:
            bad = {"summary": "x", "suggestions": "not a list"}
            tool_input = bad if mode == "malformed" else self.owner.tool_input
            blocks = [{"type": "tool_use", "id": "toolu_1", "name": "submit_review", "input": tool_input}]
            stop = "tool_use"
        usage = self.owner.usage(body)
        if not body.get("stream"):
            return self._json(200, _message(model, blocks, stop, usage))
        self._stream(model, blocks, "max_tokens" if mode == "truncated" else stop, mode, usage)

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def _stream(self, model: str, blocks: list[dict[str, Any]], stop: str, mode: str,
                usage: dict[str, int]) -> None:
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("transfer-encoding", "chunked")
        self.send_header("request-id", "req_fake")
        self.end_headers()
        start_usage = {**usage, "output_tokens": 1}
        self._chunk(_sse("message_start", {"type": "message_start",
                                           "message": _message(model, [], None, start_usage)}))
        self._chunk(_sse("ping", {"type": "ping"}))
        if mode == "midstream":
            error = {"type": "overloaded_error", "message": "Overloaded"}
            self._chunk(_sse("error", {"type": "error", "error": error}))
            self.wfile.write(b"0\r\n\r\n")
            return
        for i, b in enumerate(blocks):
            if b["type"] == "text":
                start: dict[str, Any] = {"type": "text", "text": ""}
                pieces = [b["text"]]
                kind, key = "text_delta", "text"
            else:
                start = {"type": "tool_use", "id": b["id"], "name": b["name"], "input": {}}
                text = json.dumps(b["input"])
                if mode == "badjson":
                    text = text[: len(text) // 2] + "}}]"
                if mode == "truncated":  # cut inside the last replacement, as max_tokens does
                    text = text[:text.rindex('"replacement": "') + len('"replacement": "') + 6]
                n = self.owner.chunks if mode in ("slow-stream", "drop") else 3
                step = max(1, -(-len(text) // n))
                pieces = [text[j:j + step] for j in range(0, len(text), step)]
                kind, key = "input_json_delta", "partial_json"
            self._chunk(_sse("content_block_start",
                             {"type": "content_block_start", "index": i, "content_block": start}))
            for j, piece in enumerate(pieces):
                if mode == "drop" and j == len(pieces) // 2:
                    self.wfile.write(b"ff\r\npartial")  # a chunk cut short, then the socket closes
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self._chunk(_sse("content_block_delta", {"type": "content_block_delta", "index": i,
                                                         "delta": {"type": kind, key: piece}}))
                if mode == "slow-stream":
                    time.sleep(self.owner.chunk_delay)
            self._chunk(_sse("content_block_stop", {"type": "content_block_stop", "index": i}))
        self._chunk(_sse("message_delta", {"type": "message_delta", "usage": {"output_tokens": usage["output_tokens"]},
                                           "delta": {"stop_reason": stop, "stop_sequence": None}}))
        self._chunk(_sse("message_stop", {"type": "message_stop"}))
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


if __name__ == "__main__":  # handy for manual runs: python tests/expert/fake_anthropic.py
    fake = FakeAnthropic()
    print(fake.url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        fake.close()
