"""Nothing to harvest: the app's processes leave no core dump and create only private files."""

from __future__ import annotations

import importlib
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import app_command, profile_env, run_app

# POSIX only: the tests are skipped elsewhere (pytestmark), but Windows still collects them.
if sys.platform == "win32":
    resource: Any = None
else:
    resource = importlib.import_module("resource")

ROOT = Path(__file__).resolve().parents[2]
LINUX = sys.platform.startswith("linux")
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX limits and modes")


def loose_limits() -> None:
    """In the child, before exec: what a careless session gives, a core limit and umask 022."""
    hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))
    os.umask(0o022)


def test_the_app_process_turns_core_dumps_off() -> None:
    if resource.getrlimit(resource.RLIMIT_CORE)[1] == 0:
        pytest.skip("the hard core limit is already 0 here: nothing to show")
    probe = (
        "import resource, sys\n"
        "from app.services import process\n"
        "process.protect_process()\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE), process.is_dumpable(), sep=';')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        preexec_fn=loose_limits,
    )
    limits, dumpable = done.stdout.strip().split(";")
    assert limits == "(0, 0)"
    assert dumpable == "False"


def test_the_entry_point_protects_itself_first(profile: Path) -> None:
    """The real ``python -m app`` process: its own /proc limits say no core file."""
    if not LINUX:
        pytest.skip("reads /proc")
    if resource.getrlimit(resource.RLIMIT_CORE)[1] == 0:
        pytest.skip("the hard core limit is already 0 here: nothing to show")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        app_command(profile, "training-server"),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        preexec_fn=loose_limits,  # noqa: PLW1509
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline()  # up and serving
        limits = Path(f"/proc/{process.pid}/limits").read_text()
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stdout:
            process.stdout.close()
    [line] = [line for line in limits.splitlines() if line.startswith("Max core file size")]
    assert line.split()[4:6] == ["0", "0"]


def test_files_the_app_creates_are_private_whatever_the_umask(
    tmp_path: Path, profile: Path
) -> None:
    # Training: the outbox's key is a file in the training profile, no keyring needed.
    env = dict(profile_env(tmp_path), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = run_app(
        "outbox",
        "status",
        "--training",
        "--json",
        env=env,
        profile=profile,
        preexec_fn=loose_limits,
    )
    assert done.returncode in (0, 1), done.stderr
    created = [p for p in tmp_path.rglob("*") if p.name != "__pycache__"]
    assert any(p.name == "outbox.db" for p in created), created
    loose = {
        str(p.relative_to(tmp_path)): oct(stat.S_IMODE(p.stat().st_mode))
        for p in created
        if stat.S_IMODE(p.stat().st_mode) & 0o077
        # The XDG base directories and the profile itself are the session's, not the app's.
        and p.parent != tmp_path
    }
    assert loose == {}
