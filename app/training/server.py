"""The training systems: one simulated client system per municipality, on 127.0.0.1.

Each municipality's system listens on a port of its own and speaks its
connector's contract (the handler named in :mod:`app.connectors.registry`).
Beside them one simulated population register (:mod:`app.training.population`)
knows every synthetic client of every municipality. An index server answers:

- ``GET /`` the same JSON as the line printed at start:
  ``{"systems": {"<code>": "<base url>", ...}, "inspect": "<url>", "control": "<url>",
  "population": "<population register base url>", "oidc": "<OIDC issuer>"}``
- ``GET /inspect`` everything each system has received, per municipality code
- ``GET /inspect/<code>`` one municipality's system: ``{"records": [...], "access":
  [...]}``, its records and its access log (each search, card view, entry,
  notification, print and handoff, attributed to the worker: ``worker_id``,
  ``worker_name``, ``organisation``, ``action``, ``hetu``, ``occurred_at``, ``purpose``)
- ``GET /inspect/access`` every municipality's access log, per municipality code
- ``GET /policy`` the training policy (JSON) whose endpoints point here
- ``GET /control`` whether each system is online, ``{"<code>": true, ...}``
- ``POST /control/<code>/offline`` takes that system off the network as a VPN
  outage would (connections refused, open ones closed); ``POST
  /control/<code>/online`` brings it back on the same port with the same
  clients and records. Both answer ``{"code": "<code>", "online": <bool>}``.
  ``population`` in place of a code does the same to the population register
  (which ``GET /control`` does not list: it lists the municipalities' systems).

Nothing here is for production: the data is synthetic and there is no TLS.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import json
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, ClassVar

from app.domain import schema
from app.domain.policy import AuthConfig, Municipality, Policy, PopulationConfig, VpnConfig
from app.training.data import SyntheticClient, clients_for
from app.training.store import RecordStore

if TYPE_CHECKING:
    from app.training.oidc import SyntheticWorker

HOST = "127.0.0.1"
WILDCARDS = ("0.0.0.0", "")  # noqa: S104 - only when the trainer asks for it


@dataclass(frozen=True)
class Binding:
    """Where the training servers listen (an IPv4 address) and the host name their
    URLs carry: the same address, or for ``0.0.0.0`` this machine's name, so that
    the URLs work from the trainees' machines."""

    host: str = HOST
    advertised: str = HOST

    @classmethod
    def on(cls, host: str) -> Binding:
        return cls(host, socket.gethostname() if host in WILDCARDS else host)

    def url(self, port: int) -> str:
        return f"http://{self.advertised}:{port}"


LOOPBACK = Binding()
MAX_REQUEST_BYTES = 1_000_000
# How often a server thread looks for shutdown: stopping waits up to this long per system.
POLL_INTERVAL = 0.05
# Coming back online rebinds the same port; a socket of the old listener may hold it a moment.
REBIND_SECONDS = 2.0

# The control URL's name for the population register, in place of a municipality code.
POPULATION = "population"

TRAINING_USERNAME = "harjoittelija"
# The client id of the app at the training identity provider (the example policy's).
TRAINING_CLIENT_ID = "paivystys"
TRAINING_PASSWORD = "harjoitus"  # noqa: S105 - the published training password


class _Server(ThreadingHTTPServer):
    """A server that knows its open connections, so an outage can cut them."""

    daemon_threads = True
    # Back online on the same port even while old connections linger in TIME_WAIT.
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        self.connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self.connections.add(request)
        super().process_request(request, client_address)

    def close_request(self, request: Any) -> None:
        with self._connections_lock:
            self.connections.discard(request)
        super().close_request(request)

    def cut_connections(self) -> None:
        """Shut every open connection down; each handler thread then closes its own."""
        with self._connections_lock:
            connections = list(self.connections)
        for connection in connections:
            with contextlib.suppress(OSError):  # already closed by its handler
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A connection cut by an outage (or a client gone) is expected here, not a bug.
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


class SimulatedService:
    """A training server (on 127.0.0.1 unless the trainer binds it elsewhere) that can go
    off the network and come back.

    ``set_online(False)`` makes it unreachable as a VPN outage would;
    ``set_online(True)`` brings it back on the same port. Subclasses keep their
    data on themselves, not in the server, so that it survives the outage.
    """

    def __init__(
        self,
        handler_class: type[BaseHTTPRequestHandler],
        name: str,
        binding: Binding = LOOPBACK,
    ) -> None:
        self._handler_class = handler_class
        self._name = name
        self._binding = binding
        # Who an OIDC access token of the training identity provider was issued to
        # (set by the training server); without it bearer tokens of the provider are
        # refused.
        self.identity: Callable[[str], SyntheticWorker | None] | None = None
        # A keytab of the service's HTTP principal: then the worker's Kerberos ticket
        # (HTTP Negotiate) signs in too. None: Negotiate is refused.
        self.keytab: str | None = None
        self._lock = threading.Lock()
        self._started = False
        self.server: _Server | None = _Server((binding.host, 0), self._handler_class)
        self.port: int = self.server.server_address[1]
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return self._binding.url(self.port)

    @property
    def online(self) -> bool:
        return self.server is not None

    def start(self) -> None:
        with self._lock:
            self._started = True
            if self.server is not None:
                self._serve(self.server)

    def stop(self) -> None:
        with self._lock:
            self._started = False
            self._take_down()

    def set_online(self, online: bool) -> None:
        """Take the service off the network or bring it back; repeating is harmless."""
        with self._lock:
            if online and self.server is None:
                self.server = self._bind_same_port()
                if self._started:
                    self._serve(self.server)
            elif not online:
                self._take_down()

    def _serve(self, server: _Server) -> None:
        self._thread = threading.Thread(
            target=server.serve_forever,
            args=(POLL_INTERVAL,),
            name=f"training-{self._name}",
            daemon=True,
        )
        self._thread.start()

    def _take_down(self) -> None:
        server, self.server = self.server, None
        if server is None:
            return
        if self._thread is not None:
            # shutdown() waits for serve_forever, which would wait forever if never started.
            server.shutdown()
            self._thread.join()
            self._thread = None
        # Closing the listener refuses new connections (and resets any still queued);
        # cutting the accepted ones ends keep-alive connections, as a dropped VPN does.
        server.server_close()
        server.cut_connections()

    def _bind_same_port(self) -> _Server:
        deadline = time.monotonic() + REBIND_SECONDS
        while True:
            try:
                return _Server((self._binding.host, self.port), self._handler_class)
            except OSError as error:
                if error.errno != errno.EADDRINUSE or time.monotonic() >= deadline:
                    raise
                time.sleep(POLL_INTERVAL)


# system type -> "module:Handler" of its simulator; the same types as the
# connector registry (tests/test_architecture.py checks that they match).
SIMULATORS = {
    "proconsona": "app.training.proconsona:Handler",
    "effica": "app.training.effica:Handler",
}


def simulator_class(system_type: str) -> type[SimulatorHandler]:
    """The request handler of the system's training simulator, imported when first used."""
    module_name, _, name = SIMULATORS[system_type].partition(":")
    cls: type[SimulatorHandler] = getattr(importlib.import_module(module_name), name)
    return cls


class SimulatedSystem(SimulatedService):
    """One municipality's training system: its clients, its records, its server."""

    def __init__(self, municipality: Municipality, binding: Binding = LOOPBACK) -> None:
        self.municipality = municipality
        self.clients = clients_for(municipality.code, municipality.name_fi)
        self.store = RecordStore(f"{municipality.system.type}-{municipality.code}")
        handler = simulator_class(municipality.system.type)
        handler_class = type(
            f"{handler.__name__}For{municipality.code}", (handler,), {"system": self}
        )
        super().__init__(handler_class, municipality.code, binding)

    def client_by_hetu(self, hetu: str) -> SyntheticClient | None:
        for client in self.clients:
            if client.hetu.value == hetu:
                return client
        return None


class SimulatorHandler(BaseHTTPRequestHandler):
    """Base of every simulated system's request handler.

    Subclasses implement ``do_GET``/``do_POST`` with the helpers below; the
    class attribute ``system`` is bound per municipality.
    """

    system: ClassVar[SimulatedSystem]
    protocol_version = "HTTP/1.1"
    server_version = "PaivystysTraining/1"
    # Headers and body go out in separate writes; with Nagle's algorithm each answer
    # would wait ~40 ms for the client's delayed ACK.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        # Request lines may carry identifiers: the training server logs nothing.
        return

    def bearer_worker(self, service: SimulatedService) -> SyntheticWorker | None:
        """The worker of the request's ``Authorization: Bearer`` token when the training
        identity provider issued it and it is still valid; None otherwise."""
        scheme, _, token = (self.headers.get("Authorization") or "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token or len(token) > 4096:
            return None
        return None if service.identity is None else service.identity(token)

    def negotiated_worker(self, service: SimulatedService) -> str | None:
        """The Kerberos principal of the request's ``Authorization: Negotiate`` ticket,
        when the service has a keytab and the ticket opens with it; None otherwise."""
        header = self.headers.get("Authorization") or ""
        if service.keytab is None or not header.lower().startswith("negotiate "):
            return None
        from app.training.negotiate import AcceptorUnavailable, accept

        try:
            return accept(header, service.keytab).principal
        except AcceptorUnavailable:
            return None

    def read_body(self) -> bytes | None:
        """The request body, or None after answering 413/400 when it is unacceptable."""
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            self.send_bytes(HTTPStatus.BAD_REQUEST, b"bad Content-Length", "text/plain")
            return None
        if length > MAX_REQUEST_BYTES or length < 0:
            self.send_bytes(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, b"too large", "text/plain")
            return None
        return self.rfile.read(length)

    def send_bytes(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def send_json(self, status: int, document: Any, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(document, ensure_ascii=False).encode("utf-8")
        self.send_bytes(status, body, "application/json; charset=utf-8", headers)


class _IndexHandler(SimulatorHandler):
    training: ClassVar[TrainingServer]

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].rstrip("/")
        if path == "":
            self.send_json(HTTPStatus.OK, self.training.description)
        elif path == "/inspect":
            self.send_json(HTTPStatus.OK, self.training.inspect())
        elif path == "/inspect/access":
            self.send_json(HTTPStatus.OK, self.training.inspect_access())
        elif path.startswith("/inspect/") and path[len("/inspect/") :] in self.training.systems:
            self.send_json(HTTPStatus.OK, self.training.inspect_one(path[len("/inspect/") :]))
        elif path == "/policy":
            # Without [printing]: the workstation takes none of it from a server, and a
            # trainee's older version must not refuse a printing field it does not know.
            served = schema.dump(self.training.policy)
            served.pop("printing", None)
            self.send_json(HTTPStatus.OK, served)
        elif path == "/control":
            self.send_json(HTTPStatus.OK, self.training.control_state())
        else:
            self.send_json(HTTPStatus.NOT_FOUND, {"error": "not found"})

    def do_POST(self) -> None:
        if self.read_body() is None:
            return
        parts = self.path.split("?", 1)[0].strip("/").split("/")
        actions = {"online": True, "offline": False}
        if len(parts) != 3 or parts[0] != "control" or parts[2] not in actions:
            self.send_json(HTTPStatus.NOT_FOUND, {"error": "not found"})
            return
        code = parts[1]
        if code not in self.training.systems and code != POPULATION:
            self.send_json(HTTPStatus.NOT_FOUND, {"error": "no such municipality"})
            return
        online = actions[parts[2]]
        self.training.set_online(code, online)
        self.send_json(HTTPStatus.OK, {"code": code, "online": online})


class TrainingServer:
    """All the training systems of a policy, plus the index server."""

    def __init__(self, base_policy: Policy, port: int = 0, binding: Binding = LOOPBACK) -> None:
        # Imported here: the population simulator builds on this module's classes.
        from app.training.oidc import OidcProvider
        from app.training.population import PopulationSimulator

        self.binding = binding
        self.systems = {m.code: SimulatedSystem(m, binding) for m in base_policy.municipalities}
        self.population = PopulationSimulator(base_policy.municipalities, binding)
        self.oidc = OidcProvider(binding)
        for service in [*self.systems.values(), self.population]:
            service.identity = self.oidc.validate_access_token
        handler_class = type("IndexHandler", (_IndexHandler,), {"training": self})
        self.index = _Server((binding.host, port), handler_class)
        self._thread = threading.Thread(
            target=self.index.serve_forever,
            args=(POLL_INTERVAL,),
            name="training-index",
            daemon=True,
        )
        self.policy = training_policy(
            base_policy,
            {c: s.url for c, s in self.systems.items()},
            self.population.url,
            self.oidc.issuer,
        )

    @property
    def url(self) -> str:
        return self.binding.url(self.index.server_address[1])

    @property
    def description(self) -> dict[str, Any]:
        return {
            "systems": {code: system.url for code, system in self.systems.items()},
            "inspect": f"{self.url}/inspect",
            "control": f"{self.url}/control",
            "population": self.population.url,
            "oidc": self.oidc.issuer,
        }

    def set_online(self, code: str, online: bool) -> None:
        """Simulate a VPN outage of one municipality's system (or of the population
        register, code ``"population"``), or its end. KeyError if unknown."""
        service = self.population if code == POPULATION else self.systems[code]
        service.set_online(online)

    def control_state(self) -> dict[str, bool]:
        return {code: system.online for code, system in self.systems.items()}

    def inspect(self) -> dict[str, list[dict[str, Any]]]:
        return {code: system.store.records() for code, system in self.systems.items()}

    def inspect_access(self) -> dict[str, list[dict[str, Any]]]:
        """Each municipality's access log: who used which client's data, when and why."""
        return {code: system.store.access_log() for code, system in self.systems.items()}

    def inspect_one(self, code: str) -> dict[str, list[dict[str, Any]]]:
        """One municipality's system: what it received and its access log. KeyError if
        unknown."""
        store = self.systems[code].store
        return {"records": store.records(), "access": store.access_log()}

    def start(self) -> None:
        for system in self.systems.values():
            system.start()
        self.population.start()
        self.oidc.start()
        self._thread.start()

    def stop(self) -> None:
        # Stop all servers at once: each waits up to POLL_INTERVAL to notice.
        services: list[SimulatedService] = [*self.systems.values(), self.population, self.oidc]
        stoppers = [threading.Thread(target=self.index.shutdown)] + [
            threading.Thread(target=service.stop) for service in services
        ]
        for stopper in stoppers:
            stopper.start()
        for stopper in stoppers:
            stopper.join()
        self.index.server_close()

    def __enter__(self) -> TrainingServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def training_policy(
    base: Policy, urls: dict[str, str], population_url: str, issuer: str | None = None
) -> Policy:
    """The base policy's municipalities and the population register, pointed at training
    systems; the sign-in of each at the training identity provider ``issuer``.

    Trainees practise both kinds of sign-in: an ``oidc`` system signs in at the training
    provider (the same client id), everything else with the training password
    (Kerberos needs a domain no classroom has). The population register signs in at the
    training provider too. Without ``issuer`` every system uses the training password.
    """

    def auth(config: AuthConfig | None) -> AuthConfig:
        if issuer is None or config is None or config.method != "oidc":
            return AuthConfig(method="password")
        return AuthConfig(method="oidc", issuer=issuer, client_id=config.client_id)

    municipalities = tuple(
        replace(
            municipality,
            system=replace(
                municipality.system,
                endpoint=urls[municipality.code],
                connect_timeout=2.0,
                read_timeout=10.0,
                auth=auth(municipality.system.auth),
            ),
        )
        for municipality in base.municipalities
        if municipality.code in urls
    )
    # The training systems are local: the production VPN is neither checked nor opened.
    population = PopulationConfig(
        endpoint=population_url,
        connect_timeout=2.0,
        read_timeout=10.0,
        auth=auth(AuthConfig(issuer=issuer, client_id=TRAINING_CLIENT_ID) if issuer else None),
    )
    return replace(
        base, municipalities=municipalities, training=True, vpn=VpnConfig(), population=population
    )
