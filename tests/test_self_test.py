"""``paivystys --self-test``, each run the real command in a process of its own.

The worker's profile, the machine policy's location, the fonts' directories and the
credential store are set in code in the child (as only code can: ``paths.redirected``,
``app.main.ADMIN_LOCATION``, ``fonts.FONT_DIRECTORIES``, ``keyring.set_keyring``), never
through the environment.
Without that, the child has the tests' environment: no credential store (conftest).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.services.paths import EXAMPLE_POLICY
from app.services.policy.location import AdminLocation
from app.services.selftest import EXIT_SELF_TEST
from tests.helpers import ROOT, admin_location, app_command, files_under, install, profile_env
from tests.portable import user_id

CHECKS = ("version", "policy", "keyring", "outbox", "document", "window")

# python -c CHILD PROFILE ROOT OWNER FONTS KEYRING_CALLS ARGS...: ``python -m app ARGS``
# in PROFILE (the worker's own directories, as tests.app_in_profile redirects them) on the
# administrators' location ROOT, with the fonts looked for in FONTS only (when given),
# and a usable credential store that records its calls in KEYRING_CALLS (when given).
CHILD = """
import json, sys
from pathlib import Path
import keyring
import app.main
from app.services import paths
from app.services.documents import fonts
from app.services.policy.location import AdminLocation
from tests.keyring_backend import RecordingKeyring
profile, root, owner, font_dir, calls_file, *args = sys.argv[1:]
app.main.ADMIN_LOCATION = AdminLocation(Path(root), None, int(owner))
if font_dir:
    fonts.FONT_DIRECTORIES = (Path(font_dir),)
store = RecordingKeyring()
if calls_file:
    keyring.set_keyring(store)
with paths.redirected(Path(profile)):
    code = app.main.main(["--lang", "en", *args])
if calls_file:
    Path(calls_file).write_text(json.dumps(store.calls), encoding="utf-8")
sys.exit(code)
"""


class SelfTest:
    """Runs the self-test in a child as set up; checks it left nothing behind."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.location = AdminLocation(tmp_path / "etc", None, owner=user_id())
        self.fonts: Path | None = None
        self.keyring_calls: Path | None = None
        self.temporary = tmp_path / "tmp"
        self.temporary.mkdir()
        self.env = dict(profile_env(tmp_path / "home"), TMPDIR=str(self.temporary))
        self.env.pop("QT_QPA_PLATFORM")  # the self-test makes Qt offscreen itself

    def with_credential_store(self) -> None:
        self.keyring_calls = self.tmp_path / "keyring-calls.json"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                CHILD,
                str(self.tmp_path / "home"),
                str(self.location.root),
                str(self.location.owner),
                "" if self.fonts is None else str(self.fonts),
                "" if self.keyring_calls is None else str(self.keyring_calls),
                "--self-test",
                *args,
            ],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        # The temporary profile is gone, and nothing of the worker's own was made.
        assert list(self.temporary.iterdir()) == [], done.stdout + done.stderr
        assert list(files_under(self.tmp_path / "home")) == []
        if self.keyring_calls is not None:
            calls = json.loads(self.keyring_calls.read_text(encoding="utf-8"))
            assert calls == [], "the self-test used the credential store"
        return done


@pytest.fixture
def self_test(tmp_path: Path) -> SelfTest:
    return SelfTest(tmp_path)


def lines(done: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """Each check's line: name -> the rest."""
    found = dict(line.split(": ", 1) for line in done.stdout.splitlines())
    assert list(found) == [*CHECKS, "self-test"], done.stdout
    return found


def installed_example(location: AdminLocation) -> None:
    admin_location(location.root, state=False)
    install(location, "policy.toml", EXAMPLE_POLICY.read_bytes())


def test_a_fresh_install_with_a_credential_store_passes(self_test: SelfTest) -> None:
    """No machine policy yet is no failure; the credential store is named, never used."""
    self_test.with_credential_store()
    done = self_test.run()
    assert done.returncode == 0, done.stdout + done.stderr
    found = lines(done)
    assert found["self-test"] == "ok"
    assert found["version"].startswith("paivystys 0.1.0 (Python ")
    assert found["policy"].startswith(f"none installed in {self_test.location.policy_dir}")
    assert found["keyring"].startswith(
        "tests.keyring_backend.RecordingKeyring (a usable credential store"
    )
    assert found["outbox"].startswith("ok (SQLCipher, v2, schema 6:")
    assert found["document"].startswith("ok (PDF, 1 page(s), ")
    assert str(ROOT / "resources" / "fonts") in found["document"]
    assert "Ŋ Đ Ŧ Ž Š Č printed" in found["document"]
    assert found["window"].startswith("ok (Qt 6.")
    assert "offscreen" in found["window"]
    assert done.stderr == ""


def test_the_installed_machine_policy_is_checked(self_test: SelfTest) -> None:
    installed_example(self_test.location)
    self_test.with_credential_store()
    done = self_test.run()
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines(done)["policy"] == (
        f"ok ({self_test.location.policy_dir}: 6 municipalities, serial 0, unsigned)"
    )


def test_without_a_credential_store_production_fails(self_test: SelfTest) -> None:
    """The tests' keyring is keyring's fail backend: what a machine without one has."""
    done = self_test.run()
    assert done.returncode == EXIT_SELF_TEST == 6, done.stdout + done.stderr
    found = lines(done)
    assert found["keyring"].startswith(
        "FAILED: keyring.backends.fail.Keyring loaded, NOT a usable credential store (no_keyring)"
    )
    assert found["self-test"] == "FAILED (keyring)"
    for check in ("policy", "outbox", "document", "window"):
        assert not found[check].startswith("FAILED"), found[check]
    assert done.stderr.splitlines() == [
        f"paivystys --self-test: FAILED: keyring: {found['keyring'].removeprefix('FAILED: ')}"
    ]


def test_without_a_credential_store_training_passes(self_test: SelfTest) -> None:
    """Training keeps its key in a file: the self-test says so and passes, on the example."""
    done = self_test.run("--training")
    assert done.returncode == 0, done.stdout + done.stderr
    found = lines(done)
    assert found["policy"] == "ok (the shipped example: 6 municipalities, serial 0, unsigned)"
    assert found["keyring"].startswith(
        "keyring.backends.fail.Keyring (not a usable credential store: training keeps its key"
    )


def test_json(self_test: SelfTest) -> None:
    done = self_test.run("--json")
    assert done.returncode == 6, done.stdout + done.stderr
    document: dict[str, Any] = json.loads(done.stdout)
    assert list(document) == [*CHECKS, "ok", "failed"]
    assert document["ok"] is False
    assert document["failed"] == ["keyring"]
    assert document["version"]["version"] == "0.1.0"
    assert document["policy"] == {
        "ok": True,
        "installed": False,
        "source": str(self_test.location.policy_dir),
    }
    assert document["keyring"]["ok"] is False
    assert "keyring.backends.fail.Keyring" in document["keyring"]["reason"]
    assert document["outbox"] == {
        "ok": True,
        "schema": 6,
        "cipher": "v2",
        "page_size": 1024,
        "hmac": "HMAC_SHA256",
    }
    assert document["document"]["pages"] == 1
    assert document["window"]["ok"] is True
    assert "paivystys --self-test: FAILED: keyring: " in done.stderr


@pytest.mark.parametrize("problem", ["invalid", "writable-by-others"])
def test_a_broken_machine_policy_fails(self_test: SelfTest, problem: str) -> None:
    admin_location(self_test.location.root, state=False)
    content = "[[municipalities]]\ncode = 1\n" if problem == "invalid" else None
    path = install(self_test.location, "policy.toml", content or EXAMPLE_POLICY.read_bytes())
    if problem == "writable-by-others":
        path.chmod(0o666)
    self_test.with_credential_store()
    done = self_test.run("--json")
    assert done.returncode == 6, done.stdout + done.stderr
    document = json.loads(done.stdout)
    assert document["failed"] == ["policy"]
    reason = document["policy"]["reason"]
    assert reason.startswith(f"{path}: field ")
    if problem == "writable-by-others":
        assert "writable by others" in reason
    assert f"paivystys --self-test: FAILED: policy: {reason}" in done.stderr
    # The other checks still ran, the document on the shipped example's municipality.
    assert document["document"]["ok"] is True
    assert document["outbox"]["ok"] is True


@pytest.mark.parametrize("problem", ["missing", "damaged"])
def test_unusable_fonts_fail(self_test: SelfTest, problem: str) -> None:
    fonts = self_test.tmp_path / "fonts"
    fonts.mkdir()
    if problem == "damaged":
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
            (fonts / name).write_bytes(b"not a font")
    self_test.fonts = fonts
    self_test.with_credential_store()
    done = self_test.run()
    assert done.returncode == 6, done.stdout + done.stderr
    found = lines(done)
    assert found["self-test"] == "FAILED (document)"
    assert found["document"].startswith("FAILED: ")
    if problem == "missing":
        assert found["document"] == (
            "FAILED: FontUnavailable: DejaVu Sans (DejaVuSans.ttf, DejaVuSans-Bold.ttf) "
            f"not found in {fonts}"
        )
    else:
        assert found["document"].startswith(f"FAILED: the fonts in {fonts} cannot be used (")
    assert done.stderr.startswith("paivystys --self-test: FAILED: document: ")


@pytest.mark.parametrize(
    "args",
    [("--self-test", "doctor"), ("--json",), ("--self-test", "--training-server", "http://x")],
    ids=["with-a-command", "json-alone", "training-server"],
)
def test_usage_errors(args: tuple[str, ...], tmp_path: Path) -> None:
    done = subprocess.run(
        app_command(tmp_path, "--lang", "en", *args),
        cwd=ROOT,
        env=profile_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 64, done.stdout + done.stderr
    assert done.stdout == ""
    assert "paivystys: error: " in done.stderr
