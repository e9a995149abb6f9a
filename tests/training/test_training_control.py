"""The training server's outage control: a system goes off the network and comes back."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from typing import Any

import pytest

from app.connectors import errors
from app.connectors.base import Credentials
from app.connectors.registry import create_connector
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.helpers import entry_for, get_json, port_of, records

GOOD = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)


def post_json(url: str) -> tuple[int, Any]:
    request = urllib.request.Request(url, data=b"", method="POST")
    try:
        with urllib.request.urlopen(request, timeout=5) as reply:
            return reply.status, json.load(reply)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.load(error)


def refuses(url: str) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port_of(url)), timeout=2).close()
    except ConnectionRefusedError:
        return True
    return False


def read_response(connection: socket.socket) -> bytes:
    """One whole answer (headers and body come in separate writes)."""
    received = b""
    for _ in range(100):
        head, blank, body = received.partition(b"\r\n\r\n")
        if blank:
            length = next(
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            if len(body) >= length:
                return received
        chunk = connection.recv(65536)
        assert chunk, "closed before the whole answer"
        received += chunk
    raise AssertionError("no whole answer")


def test_description_names_the_control_url(training: TrainingServer) -> None:
    description = get_json(training.url + "/")
    assert list(description) == ["systems", "inspect", "control", "population", "oidc"]
    assert description["control"] == training.url + "/control"
    assert get_json(description["control"]) == {code: True for code in training.systems}


def test_offline_refuses_and_online_returns_on_the_same_port(training: TrainingServer) -> None:
    control = training.description["control"]
    code, system = next(iter(training.systems.items()))
    url = system.url
    connector = create_connector(training.policy.municipality(code).system, GOOD)
    entry = entry_for(system.clients[0].hetu)
    first = connector.record_entry(entry)

    assert post_json(f"{control}/{code}/offline") == (200, {"code": code, "online": False})
    assert get_json(control)[code] is False
    assert refuses(url)
    with pytest.raises(errors.Unreachable):
        connector.probe()
    # The other systems are not affected.
    assert all(online for other, online in get_json(control).items() if other != code)

    assert post_json(f"{control}/{code}/online") == (200, {"code": code, "online": True})
    assert system.url == url
    assert get_json(control)[code] is True
    connector.probe()
    again = connector.record_entry(entry)
    assert again.already_recorded
    assert again.system_record_id == first.system_record_id
    assert len(records(training, code)) == 1
    connector.close()


def test_unknown_municipality_or_action_is_not_found(training: TrainingServer) -> None:
    control = training.description["control"]
    code = next(iter(training.systems))
    assert post_json(f"{control}/999/offline")[0] == 404
    assert post_json(f"{control}/{code}/sideways")[0] == 404
    assert post_json(f"{control}/{code}")[0] == 404
    with pytest.raises(KeyError):
        training.set_online("999", False)


def test_open_keep_alive_connections_are_cut(training: TrainingServer) -> None:
    code, system = next(iter(training.systems.items()))
    with socket.create_connection(("127.0.0.1", port_of(system.url)), timeout=2) as connection:
        # One answered request leaves the HTTP/1.1 connection open for the next one.
        connection.sendall(b"GET /nothing-here HTTP/1.1\r\nHost: training\r\n\r\n")
        assert read_response(connection).startswith(b"HTTP/1.1 404")
        training.set_online(code, False)
        try:
            leftover = connection.recv(65536)
        except ConnectionResetError:
            leftover = b""
        assert leftover == b""


def test_python_api_is_idempotent_and_stop_works_while_offline(
    training: TrainingServer,
) -> None:
    code = next(iter(training.systems))
    training.set_online(code, False)
    training.set_online(code, False)
    assert training.control_state()[code] is False
    training.set_online(code, True)
    training.set_online(code, True)
    assert training.control_state()[code] is True
    training.set_online(code, False)
    # The fixture's stop() must not wait on the system that is off the network.


def test_repeated_outages_keep_the_port(training: TrainingServer) -> None:
    code, system = next(iter(training.systems.items()))
    connector = create_connector(training.policy.municipality(code).system, GOOD)
    for _ in range(5):
        training.set_online(code, False)
        assert refuses(system.url)
        training.set_online(code, True)
        connector.probe()
    connector.close()
