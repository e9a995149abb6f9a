"""Every exit code the README promises, each from the real command in its own process."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
from pathlib import Path

import pytest

from app import main
from app.connectors.base import Credentials
from app.services import helpdesk, selftest
from app.services.outbox.profile import TRAINING_KEY_FILE, OutboxSetup
from app.services.outbox.sending import SendingService
from app.services.workstation import Workstation
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.fakes import closed_port_url
from tests.helpers import ROOT, SAVED_BY, entry_for, run_app


def readme_codes() -> dict[int, str]:
    """The README's table of exit codes: code -> meaning."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return {
        int(code): meaning for code, meaning in re.findall(r"^\| (\d+) \| (.+) \|$", readme, re.M)
    }


def run(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command in this test's profile (conftest's) and no keyring."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return run_app("--lang", "en", *args, env=env, profile=profile, timeout=120)


def test_the_readme_and_the_code_name_the_same_codes() -> None:
    defined = {
        main.EXIT_OK,
        helpdesk.EXIT_OK,
        helpdesk.EXIT_NEEDS_ACTION,
        main.EXIT_POLICY,
        main.EXIT_TRAINING_SERVER,
        helpdesk.EXIT_OUTBOX,
        helpdesk.EXIT_BUSY,
        selftest.EXIT_OK,
        selftest.EXIT_SELF_TEST,
        main.EXIT_USAGE,
    }
    assert set(readme_codes()) == defined == {0, 1, 2, 3, 4, 5, 6, 64}


def test_0_all_well(training: TrainingServer, profile: Path) -> None:
    done = run(profile, "doctor", "--training-server", training.url)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "all well" in readme_codes()[0]


def test_1_something_needs_action(training: TrainingServer, profile: Path) -> None:
    training.set_online(training.policy.municipalities[0].code, False)
    done = run(profile, "doctor", "--training-server", training.url)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "NOT reachable" in done.stdout


@pytest.mark.parametrize("problem", ["invalid", "missing"])
def test_2_policy_invalid_or_missing(tmp_path: Path, problem: str, profile: Path) -> None:
    policy = tmp_path / "policy.toml"
    if problem == "invalid":
        policy.write_text("[[municipalities]]\ncode = 1\n", encoding="utf-8")
    done = run(profile, "doctor", "--policy", str(policy))
    assert done.returncode == 2, done.stdout + done.stderr
    assert str(policy) in done.stderr


def test_3_training_server_unusable(profile: Path) -> None:
    done = run(profile, "outbox", "status", "--training-server", closed_port_url())
    assert done.returncode == 3, done.stdout + done.stderr
    assert "training server unusable" in done.stderr


def test_4_outbox_cannot_be_opened(training: TrainingServer, profile: Path) -> None:
    setup = OutboxSetup.for_mode(training=True)
    setup.open().close()
    (setup.profile_dir / TRAINING_KEY_FILE).write_text(secrets.token_hex(32), encoding="ascii")
    done = run(profile, "outbox", "flush", "--training-server", training.url)
    assert done.returncode == 4, done.stdout + done.stderr
    assert "NOT OPENED (wrong_key)" in done.stdout


def test_5_another_sender_is_active(training: TrainingServer, profile: Path) -> None:
    """Every municipality with items due is another sender's: the flush can do nothing."""
    code = training.policy.municipalities[0].code
    outbox = OutboxSetup.for_mode(training=True).open()
    station = Workstation(
        training.policy, lambda m: Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
    )
    client = training.systems[code].clients[0]
    SendingService(outbox, station).save_entry(code, entry_for(client.hetu), saved_by=SAVED_BY)
    lock = outbox.sender_lock(code)
    try:
        assert lock.try_acquire()
        done = run(profile, "outbox", "flush", "--training-server", training.url)
    finally:
        lock.release()
        outbox.close()
        station.close()
    assert done.returncode == 5, done.stdout + done.stderr
    assert "another sender" in done.stdout


def test_6_self_test_failed(profile: Path) -> None:
    """Without a credential store (the tests' keyring) production cannot keep its key."""
    done = run(profile, "--self-test")
    assert done.returncode == 6, done.stdout + done.stderr
    assert "self-test: FAILED (keyring)" in done.stdout
    assert "paivystys --self-test: FAILED: keyring: " in done.stderr
    assert "--self-test" in readme_codes()[6]


@pytest.mark.parametrize(
    "args",
    [
        ("duty-hours", "--training", "--at", "huomenna"),
        ("doctor", "--no-such-option"),
        ("nosuch",),
        ("--self-test", "doctor"),
    ],
    ids=["not-a-time", "unknown-option", "unknown-command", "self-test-with-a-command"],
)
def test_64_usage_error(args: tuple[str, ...], profile: Path) -> None:
    done = run(profile, *args)
    assert done.returncode == 64, done.stdout + done.stderr
    assert "paivystys" in done.stderr
    assert done.stdout == ""
