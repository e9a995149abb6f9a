"""The production outbox key in a real Secret Service (gnome-keyring under its own D-Bus).

CI installs gnome-keyring and dbus-x11 (see .ci/run); elsewhere the test is skipped when
they are missing, and in CI their absence is a failure, not a skip.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services import paths
from app.services.outbox.schema import SCHEMA_VERSION
from app.services.paths import EXAMPLE_POLICY
from app.services.policy.location import AdminLocation
from tests.helpers import admin_location, install, trusted_app_command

ROOT = Path(__file__).resolve().parents[2]
TOOLS = all(shutil.which(tool) for tool in ("dbus-run-session", "gnome-keyring-daemon"))


@pytest.fixture
def short_tmp() -> Iterator[Path]:
    """gnome-keyring's sockets live under $HOME or $XDG_CACHE_HOME: pytest's deep tmp_path
    would exceed
    the 108-byte limit of a Unix socket path, and every keyring call would hang."""
    if not TOOLS:
        if os.environ.get("CI"):
            pytest.fail("CI must provide dbus-run-session and gnome-keyring-daemon")
        pytest.skip("gnome-keyring / dbus-run-session not installed")
    directory = Path(tempfile.mkdtemp(prefix="ss-", dir="/tmp"))
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def in_session(home: Path, data: Path, *commands: list[str]) -> list[str]:
    """Run commands in one D-Bus session with an unlocked keyring; one stdout each."""
    markers = []
    script = ["echo -n training | gnome-keyring-daemon --unlock --components=secrets >/dev/null"]
    for index, command in enumerate(commands):
        marker = f"=== {index} ==="
        markers.append(marker)
        script += [f"echo '{marker}'", shlex.join(command) + "; echo rc=$?"]
    env = {key: value for key, value in os.environ.items() if key != "PYTHON_KEYRING_BACKEND"}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(data),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
    )
    env.pop("XDG_RUNTIME_DIR", None)
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", "\n".join(script)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    parts = done.stdout.split("=== ")
    outputs = [part.split(" ===\n", 1)[1] for part in parts[1:]]
    assert len(outputs) == len(commands), done.stdout + done.stderr
    return outputs


def status(location: AdminLocation, profile: Path) -> list[str]:
    """``outbox status --json`` on the example policy installed as the machine policy, in
    ``profile`` (the app's directories; gnome-keyring keeps to the XDG ones)."""
    return trusted_app_command(location, "outbox", "status", "--json", profile=profile)


def parse(output: str) -> tuple[dict[str, object], int]:
    body, _, code = output.rpartition("rc=")
    return json.loads(body), int(code)


def snapshot(directory: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.iterdir())
        if p.is_file()
    }


def test_production_outbox_key_lives_in_the_secret_service(short_tmp: Path) -> None:
    tmp_path = short_tmp
    home, data, app_profile = tmp_path / "home", tmp_path / "data", tmp_path / "profile"
    home.mkdir()
    location = admin_location(tmp_path / "etc" / "paivystys")
    install(location, "10-keski-uusimaa.toml", EXAMPLE_POLICY.read_bytes())
    backend = [
        sys.executable,
        "-c",
        "import keyring; print(type(keyring.get_keyring()).__module__)",
    ]
    first, again, which = in_session(
        home, data, status(location, app_profile), status(location, app_profile), backend
    )
    document, code = parse(first)
    assert code == 0, first
    assert document["outbox"] == {
        "ok": True,
        "waiting": 0,
        "sending": 0,
        "needs_attention": 0,
        "manual": 0,
        "drafts": 0,
        "access_events": 0,
        "per_municipality": {},
        "held_for_new_address": {},
        "last_delivery": {},
        "modes_fixed": [],
        "format": {
            "schema": SCHEMA_VERSION,
            "cipher": "v2",
            "page_size": 1024,
            "hmac": "HMAC_SHA256",
        },
    }
    assert parse(again)[1] == 0
    assert "SecretService" in which
    with paths.redirected(app_profile):
        profile = paths.user_data_dir()
    assert (profile / "outbox.db").exists()
    # Production never keeps its key in a file.
    assert not any("key" in path.name for path in profile.rglob("*"))

    # The key removed from the credential store (a profile reset, another user): fail closed.
    before = snapshot(profile)
    forget = [
        sys.executable,
        "-c",
        "import keyring; from app.services.outbox.keys import KeyStore; "
        "keyring.delete_password('paivystys', KeyStore(training=False).username)",
    ]
    _, missing = in_session(home, data, forget, status(location, app_profile))
    document, code = parse(missing)
    assert code == 4
    assert document["outbox"]["error"] == "key_missing"  # type: ignore[index]
    assert snapshot(profile) == before
