"""The training systems for the benchmarks, in a process of their own.

``python -m app training-server --policy <example policy>`` is started as a
child process, as a trainer would start it, so that the systems' request
handling does not compete with the measured code for this process's GIL (a
real system is on another machine). The bench joins it as a classroom
client does (:func:`app.services.policy.classroom.join`) and takes systems off the
network through its control URL (``TrainingServer.set_online`` in the child).
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import requests

from app.connectors.base import Credentials
from app.domain.policy import Policy
from app.services.paths import EXAMPLE_POLICY
from app.services.policy.classroom import join
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME

REPO = Path(__file__).resolve().parent.parent
START_SECONDS = 30.0
STOP_SECONDS = 10.0
CREDENTIALS = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)


class TrainingProcess:
    """The example policy's training systems, served by a child process on 127.0.0.1."""

    def __init__(self, env: dict[str, str]) -> None:
        self._env = env
        self._process: subprocess.Popen[str] | None = None
        self.description: dict[str, Any] = {}
        self.url = ""
        self.policy: Policy | None = None
        self._control = requests.Session()
        self._control.trust_env = False

    def start(self) -> TrainingProcess:
        command = [
            sys.executable,
            "-m",
            "app",
            "training-server",
            "--policy",
            str(EXAMPLE_POLICY),
            "--port",
            "0",
        ]
        self._process = subprocess.Popen(  # noqa: S603 - our own interpreter and app
            command, cwd=REPO, env=self._env, stdout=subprocess.PIPE, text=True
        )
        line = self._first_line()
        self.description = json.loads(line)
        self.url = str(self.description["inspect"]).removesuffix("/inspect")
        _, self.policy = join(self.url)
        return self

    def _first_line(self) -> str:
        process = self._process
        assert process is not None
        assert process.stdout is not None
        deadline = time.monotonic() + START_SECONDS
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            while time.monotonic() < deadline:
                if selector.select(timeout=0.1):
                    line = process.stdout.readline()
                    if line.strip():
                        return line
                if process.poll() is not None:
                    break
        self.stop()
        raise RuntimeError("the training server did not start")

    @property
    def training_policy(self) -> Policy:
        if self.policy is None:
            raise RuntimeError("the training server is not running")
        return self.policy

    def set_online(self, code: str, online: bool) -> None:
        """``POST <control>/<code>/online|offline``: a VPN outage of one system, or its end."""
        action = "online" if online else "offline"
        reply = self._control.post(f"{self.description['control']}/{code}/{action}", timeout=10)
        reply.raise_for_status()

    def records(self, code: str) -> int:
        """How many records the system of ``code`` holds."""
        reply = self._control.get(str(self.description["inspect"]), timeout=30)
        reply.raise_for_status()
        return len(reply.json()[code])

    def stop(self) -> None:
        process, self._process = self._process, None
        self._control.close()
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stdout is not None:
            process.stdout.close()

    def __enter__(self) -> TrainingProcess:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def child_environment(profile: Path) -> dict[str, str]:
    """This environment with the XDG directories moved under ``profile``."""
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(profile / name.lower())
    env["XDG_CONFIG_DIRS"] = str(profile / "site")
    return env
