"""The headless commands, run as real processes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from app.domain.policy import Policy
from app.main import build_parser
from app.services.paths import EXAMPLE_POLICY
from app.services.policy import signing
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME
from tests.helpers import (
    admin_location,
    app_command,
    entry_for,
    example_data,
    install,
    profile_env,
    run_app,
    run_trusted_app,
    write_toml,
)

ROOT = Path(__file__).resolve().parent.parent


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as reply:
        return json.load(reply)


@contextmanager
def app_process(
    profile: Path, *args: str
) -> Iterator[tuple[subprocess.Popen[str], dict[str, Any]]]:
    """Start ``python -m app ARGS`` in ``profile``, read its JSON line, stop it with
    SIGTERM at the end."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        app_command(profile, *args),
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


def test_training_server_prints_one_json_line_in_policy_order(
    example_policy: Policy, profile: Path
) -> None:
    with app_process(profile, "training-server") as (process, line):
        assert list(line) == ["systems", "inspect", "control", "population", "oidc"]
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


def test_training_server_inspect_lists_what_was_recorded(
    example_policy: Policy, profile: Path
) -> None:
    from app.connectors.base import Credentials
    from app.connectors.registry import create_connector
    from app.services.policy.load import policy_from_data

    with app_process(profile, "training-server") as (_, line):
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


def test_training_server_on_a_given_port(profile: Path) -> None:
    import socket

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    with app_process(profile, "training-server", "--port", str(port)) as (_, line):
        assert line["inspect"] == f"http://127.0.0.1:{port}/inspect"


def test_unknown_classroom_server_is_explained(profile: Path) -> None:
    from tests.fakes import closed_port_url

    done = subprocess.run(
        app_command(profile, "--lang", "en", "--training-server", closed_port_url()),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert done.returncode == 3
    assert "training server unusable" in done.stderr


def run_cli(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        app_command(profile, "--lang", "en", *args),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_duty_hours_answers_for_a_finnish_local_time(profile: Path) -> None:
    done = run_cli(profile, "duty-hours", "--training", "--at", "2026-06-19T10:00", "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["on"] is True  # juhannusaatto: duty all day
    assert answer["until"] == "2026-06-22T08:00:00+03:00"
    assert answer["responsible"]["kind"] == "regional_duty"
    office = json.loads(
        run_cli(profile, "duty-hours", "--training", "--at", "2026-11-26T10:00", "--json").stdout
    )
    assert office["on"] is False
    assert office["until"] == "2026-11-26T15:00:00+02:00"
    assert [c["code"] for c in office["responsible"]["contacts"]][:2] == ["106", "186"]


def test_duty_hours_refuses_a_non_time(profile: Path) -> None:
    done = run_cli(profile, "duty-hours", "--training", "--at", "huomenna")
    assert done.returncode == 64
    assert "not an ISO 8601 time" in done.stderr


def test_training_server_on_every_address_advertises_this_machine(profile: Path) -> None:
    import socket
    from urllib.parse import urlsplit

    with app_process(profile, "training-server", "--host", "0.0.0.0") as (_, line):
        assert urlsplit(line["inspect"]).hostname == socket.gethostname()
        assert {urlsplit(url).hostname for url in line["systems"].values()} == {
            socket.gethostname()
        }


def test_training_server_stops_on_ctrl_c(profile: Path) -> None:
    """SIGINT (Ctrl+C) ends the server with exit 0; its wait wakes up to see the stop
    (on Windows a wait without a timeout could not be interrupted)."""
    with app_process(profile, "training-server") as (process, line):
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        with pytest.raises(urllib.error.URLError, match="refused"):
            get_json(line["inspect"])


@pytest.mark.parametrize("io_encoding", ["cp1252", "ascii"])
def test_json_output_is_utf8_whatever_the_pipe_would_be(
    tmp_path: Path, profile: Path, io_encoding: str
) -> None:
    """Piped on Windows, Python writes the ANSI code page (cp1252): PYTHONIOENCODING makes
    this pipe so; the output is UTF-8 all the same, with ä and Č as they are."""
    data = example_data()
    data["duty_unit"]["name"] = "Sosiaalipäivystys Čáhcesuolu"
    policy = write_toml(tmp_path / "policy.toml", data)
    at = "2026-12-02T02:00"  # a Wednesday night: the regional duty answers
    command = ["duty-hours", "--training", "--policy", str(policy), "--at", at, "--json"]
    done = subprocess.run(
        app_command(profile, *command),
        cwd=ROOT,
        capture_output=True,
        timeout=60,
        check=False,
        env=dict(os.environ, PYTHONIOENCODING=io_encoding),
    )
    assert done.returncode == 0, done.stderr
    assert "Sosiaalipäivystys Čáhcesuolu".encode() in done.stdout
    answer = json.loads(done.stdout.decode("utf-8"))
    assert answer["responsible"]["name"] == "Sosiaalipäivystys Čáhcesuolu"


# -- the machine policy: only the administrators', signed by helpdesk (issue 10, finding 4)


def test_policy_keygen_sign_verify_round_trip(tmp_path: Path, profile: Path) -> None:
    keys = tmp_path / "helpdesk"
    made = run_cli(profile, "policy", "keygen", "--out", str(keys))
    assert made.returncode == 0, made.stderr
    private, public = keys / "policy-signing.key", keys / "policy-signing.pub"
    assert private.stat().st_mode & 0o777 == 0o600
    assert b"PRIVATE KEY" in private.read_bytes()
    assert b"PUBLIC KEY" in public.read_bytes()
    again = run_cli(profile, "policy", "keygen", "--out", str(keys))
    assert again.returncode == 64
    assert "never overwritten" in again.stderr

    policy = tmp_path / "10-keski-uusimaa.toml"
    policy.write_text(EXAMPLE_POLICY.read_text(encoding="utf-8"), encoding="utf-8")
    no_serial = run_cli(profile, "policy", "sign", "--key", str(private), str(policy))
    assert no_serial.returncode == 2
    assert "serial" in no_serial.stderr
    policy.write_text("serial = 1\n" + policy.read_text(encoding="utf-8"), encoding="utf-8")
    signed = run_cli(profile, "policy", "sign", "--key", str(private), str(policy))
    assert signed.returncode == 0, signed.stderr
    assert (tmp_path / "10-keski-uusimaa.toml.sig").exists()
    verified = run_cli(profile, "policy", "verify", "--key", str(public), str(policy))
    assert verified.returncode == 0, verified.stderr
    assert "serial 1" in verified.stdout
    checked = run_cli(profile, "policy", "check", "--policy", str(tmp_path), "--key", str(public))
    assert checked.returncode == 0, checked.stderr
    assert "6 municipalities, serial 1, signed" in checked.stdout

    policy.write_bytes(policy.read_bytes().replace(b"hyvinkaa.example", b"hyvinkaa.examplf"))
    tampered = run_cli(profile, "policy", "verify", "--key", str(public), str(policy))
    assert tampered.returncode == 2
    assert str(policy) in tampered.stderr
    assert "does not match" in tampered.stderr
    signature = tmp_path / "10-keski-uusimaa.toml.sig"
    signature.unlink()
    unsigned = run_cli(profile, "policy", "verify", "--key", str(public), str(policy))
    assert unsigned.returncode == 2
    assert "is not signed" in unsigned.stderr


def evil_policy(tmp_path: Path, port: int) -> Path:
    """The example policy with every system at 127.0.0.1:port, writable by its owner."""
    data = example_data()
    for municipality in data["municipalities"]:
        municipality["system"]["endpoint"] = f"https://127.0.0.1:{port}/api"
    return write_toml(tmp_path / "evil.toml", data)


@pytest.mark.parametrize(
    "command",
    [["outbox", "flush"], ["outbox", "status"], ["doctor"], ["duty-hours"], []],
    ids=["flush", "status", "doctor", "duty-hours", "window"],
)
def test_a_policy_on_the_command_line_is_refused_outside_training(
    tmp_path: Path, command: list[str]
) -> None:
    with socket.socket() as evil:
        evil.bind(("127.0.0.1", 0))
        evil.listen()
        evil.setblocking(False)
        path = evil_policy(tmp_path, evil.getsockname()[1])
        done = run_app(
            *command,
            "--policy",
            str(path),
            "--lang",
            "en",
            env=profile_env(tmp_path),
            profile=tmp_path,
        )
        with pytest.raises(BlockingIOError):
            evil.accept()  # nothing was sent there
    assert done.returncode == 2, done.stdout + done.stderr
    assert str(path) in done.stderr
    assert "--policy" in done.stderr
    assert "accepted only for training" in done.stderr
    assert "Nothing was started or sent" in done.stderr
    assert done.stdout == ""


def test_a_policy_on_the_command_line_still_serves_training(tmp_path: Path) -> None:
    done = run_app(
        "duty-hours",
        "--training",
        "--policy",
        str(EXAMPLE_POLICY),
        "--at",
        "2026-06-19T10:00",
        env=profile_env(tmp_path),
        profile=tmp_path,
    )
    assert done.returncode == 0, done.stderr


def test_the_environment_cannot_move_the_machine_policy(tmp_path: Path) -> None:
    if Path("/etc/paivystys").exists():
        pytest.skip("this machine has a machine policy installed")
    evil = evil_policy(tmp_path, 9)
    for site in (tmp_path / "site" / "paivystys", tmp_path / "site" / "paivystys" / "policy.d"):
        site.mkdir(parents=True, exist_ok=True)
        shutil.copy(evil, site / "policy.toml")
    env = dict(profile_env(tmp_path), XDG_CONFIG_DIRS=str(tmp_path / "site"))
    env["ProgramData"] = str(tmp_path / "site")
    done = run_app("doctor", env=env, profile=tmp_path)
    assert done.returncode == 2
    assert "/etc/paivystys/policy.d" in done.stderr
    assert str(tmp_path) not in done.stderr


def test_the_installed_signed_policy_serves_the_helpdesk_commands(tmp_path: Path) -> None:
    location = admin_location(tmp_path / "etc" / "paivystys")
    private, public = signing.generate_keys(tmp_path / "helpdesk")
    shutil.copy(public, location.public_key)
    location.public_key.chmod(0o644)
    policy = install(
        location,
        "10-keski-uusimaa.toml",
        "serial = 4\n" + EXAMPLE_POLICY.read_text(encoding="utf-8"),
    )
    signing.sign_file(private, policy, policy.read_bytes())
    env = profile_env(tmp_path)

    def app(*args: str) -> subprocess.CompletedProcess[str]:
        return run_trusted_app(location, *args, env=env, profile=tmp_path)

    checked = app("policy", "check", "--lang", "en")
    assert checked.returncode == 0, checked.stderr
    assert "6 municipalities, serial 4, signed" in checked.stdout
    duty = app("duty-hours", "--at", "2026-06-19T10:00", "--json")
    assert duty.returncode == 0, duty.stderr
    assert json.loads(duty.stdout)["on"] is True
    # An older signed file is not used again.
    policy.write_text("serial = 3\n" + EXAMPLE_POLICY.read_text(encoding="utf-8"), encoding="utf-8")
    signing.sign_file(private, policy, policy.read_bytes())
    older = app("duty-hours")
    assert older.returncode == 2
    assert "3 is older than serial 4" in older.stderr


@pytest.mark.parametrize(
    "command", [["doctor"], ["outbox", "status"], ["outbox", "flush"], ["duty-hours"]]
)
def test_common_options_mean_the_same_before_or_after_the_command(command: list[str]) -> None:
    """`paivystys --training doctor` once ran doctor on the production outbox."""
    parser = build_parser()
    options = ["--training", "--training-server", "http://127.0.0.1:9", "--policy", "p.toml"]
    options += ["--lang", "sv"]
    before = parser.parse_args([*options, *command])
    after = parser.parse_args([*command, *options])
    for name in ("training", "training_server", "policy", "lang"):
        assert getattr(before, name) == getattr(after, name)
    assert before.training is True
    assert before.training_server == "http://127.0.0.1:9"
    assert before.lang == "sv"
    plain = parser.parse_args(command)
    assert (plain.training, plain.training_server, plain.policy) == (False, None, None)
    assert plain.lang is None
