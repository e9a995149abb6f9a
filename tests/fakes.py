"""Misbehaving servers on 127.0.0.1 for the error taxonomy tests."""

from __future__ import annotations

import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@contextmanager
def fixed_reply_server(
    status: int, body: bytes = b"", headers: dict[str, str] | None = None
) -> Iterator[str]:
    """Answers every request with the same status, headers and body. Yields its URL."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            return

        def _reply(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            self.rfile.read(length)
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = _reply  # noqa: N815

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def hanging_server() -> Iterator[str]:
    """Accepts connections and never answers. Yields its URL."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            accepted.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: connections are refused."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}"


@dataclass(frozen=True)
class Answer:
    """One HTTP answer: status, body and headers as they go on the wire.

    ``Content-Length`` is always the body's true length; no body goes with a 204 or
    304 (the client would leave it on the connection).
    """

    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()


# Headers of an upstream's answer that a recording keeps; the rest is the upstream's own.
_KEPT_HEADERS = ("Content-Type", "Retry-After", "WWW-Authenticate")


class ScriptedServer:
    """A server on 127.0.0.1 that answers each ``(method, path)`` as scripted.

    A request with no scripted answer goes to ``upstream`` (a real system, e.g. a
    training system) and its answer is recorded in ``recorded``, so that a test can
    first record what a real system says and then replay it with one answer changed.
    Without an upstream an unscripted request is answered 404.
    """

    def __init__(self, upstream: str | None = None) -> None:
        self.upstream = upstream
        self.recorded: dict[tuple[str, str], Answer] = {}
        self.requests: list[tuple[str, str]] = []  # every request's method and path, in order
        self._answers: dict[tuple[str, str], Answer] = {}
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                return

            def _reply(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                answer = server._answer(self.command, self.path, dict(self.headers), body)
                self.send_response(answer.status)
                for name, value in answer.headers:
                    self.send_header(name, value)
                empty = answer.status in (204, 304)
                self.send_header("Content-Length", "0" if empty else str(len(answer.body)))
                self.end_headers()
                if not empty:
                    self.wfile.write(answer.body)

            do_GET = do_POST = do_PUT = _reply  # noqa: N815

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def script(self, answers: dict[tuple[str, str], Answer]) -> None:
        """Answer these from now on (replacing what was scripted before)."""
        with self._lock:
            self._answers = dict(answers)

    def _answer(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Answer:
        with self._lock:
            self.requests.append((method, path))
            scripted = self._answers.get((method, path))
        if scripted is not None:
            return scripted
        if self.upstream is None:
            return Answer(404, b"not scripted", (("Content-Type", "text/plain"),))
        answer = _forward(self.upstream + path, method, headers, body)
        with self._lock:
            self.recorded[(method, path)] = answer
        return answer

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up mid-answer (it read enough of an oversized one) is
        expected here, not an error to print."""


def _forward(url: str, method: str, headers: dict[str, str], body: bytes) -> Answer:
    sent = {name: value for name, value in headers.items() if name.lower() != "host"}
    request = urllib.request.Request(url, data=body or None, headers=sent, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            status, got, content = reply.status, reply.headers, reply.read()
    except urllib.error.HTTPError as error:
        status, got, content = error.code, error.headers, error.read()
    kept = tuple((name, got[name]) for name in _KEPT_HEADERS if got[name] is not None)
    return Answer(status, content, kept)
