"""The headless commands, run as real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.domain.policy import Policy
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME
from tests.helpers import entry_for

ROOT = Path(__file__).resolve().parent.parent


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as reply:
        return json.load(reply)


@contextmanager
def app_process(*args: str) -> Iterator[tuple[subprocess.Popen[str], dict[str, Any]]]:
    """Start ``python -m app ARGS``, read its JSON line, stop it with SIGTERM at the end."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line, process.stderr.read() if process.stderr else ""
        yield process, json.loads(line)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            if process.stdout:
                process.stdout.close()
            if process.stderr:
                process.stderr.close()


def test_training_server_prints_one_json_line_in_policy_order(example_policy: Policy) -> None:
    with app_process("training-server") as (process, line):
        assert list(line) == ["systems", "inspect", "control", "population"]
        assert list(line["systems"]) == [m.code for m in example_policy.municipalities]
        for url in [*line["systems"].values(), line["inspect"]]:
            assert url.startswith("http://127.0.0.1:")
        root = line["inspect"].rsplit("/inspect", 1)[0]
        assert get_json(root + "/") == line
        assert get_json(line["inspect"]) == {m.code: [] for m in example_policy.municipalities}
        policy = get_json(root + "/policy")
        assert policy["training"] is True
        assert [m["system"]["endpoint"] for m in policy["municipalities"]] == list(
            line["systems"].values()
        )
    assert process.returncode == 0


def test_training_server_inspect_lists_what_was_recorded(example_policy: Policy) -> None:
    from app.connectors.base import Credentials
    from app.connectors.registry import create_connector
    from app.services.policy.load import policy_from_data

    with app_process("training-server") as (_, line):
        root = line["inspect"].rsplit("/inspect", 1)[0]
        policy = policy_from_data(get_json(root + "/policy"), "server")
        municipality = policy.municipalities[0]
        connector = create_connector(
            municipality.system, Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
        )
        from app.training.data import clients_for

        hetu = clients_for(municipality.code, municipality.name_fi)[0].hetu
        entry = entry_for(hetu)
        connector.record_entry(entry)
        records = get_json(line["inspect"])[municipality.code]
    assert [(r["idempotency_key"], r["hetu"], r["kind"], r["text"]) for r in records] == [
        (str(entry.idempotency_key), hetu.value, "entry", entry.narrative)
    ]


def test_training_server_on_a_given_port() -> None:
    import socket

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    with app_process("training-server", "--port", str(port)) as (_, line):
        assert line["inspect"] == f"http://127.0.0.1:{port}/inspect"


def test_unknown_classroom_server_is_explained() -> None:
    from tests.fakes import closed_port_url

    done = subprocess.run(
        [sys.executable, "-m", "app", "--training-server", closed_port_url()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert done.returncode == 3
    assert "training server unusable" in done.stderr


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_duty_hours_answers_for_a_finnish_local_time() -> None:
    done = run_cli("duty-hours", "--training", "--at", "2026-06-19T10:00", "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["on"] is True  # juhannusaatto: duty all day
    assert answer["until"] == "2026-06-22T08:00:00+03:00"
    assert answer["responsible"]["kind"] == "regional_duty"
    office = json.loads(
        run_cli("duty-hours", "--training", "--at", "2026-11-26T10:00", "--json").stdout
    )
    assert office["on"] is False
    assert office["until"] == "2026-11-26T15:00:00+02:00"
    assert [c["code"] for c in office["responsible"]["contacts"]][:2] == ["106", "186"]


def test_duty_hours_refuses_a_non_time() -> None:
    done = run_cli("duty-hours", "--training", "--at", "huomenna")
    assert done.returncode == 64
    assert "not an ISO 8601 time" in done.stderr


def test_training_server_on_every_address_advertises_this_machine() -> None:
    import socket
    from urllib.parse import urlsplit

    with app_process("training-server", "--host", "0.0.0.0") as (_, line):
        assert urlsplit(line["inspect"]).hostname == socket.gethostname()
        assert {urlsplit(url).hostname for url in line["systems"].values()} == {
            socket.gethostname()
        }
