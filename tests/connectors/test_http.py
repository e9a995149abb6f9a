"""The connectors' HTTP transport against a real local server: what goes out, what is kept."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.connectors.errors import ServerFault
from app.connectors.http import USER_AGENT, HttpTransport
from app.domain.policy import SystemConfig
from tests.fakes import closed_port_url


class Recorder(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.seen: list[tuple[str, str, dict[str, str], bytes]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Recorder

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        self.server.seen.append((self.command, self.path, dict(self.headers.items()), body))
        if self.path == "/cookie":
            self._send(200, b"{}", ("Set-Cookie", "session=abc123; Path=/"))
        elif self.path == "/moved":
            self._send(302, b"", ("Location", "/elsewhere"))
        elif self.path == "/big":
            self._send(200, b"x" * 5000)
        else:
            self._send(200, b'{"ok": true}')

    do_GET = do_POST = _answer  # noqa: N815 - the handler's protocol

    def _send(self, status: int, body: bytes, *header: tuple[str, str]) -> None:
        self.send_response(status)
        for name, value in header:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[Recorder]:
    recorder = Recorder()
    thread = threading.Thread(target=recorder.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield recorder
    recorder.shutdown()
    recorder.server_close()
    thread.join(5)


def transport(url: str, max_bytes: int = 2_000_000) -> HttpTransport:
    config = SystemConfig(type="proconsona", endpoint=url, connect_timeout=2.0, read_timeout=2.0)
    return HttpTransport(config, max_bytes=max_bytes)


def test_sends_our_user_agent_the_calls_headers_and_the_body(server: Recorder) -> None:
    http = transport(server.url)
    response = http.request(
        "POST", "/v1/x", headers={"Accept": "application/json", "X-Test": "ä"}, data=b"{}"
    )
    assert (response.status, response.body) == (200, b'{"ok": true}')
    ((method, path, headers, body),) = server.seen
    assert (method, path, body) == ("POST", "/v1/x", b"{}")
    assert headers["User-Agent"] == USER_AGENT
    assert headers["Accept"] == "application/json"  # the call's header wins over the default
    http.close()


def test_form_and_json_bodies(server: Recorder) -> None:
    http = transport(server.url)
    http.request("POST", "/form", data={"grant_type": "password", "username": "Ŧ"})
    http.request("POST", "/json", json={"henkilotunnus": "010101A900X"})
    (_, _, form_headers, form), (_, _, json_headers, body) = server.seen
    assert form_headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert form == b"grant_type=password&username=%C5%A6"
    assert json_headers["Content-Type"] == "application/json"
    assert body == b'{"henkilotunnus": "010101A900X"}'
    http.close()


def test_keeps_no_cookie(server: Recorder) -> None:
    http = transport(server.url)
    assert http.request("GET", "/cookie").headers["Set-Cookie"].startswith("session=")
    http.request("GET", "/next")
    assert "Cookie" not in server.seen[1][2]
    assert len(http.session.cookies) == 0
    http.close()


def test_never_follows_a_redirect(server: Recorder) -> None:
    http = transport(server.url)
    response = http.request("GET", "/moved")
    assert (response.status, response.headers["Location"]) == (302, "/elsewhere")
    assert [path for _, path, _, _ in server.seen] == ["/moved"]
    http.close()


def test_ignores_proxies_from_the_environment(
    server: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    dead = closed_port_url()
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, dead)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    http = transport(server.url)
    assert http.request("GET", "/direct").status == 200
    assert [path for _, path, _, _ in server.seen] == ["/direct"]
    http.close()


def test_an_answer_over_the_bound_is_a_server_fault(server: Recorder) -> None:
    http = transport(server.url, max_bytes=4096)
    with pytest.raises(ServerFault, match="larger than 4096 bytes"):
        http.request("GET", "/big")
    assert http.request("GET", "/small").status == 200  # the connection pool still works
    http.close()
