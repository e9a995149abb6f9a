"""HTTP plumbing shared by the connectors: timeouts, size bounds, TLS, error mapping.

Everything that comes back is treated as hostile: bodies are read up to a
bound, and every transport failure becomes one of the taxonomy's errors.

Certificates are verified against the operating system's trust store, plus the
policy's ``ca_bundle`` and ``pin_sha256`` for the system (:mod:`app.connectors.tls`).
Plain http:// beyond this machine, and a URL with credentials, are refused before
any connection is made, whatever the policy says.

Each request has an overall deadline, the policy's connect and read timeouts
together: a socket timeout applies to each read, so a server that drips a byte
a second (headers or body) would otherwise hold a sender for as long as it
likes. A watchdog thread shuts the connection's socket down when the deadline
passes, and the call fails as TimedOut.

A system may ask for the worker's sign-in on every request (``auth``, such as HTTP
Negotiate from :func:`app.connectors.negotiate.negotiate_auth`): the exchange's further
legs go over the same adapter, so the deadline, the TLS settings and the body bound
hold for them too, and a refused sign-in comes back as the server's 401 answer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import heapq
import itertools
import socket
import ssl
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, Protocol

import requests
from requests.adapters import HTTPAdapter
from requests.auth import AuthBase
from requests.structures import CaseInsensitiveDict
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from app.connectors import tls
from app.connectors.errors import (
    AuthenticationFailed,
    ConnectorError,
    Rejected,
    ServerFault,
    TimedOut,
    TrustProblem,
    Unreachable,
    Untrusted,
)

MAX_RESPONSE_BYTES = 2_000_000
USER_AGENT = "Paivystys/0.1"


@dataclass(eq=False)
class _Call:
    """One request in flight: the connections it used, whether its deadline passed."""

    connections: list[HTTPConnection] = field(default_factory=list)
    expired: bool = False
    done: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def expire(self) -> None:
        with self.lock:
            if self.done:
                return
            self.expired = True
            for connection in self.connections:
                sock = connection.sock
                if sock is not None:
                    with contextlib.suppress(OSError):  # already closed: nothing to cut
                        sock.shutdown(socket.SHUT_RDWR)


_calls = threading.local()


def _current_call() -> _Call | None:
    call: _Call | None = getattr(_calls, "call", None)
    return call


class _Watchdog:
    """One thread for every deadline of the process: a heap, not a timer per request."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, _Call]] = []
        self._order = itertools.count()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def watch(self, call: _Call, seconds: float) -> None:
        with self._wake:
            heapq.heappush(self._heap, (time.monotonic() + seconds, next(self._order), call))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="http-deadlines", daemon=True
                )
                self._thread.start()
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._heap and self._heap[0][2].done:
                    heapq.heappop(self._heap)  # finished in time
                if not self._heap:
                    self._wake.wait()
                    continue
                wait = self._heap[0][0] - time.monotonic()
                if wait > 0:
                    self._wake.wait(wait)
                    continue
                call = heapq.heappop(self._heap)[2]
            call.expire()


_WATCHDOG = _Watchdog()


class _TrackedHTTPConnection(HTTPConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        _track(self)
        super().request(*args, **kwargs)


class _TrackedHTTPSConnection(HTTPSConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        _track(self)
        super().request(*args, **kwargs)


def _track(connection: HTTPConnection) -> None:
    call = _current_call()
    if call is not None:
        with call.lock:
            call.connections.append(connection)
        if call.expired:
            raise requests.ReadTimeout("the request's deadline passed")


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _TrackedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _TrackedHTTPSConnection


def _https_pool(pins: frozenset[bytes]) -> type[HTTPSConnectionPool]:
    """The pool class of one system's https connections: with ``pins``, each new
    connection's server key is checked right after its handshake."""
    if not pins:
        return _HTTPSPool

    class _PinnedHTTPSConnection(_TrackedHTTPSConnection):
        def connect(self) -> None:
            super().connect()
            tls.check_pins(self.sock, pins)

    class _PinnedHTTPSPool(_HTTPSPool):
        ConnectionCls = _PinnedHTTPSConnection

    return _PinnedHTTPSPool


class _Adapter(HTTPAdapter):
    """Connections the deadline watchdog can cut (see the module's docstring), verified
    with the system's own context: the OS trust store and the policy's CA bundle."""

    def __init__(self, context: ssl.SSLContext, pins: frozenset[bytes]) -> None:
        self._context = context
        self._pins = pins
        super().__init__()  # calls init_poolmanager

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        pool_kwargs["ssl_context"] = self._context
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _HTTPPool,
            "https": _https_pool(self._pins),
        }

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        # requests would give every connection certifi's bundle, which urllib3 then
        # loads into the context beside the OS store: the context is the whole trust.
        conn.cert_reqs = "CERT_REQUIRED"
        conn.ca_certs = None
        conn.ca_cert_dir = None


class HttpSettings(Protocol):
    """What :class:`HttpTransport` reads from a system's (or the register's) configuration."""

    @property
    def endpoint(self) -> str: ...
    @property
    def connect_timeout(self) -> float: ...
    @property
    def read_timeout(self) -> float: ...
    @property
    def ca_bundle(self) -> str | None: ...
    @property
    def pin_sha256(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


class HttpTransport:
    """One client system's HTTP endpoint, with the policy's timeouts and TLS settings.

    ``auth``, if given, signs every request in (and answers the server's challenges);
    it must never send anything the policy did not ask for.
    """

    def __init__(
        self,
        config: HttpSettings,
        max_bytes: int = MAX_RESPONSE_BYTES,
        *,
        auth: AuthBase | None = None,
    ) -> None:
        self.base_url = config.endpoint.rstrip("/")
        self.auth = auth
        self.timeout = (config.connect_timeout, config.read_timeout)
        self.max_bytes = max_bytes
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        # Proxies from the environment must not divert client data.
        self.session.trust_env = False
        # A bundle that cannot be used fails every request (helpdesk sees why), not the
        # construction: connectors are made where no network failure is expected.
        self._bundle_problem: str | None = None
        try:
            self.ssl_context = tls.system_context(config.ca_bundle)
        except (OSError, ssl.SSLError) as error:
            self.ssl_context = tls.system_context()
            self._bundle_problem = f"{config.ca_bundle!r}: {type(error).__name__}"
        self._adapter = _Adapter(self.ssl_context, tls.pins_of(config.pin_sha256))
        self.session.mount("https://", self._adapter)
        self.session.mount("http://", self._adapter)
        self.deadline = config.connect_timeout + config.read_timeout

    def request(
        self,
        method: str,
        path: str,
        *,
        label: str | None = None,
        headers: Mapping[str, str] | None = None,
        data: bytes | Mapping[str, str] | None = None,
        json: object = None,
    ) -> Response:
        """``label`` names the call in error messages when the path carries an identifier
        (error messages reach logs and helpdesk; identifiers of clients must not).

        The prepared request goes straight to the session's connection pool (its
        adapter). ``Session.request`` would merge cookies, proxies, environment
        settings, hooks and redirects into every call; the app uses none of them
        (no cookie is kept, redirects are never followed), and that merging was a
        fifth of the sender's time per delivered item (docs/performance.md).
        """
        url = self.base_url + path
        path = label or path
        self._refuse_untrusted(method, path)
        call = _Call()
        _calls.call = call
        _WATCHDOG.watch(call, self.deadline)
        try:
            response = self._send(method, url, headers, data, json)
            with call.lock:
                call.done = True
                if not call.expired:
                    return response
            # Cut at the deadline, the answer may have ended early and still parsed (a
            # status line without its headers): it must never count as an answer. A
            # send that did arrive whole goes again under its idempotency key.
            raise TimedOut(f"{method} {path}: no whole answer in {self.deadline:g} s")
        except requests.RequestException as error:
            if call.expired:
                raise TimedOut(f"{method} {path}: no whole answer in {self.deadline:g} s") from None
            raise self._failure(method, path, error) from None
        except ConnectorError:
            if call.expired:
                raise TimedOut(f"{method} {path}: no whole answer in {self.deadline:g} s") from None
            raise
        finally:
            with call.lock:
                call.done = True
                call.connections.clear()  # the heap keeps the call until its deadline
            _calls.call = None

    def _send(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str] | None,
        data: bytes | Mapping[str, str] | None,
        json: object,
    ) -> Response:
        prepared = requests.Request(
            method, url, headers=self._headers(headers), data=data, json=json, auth=self.auth
        ).prepare()
        if self.auth is None:
            with self._adapter.send(
                prepared, stream=True, timeout=self.timeout, verify=True, proxies={}
            ) as reply:
                body = self._read_bounded(reply)
                return Response(reply.status_code, dict(reply.headers), body)
        return self._send_signed(prepared)

    def _send_signed(self, prepared: requests.PreparedRequest) -> Response:
        """Send with the sign-in's response hooks, which ``Session.send`` would run: they
        answer a challenge (a 401) by sending the request again, through this adapter."""
        options: dict[str, Any] = {
            "stream": True,
            "timeout": self.timeout,
            "verify": True,
            "proxies": {},
        }
        first = reply = self._adapter.send(prepared, **options)
        try:
            for hook in prepared.hooks["response"]:  # what requests.hooks.dispatch_hook does
                reply = hook(reply, **options) or reply
            with reply:
                body = self._read_bounded(reply)
                return Response(reply.status_code, dict(reply.headers), body)
        finally:
            first.close()  # released already, unless a hook failed half way

    def _refuse_untrusted(self, method: str, path: str) -> None:
        """Before any connection: the address must be one the transport uses (checked
        on every call, since the classroom allowance ends with the training session)."""
        refusal = tls.address_refusal(self.base_url)
        if refusal is not None:
            raise Untrusted(f"{method} {path}: {refusal.detail}", refusal.problem)
        if self._bundle_problem is not None:
            raise Untrusted(
                f"{method} {path}: {TrustProblem.CA_BUNDLE.value} ({self._bundle_problem}); "
                "nothing was sent",
                TrustProblem.CA_BUNDLE,
            )

    def _failure(self, method: str, path: str, error: requests.RequestException) -> ConnectorError:
        if isinstance(error, requests.exceptions.SSLError):
            found = tls.trust_problem(error)
            if found is None:  # a handshake cut short or refused: like no connection
                return Unreachable(f"{method} {path}: {type(error).__name__}")
            problem, reason = found
            return Untrusted(
                f"{method} {path}: {problem.value} ({reason}); nothing was sent", problem
            )
        if isinstance(error, requests.ConnectTimeout):
            return Unreachable(f"{method} {path}: {type(error).__name__}")
        if isinstance(error, requests.ReadTimeout):
            return TimedOut(f"{method} {path}: no answer in {self.timeout[1]} s")
        if isinstance(error, requests.ConnectionError):
            return Unreachable(f"{method} {path}: {_connection_problem(error)}")
        return ServerFault(f"{method} {path}: {type(error).__name__}")

    def _headers(self, extra: Mapping[str, str] | None) -> CaseInsensitiveDict[str]:
        """The session's default headers (User-Agent, Accept-Encoding, ...), then the call's."""
        headers: CaseInsensitiveDict[str] = CaseInsensitiveDict()
        for name, value in self.session.headers.items():
            if isinstance(value, str):
                headers[name] = value
        if extra:
            headers.update(extra)
        return headers

    def _read_bounded(self, reply: requests.Response) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in reply.iter_content(chunk_size=65536):
            size += len(chunk)
            if size > self.max_bytes:
                raise ServerFault(f"answer larger than {self.max_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        self.session.close()


def _connection_problem(error: requests.ConnectionError) -> str:
    text = str(error)
    for marker in (
        "Connection refused",
        "Connection reset",
        "Name or service not known",
        "Network is unreachable",
        "Connection aborted",
        "timed out",
    ):
        if marker in text:
            return marker
    return type(error).__name__


def retry_after_seconds(headers: dict[str, str]) -> float | None:
    """Seconds from a Retry-After header (either form), if present and sane."""
    value = headers.get("Retry-After") or headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), 3600.0)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, min((when - dt.datetime.now(dt.UTC)).total_seconds(), 3600.0))


def error_for_status(response: Response, what: str, reason: str | None) -> ConnectorError:
    """Map a non-success status to the taxonomy. ``reason`` is the system's own words."""
    status = response.status
    if status in (401, 403):
        return AuthenticationFailed(f"{what}: HTTP {status}")
    if 400 <= status < 500 and status not in (404, 408, 429):
        return Rejected(f"{what}: HTTP {status}", reason or f"HTTP {status}", status)
    if status in (408, 429) or status >= 500:
        return ServerFault(f"{what}: HTTP {status}", retry_after_seconds(response.headers))
    return ServerFault(f"{what}: unexpected HTTP {status}")
