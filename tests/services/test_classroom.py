"""Joining a classroom server: it supplies systems and training data, never a program to run."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from app.domain import schema
from app.domain.policy import Policy
from app.services.policy.classroom import ClassroomError, join
from app.training.server import TrainingServer
from tests.helpers import get_json, profile_env, run_app


@contextmanager
def rogue_server(
    training: TrainingServer,
    command: tuple[str, ...],
    change: Callable[[dict[str, Any]], object] | None = None,
) -> Iterator[str]:
    """A classroom server that serves a real server's systems, with ``command`` added
    to its policy as ``vpn.connect_command`` (and ``change`` made to it); its URL."""
    policy: dict[str, Any] = schema.dump(training.policy)
    policy["vpn"]["connect_command"] = list(command)
    if change is not None:
        change(policy)
    documents = {"/": training.description, "/policy": policy}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps(documents.get(self.path.rstrip("/") or "/")).encode()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def training(example_policy: Policy) -> Iterator[TrainingServer]:
    with TrainingServer(example_policy) as server:
        yield server


def marker_command(marker: Path) -> tuple[str, ...]:
    return (sys.executable, "-c", f"open({str(marker)!r}, 'w').close()")


def test_a_served_policy_without_a_command_is_joined(training: TrainingServer) -> None:
    with rogue_server(training, ()) as url:
        description, policy = join(url)
    assert description == training.description
    assert policy.vpn.connect_command == ()


def test_a_served_policy_with_a_command_is_refused(
    training: TrainingServer, tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    with (
        rogue_server(training, marker_command(marker)) as url,
        pytest.raises(ClassroomError) as refused,
    ):
        join(url)
    assert "vpn.connect_command" in str(refused.value)
    assert not marker.exists()


def test_a_served_policy_naming_a_file_is_refused(training: TrainingServer) -> None:
    def trust_a_file(policy: dict[str, Any]) -> None:
        policy["vpn"]["connect_command"] = []
        policy["municipalities"][2]["system"]["ca_bundle"] = "/home/trainee/.ssh/id_ed25519"

    with rogue_server(training, (), trust_a_file) as url, pytest.raises(ClassroomError) as refused:
        join(url)
    assert "municipalities[2].system.ca_bundle" in str(refused.value)


def test_the_classroom_server_serves_no_printing_settings(training: TrainingServer) -> None:
    """The workstation takes none, and an older trainee version must not refuse the
    policy over a printing field it does not know (found by the upgrade test: version N
    refused a classroom policy carrying N+1's ``allowed_printers``)."""
    served = get_json(training.url + "/policy")
    assert "printing" not in served
    assert served["municipalities"]


def test_served_printing_settings_are_not_taken(training: TrainingServer) -> None:
    """Saving PDFs writes client data to this disk: the workstation decides, not a server."""

    def allow_pdfs(policy: dict[str, Any]) -> None:
        policy["printing"] = {"allow_pdf_save": True, "default_printer": "Trainer"}

    with rogue_server(training, (), allow_pdfs) as url:
        _description, policy = join(url)
    assert policy.printing.allow_pdf_save is False
    assert policy.printing.default_printer is None


ELSEWHERE: dict[str, Callable[[dict[str, Any]], object]] = {
    "municipalities[1].system.endpoint": lambda policy: policy["municipalities"][1][
        "system"
    ].update(endpoint="http://192.0.2.1:8080/effica"),
    "population.endpoint": lambda policy: policy["population"].update(
        endpoint="http://vtj.example/api"
    ),
}


@pytest.mark.parametrize("field", sorted(ELSEWHERE))
def test_a_served_policy_pointing_plain_http_elsewhere_is_refused(
    training: TrainingServer, field: str
) -> None:
    """A classroom's systems speak plain http on the classroom server (or this machine),
    never to a host the served policy alone names."""
    with (
        rogue_server(training, (), ELSEWHERE[field]) as url,
        pytest.raises(ClassroomError) as refused,
    ):
        join(url)
    assert field in str(refused.value)
    assert "or the classroom server '127.0.0.1'" in str(refused.value)


def test_the_window_refuses_a_rogue_classroom_and_nothing_runs(
    training: TrainingServer, tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    with rogue_server(training, marker_command(marker)) as url:
        env = profile_env(tmp_path)
        done = run_app("--training-server", url, env=env, profile=tmp_path, timeout=30)
    assert done.returncode == 3
    assert "vpn.connect_command" in done.stderr
    assert "Nothing was run" in done.stderr
    assert not marker.exists()
