"""One request, one overall deadline: a system that drips its answer cannot hold a sender.

Before, the read timeout applied to each socket read: a server sending a byte every
0.1 s never tripped a 1 s read timeout, and a flush waited for it indefinitely.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from app.connectors.errors import TimedOut
from app.connectors.http import HttpTransport
from app.domain.policy import SystemConfig

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n"


class Dripper:
    """Accepts connections on 127.0.0.1, reads the request, then sends one byte every
    0.1 s: of the headers (``part="head"``), or of the body after whole headers."""

    def __init__(self, part: str) -> None:
        self.part = part
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def _serve(self) -> None:
        self.listener.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)
            payload = HEAD + b"x" * 4000
            if self.part == "body":
                conn.sendall(HEAD)
                payload = b"x" * 4000
            for index in range(len(payload)):
                if self.stop.is_set():
                    return
                try:
                    conn.sendall(payload[index : index + 1])
                except OSError:
                    return
                time.sleep(0.1)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.listener.close()


@pytest.fixture(params=["head", "body"])
def dripper(request: pytest.FixtureRequest) -> Iterator[Dripper]:
    server = Dripper(request.param)
    yield server
    server.close()


def test_a_dripping_answer_times_out_at_the_overall_deadline(dripper: Dripper) -> None:
    config = SystemConfig(
        type="proconsona", endpoint=dripper.url, connect_timeout=0.5, read_timeout=1.0
    )
    http = HttpTransport(config)
    outcome: list[BaseException | None] = []

    def call() -> None:
        try:
            http.request("GET", "/v1/health")
        except BaseException as error:
            outcome.append(error)
        else:
            outcome.append(None)

    started = time.monotonic()
    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    worker.join(10)
    elapsed = time.monotonic() - started
    http.close()
    assert outcome, "the request was still waiting after 10 s"
    [error] = outcome
    assert isinstance(error, TimedOut)
    assert "1.5 s" in str(error)
    # The deadline (0.5 + 1.0 s), with slack for a loaded machine, not the whole drip.
    assert elapsed < 4.0
