"""The training systems: one simulated client system per municipality, on 127.0.0.1.

Each municipality's system listens on a port of its own and speaks its
connector's contract (the handler named in :mod:`app.connectors.registry`).
An index server beside them answers:

- ``GET /`` the same JSON as the line printed at start:
  ``{"systems": {"<code>": "<base url>", ...}, "inspect": "<url>"}``
- ``GET /inspect`` everything each system has received, per municipality code
- ``GET /policy`` the training policy (JSON) whose endpoints point here

Nothing here is for production: the data is synthetic and there is no TLS.
"""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

from app.connectors.registry import training_handler_class
from app.services import schema
from app.services.policy import Municipality, Policy
from app.training.data import SyntheticClient, clients_for
from app.training.store import RecordStore

HOST = "127.0.0.1"
MAX_REQUEST_BYTES = 1_000_000
# How often a server thread looks for shutdown: stopping waits up to this long per system.
POLL_INTERVAL = 0.05

TRAINING_USERNAME = "harjoittelija"
TRAINING_PASSWORD = "harjoitus"  # noqa: S105 - the published training password


class SimulatedSystem:
    """One municipality's training system: its clients, its records, its server."""

    def __init__(self, municipality: Municipality) -> None:
        self.municipality = municipality
        self.clients = clients_for(municipality.code, municipality.name_fi)
        self.store = RecordStore(f"{municipality.system.type}-{municipality.code}")
        handler = training_handler_class(municipality.system.type)
        handler_class = type(
            f"{handler.__name__}For{municipality.code}", (handler,), {"system": self}
        )
        self.server = ThreadingHTTPServer((HOST, 0), handler_class)
        self.server.daemon_threads = True
        self._thread = threading.Thread(
            target=self.server.serve_forever,
            args=(POLL_INTERVAL,),
            name=f"training-{municipality.code}",
            daemon=True,
        )

    @property
    def url(self) -> str:
        port = self.server.server_address[1]
        return f"http://{HOST}:{port}"

    def client_by_hetu(self, hetu: str) -> SyntheticClient | None:
        for client in self.clients:
            if client.hetu.value == hetu:
                return client
        return None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


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
        elif path == "/policy":
            self.send_json(HTTPStatus.OK, schema.dump(self.training.policy))
        else:
            self.send_json(HTTPStatus.NOT_FOUND, {"error": "not found"})


class TrainingServer:
    """All the training systems of a policy, plus the index server."""

    def __init__(self, base_policy: Policy, port: int = 0) -> None:
        self.systems = {m.code: SimulatedSystem(m) for m in base_policy.municipalities}
        handler_class = type("IndexHandler", (_IndexHandler,), {"training": self})
        self.index = ThreadingHTTPServer((HOST, port), handler_class)
        self.index.daemon_threads = True
        self._thread = threading.Thread(
            target=self.index.serve_forever,
            args=(POLL_INTERVAL,),
            name="training-index",
            daemon=True,
        )
        self.policy = training_policy(base_policy, {c: s.url for c, s in self.systems.items()})

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.index.server_address[1]}"

    @property
    def description(self) -> dict[str, Any]:
        return {
            "systems": {code: system.url for code, system in self.systems.items()},
            "inspect": f"{self.url}/inspect",
        }

    def inspect(self) -> dict[str, list[dict[str, Any]]]:
        return {code: system.store.records() for code, system in self.systems.items()}

    def start(self) -> None:
        for system in self.systems.values():
            system.start()
        self._thread.start()

    def stop(self) -> None:
        # Shut all servers down at once: each waits up to POLL_INTERVAL to notice.
        servers = [self.index, *(system.server for system in self.systems.values())]
        stoppers = [threading.Thread(target=server.shutdown) for server in servers]
        for stopper in stoppers:
            stopper.start()
        for stopper in stoppers:
            stopper.join()
        for server in servers:
            server.server_close()

    def __enter__(self) -> TrainingServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def training_policy(base: Policy, urls: dict[str, str]) -> Policy:
    """The base policy's municipalities, pointed at training systems."""
    municipalities = tuple(
        replace(
            municipality,
            system=replace(
                municipality.system,
                endpoint=urls[municipality.code],
                connect_timeout=2.0,
                read_timeout=10.0,
            ),
        )
        for municipality in base.municipalities
        if municipality.code in urls
    )
    return replace(base, municipalities=municipalities, training=True)
