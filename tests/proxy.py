"""A fault-injecting TCP proxy on 127.0.0.1, for the network failure tests.

``FaultProxy(host, port)`` listens on 127.0.0.1 (a free port) and forwards to
the target one HTTP/1.1 message at a time (framed by Content-Length): it
reads a whole request, forwards it, reads the whole answer and forwards that.
Knowing where messages end is what lets it lose exactly one answer after the
server has acted on the request.

The mode is taken by each NEW connection when it is accepted; ``reset_all()``
ends the connections already open. Modes:

- ``pass``: forward unchanged.
- ``refuse``: the listener is closed, connections are refused; the next mode
  reopens it on the same port.
- ``reset``: accept, then RST (SO_LINGER 0 and close).
- ``reset_mid_response``: forward the request, forward the first ``cut_after``
  bytes of the answer (never all of it), then RST.
- ``hang``: accept and read requests, never answer.
- ``delay``: every request and every answer waits ``delay`` seconds.
- ``drop_reply``: forward the request, wait for the server's whole answer,
  then RST without sending any of it: the server stored it, the client never
  hears.
- ``drip``: forward the request, then the server's answer one byte every
  ``delay`` seconds (for at most ``HANG_LIMIT`` seconds, then RST): the server
  stored it, and every read gets a byte long before a read timeout.

``match`` (bytes) limits the last three modes to requests containing it (in the
request line, headers or body); other requests pass. Everything is bounded:
threads are daemons, every read has a timeout, loops have limits, and leaving
the context shuts every socket down and joins every thread.
"""

from __future__ import annotations

import contextlib
import select
import socket
import struct
import threading
import time
from dataclasses import dataclass, replace
from typing import Literal

Mode = Literal[
    "pass", "refuse", "reset", "reset_mid_response", "hang", "delay", "drop_reply", "drip"
]

HOST = "127.0.0.1"
POLL = 0.05
IO_TIMEOUT = 5.0  # longest wait for a peer's next bytes, an idle keep-alive included
HANG_LIMIT = 30.0  # a hanging connection is closed after this at the latest
MAX_HEAD = 64 * 1024
MAX_BODY = 8_000_000  # above the connectors' 2 MB bound, so oversized answers get through
MAX_HEADER_LINES = 200
MAX_CONNECTIONS = 64
MAX_REQUESTS_PER_CONNECTION = 1_000
REBIND_SECONDS = 2.0
JOIN_SECONDS = 2.0


class _Closed(Exception):
    """The peer closed the connection (or it was shut down)."""


class _Malformed(Exception):
    """Not an HTTP/1.1 message this proxy can frame."""


@dataclass(frozen=True)
class _Fault:
    mode: Mode
    delay: float
    cut_after: int
    match: bytes | None

    def applies_to(self, raw_request: bytes) -> bool:
        return self.match is None or self.match in raw_request


@dataclass(frozen=True)
class _Message:
    raw: bytes
    method: bytes  # requests only
    closes: bool  # the connection ends after this message


class _Reader:
    """Buffered reads from a socket, without makefile (whose refs would delay an RST)."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = bytearray()

    def _fill(self) -> None:
        data = self.sock.recv(65536)
        if not data:
            raise _Closed
        self.buffer += data

    def _take(self, size: int) -> bytes:
        taken = bytes(self.buffer[:size])
        del self.buffer[:size]
        return taken

    def readline(self) -> bytes:
        while (end := self.buffer.find(b"\n")) < 0:
            if len(self.buffer) > MAX_HEAD:
                raise _Malformed("line too long")
            self._fill()
        return self._take(end + 1)

    def read_exact(self, size: int) -> bytes:
        while len(self.buffer) < size:
            self._fill()
        return self._take(size)

    def read_to_eof(self) -> bytes:
        with contextlib.suppress(_Closed):
            while len(self.buffer) <= MAX_BODY:
                self._fill()
        if len(self.buffer) > MAX_BODY:
            raise _Malformed("body too large")
        return self._take(len(self.buffer))


def _read_message(reader: _Reader, *, request: bool, head_request: bool = False) -> _Message | None:
    """One whole message, or None when the peer closed before sending anything."""
    try:
        first = reader.readline()
    except _Closed:
        if reader.buffer:
            raise
        return None
    head = [first]
    headers: dict[bytes, bytes] = {}
    for _ in range(MAX_HEADER_LINES):
        line = reader.readline()
        head.append(line)
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip().lower()
    else:
        raise _Malformed("too many header lines")
    parts = first.split()
    if len(parts) < 2:
        raise _Malformed("bad start line")
    closes = headers.get(b"connection") == b"close"
    if request:
        no_body = False
    else:
        status = int(parts[1]) if parts[1].isdigit() else 0
        no_body = head_request or 100 <= status < 200 or status in (204, 304)
    if no_body:
        body = b""
    elif b"transfer-encoding" in headers:
        # Every server here (and requests) frames with Content-Length.
        raise _Malformed("chunked messages are not supported")
    elif b"content-length" in headers:
        length = int(headers[b"content-length"]) if headers[b"content-length"].isdigit() else -1
        if not 0 <= length <= MAX_BODY:
            raise _Malformed("bad Content-Length")
        body = reader.read_exact(length)
    elif request:
        body = b""
    else:
        body, closes = reader.read_to_eof(), True  # delimited by the server closing
    method = parts[0] if request else b""
    return _Message(b"".join(head) + body, method, closes)


def _reset(sock: socket.socket) -> None:
    """Close with an RST instead of a FIN, as a crashed peer or a firewall would."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


class FaultProxy:
    """A TCP proxy with injectable faults. Use as a context manager."""

    def __init__(
        self,
        target_host: str,
        target_port: int,
        mode: Mode = "pass",
        *,
        delay: float = 0.2,
        cut_after: int = 16,
        match: bytes | None = None,
    ) -> None:
        self.target = (target_host, target_port)
        self.connections = 0  # accepted, in any mode
        self.requests = 0  # whole requests read from clients
        self._fault = _Fault(mode, delay, cut_after, match)
        self._lock = threading.Lock()
        self._applied = threading.Condition(self._lock)
        self._generation = 0
        self._applied_generation = 0
        self._apply_error: OSError | None = None
        self._stop = threading.Event()
        self._open: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._wake_r, self._wake_w = socket.socketpair()
        self._listener: socket.socket | None = self._bind(0)
        self.port: int = self._listener.getsockname()[1]
        self._acceptor = threading.Thread(target=self._accept_loop, name="fault-proxy", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def mode(self) -> Mode:
        return self._fault.mode

    def set_mode(
        self,
        mode: Mode,
        *,
        delay: float | None = None,
        cut_after: int | None = None,
        match: bytes | None = None,
    ) -> None:
        """Change the fault for new connections; returns once the listener follows it."""
        with self._lock:
            fault = replace(self._fault, mode=mode, match=match)
            if delay is not None:
                fault = replace(fault, delay=delay)
            if cut_after is not None:
                fault = replace(fault, cut_after=cut_after)
            self._fault = fault
            self._generation += 1
            generation = self._generation
        if not self._acceptor.is_alive():
            return  # start() applies it
        self._wake()
        with self._applied:
            self._applied.wait_for(
                lambda: self._applied_generation >= generation or self._stop.is_set(),
                timeout=REBIND_SECONDS + 1,
            )
            if self._apply_error is not None:
                raise RuntimeError(f"proxy cannot reopen port {self.port}") from self._apply_error
            if self._applied_generation < generation:
                raise RuntimeError("proxy did not apply the mode in time")

    def reset_all(self) -> None:
        """End every open connection (client and server side) with an RST."""
        with self._lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                # Wakes the owning thread, which then closes it: closing here would race.
                sock.shutdown(socket.SHUT_RDWR)

    def start(self) -> None:
        self._acceptor.start()

    def close(self) -> None:
        self._stop.set()
        self._wake()
        if self._acceptor.is_alive():
            self._acceptor.join(JOIN_SECONDS)
        self.reset_all()
        with self._lock:
            threads = list(self._threads)
        deadline = time.monotonic() + JOIN_SECONDS
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        with self._lock:
            leftovers = list(self._open)
            self._open.clear()
        for sock in leftovers:
            sock.close()
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        self._wake_r.close()
        self._wake_w.close()

    def __enter__(self) -> FaultProxy:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- the accepting thread ---------------------------------------------

    def _bind(self, port: int) -> socket.socket:
        deadline = time.monotonic() + REBIND_SECONDS
        while True:
            listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            # Reopening the same port while closed connections sit in TIME_WAIT.
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                listener.bind((HOST, port))
            except OSError:
                listener.close()
                if time.monotonic() >= deadline:
                    raise
                time.sleep(POLL)
                continue
            listener.listen(MAX_CONNECTIONS)
            return listener

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")

    def _apply_listener(self) -> None:
        """Open or close the listener as the mode says; only this thread touches it."""
        with self._lock:
            fault, generation = self._fault, self._generation
        error = None
        try:
            if fault.mode == "refuse" and self._listener is not None:
                self._listener.close()
                self._listener = None
            elif fault.mode != "refuse" and self._listener is None:
                self._listener = self._bind(self.port)
        except OSError as failure:
            error = failure
        with self._applied:
            self._apply_error = error
            self._applied_generation = max(self._applied_generation, generation)
            self._applied.notify_all()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            self._apply_listener()
            listener = self._listener
            watched = [self._wake_r] if listener is None else [self._wake_r, listener]
            readable, _, _ = select.select(watched, [], [], POLL)
            if self._wake_r in readable:
                self._wake_r.recv(4096)
            if listener is not None and listener in readable:
                try:
                    client, _ = listener.accept()
                except OSError:
                    continue
                self._start_connection(client)

    def _start_connection(self, client: socket.socket) -> None:
        with self._lock:
            self.connections += 1
            fault = self._fault
            self._threads = [thread for thread in self._threads if thread.is_alive()]
            full = len(self._threads) >= MAX_CONNECTIONS
            if not full:
                self._open.add(client)
        if full:
            _reset(client)
            return
        thread = threading.Thread(
            target=self._serve, args=(client, fault), name="fault-proxy-connection", daemon=True
        )
        with self._lock:
            self._threads.append(thread)
        thread.start()

    # -- one connection ---------------------------------------------------

    def _serve(self, client: socket.socket, fault: _Fault) -> None:
        upstream: socket.socket | None = None
        try:
            if fault.mode == "reset":
                _reset(client)
            elif fault.mode == "hang":
                self._hang(client)
            else:
                client.settimeout(IO_TIMEOUT)
                upstream = socket.create_connection(self.target, timeout=IO_TIMEOUT)
                with self._lock:
                    self._open.add(upstream)
                self._relay(client, upstream, fault)
        except (OSError, _Closed, _Malformed):
            pass  # the connection ends; the client sees what a broken network shows
        finally:
            with self._lock:
                self._open.discard(client)
                if upstream is not None:
                    self._open.discard(upstream)
            client.close()
            if upstream is not None:
                upstream.close()

    def _count_request(self) -> None:
        with self._lock:
            self.requests += 1

    def _hang(self, client: socket.socket) -> None:
        client.settimeout(HANG_LIMIT)
        reader = _Reader(client)
        for _ in range(MAX_REQUESTS_PER_CONNECTION):
            if _read_message(reader, request=True) is None:
                return
            self._count_request()

    def _drip(self, client: socket.socket, answer: bytes, delay: float) -> None:
        """The answer a byte at a time; RST when it is not through in ``HANG_LIMIT`` s."""
        deadline = time.monotonic() + HANG_LIMIT
        for index in range(len(answer)):
            if self._stop.is_set() or time.monotonic() > deadline:
                _reset(client)
                return
            client.sendall(answer[index : index + 1])
            self._stop.wait(delay)

    def _relay(self, client: socket.socket, upstream: socket.socket, fault: _Fault) -> None:
        from_client, from_server = _Reader(client), _Reader(upstream)
        for _ in range(MAX_REQUESTS_PER_CONNECTION):
            request = _read_message(from_client, request=True)
            if request is None:
                return
            self._count_request()
            faulty = fault.applies_to(request.raw)
            if fault.mode == "delay":
                self._stop.wait(fault.delay)
            upstream.sendall(request.raw)
            answer = _read_message(
                from_server, request=False, head_request=request.method == b"HEAD"
            )
            if answer is None:
                return
            if faulty and fault.mode == "drop_reply":
                _reset(client)
                return
            if faulty and fault.mode == "drip":
                self._drip(client, answer.raw, fault.delay)
                return
            if faulty and fault.mode == "reset_mid_response":
                client.sendall(answer.raw[: max(0, min(fault.cut_after, len(answer.raw) - 1))])
                _reset(client)
                return
            if fault.mode == "delay":
                self._stop.wait(fault.delay)
            client.sendall(answer.raw)
            if request.closes or answer.closes:
                return
