"""Shared fixtures: a temporary profile, the example policy, the training systems."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.core
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.services.paths import EXAMPLE_POLICY
from app.services.policy import Policy, load_policy
from app.training.server import TrainingServer


@pytest.fixture(autouse=True)
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty profile: config, data and cache dirs under tmp_path."""
    home = tmp_path / "profile"
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(home / "site"))
    return home


@pytest.fixture(autouse=True)
def no_credential_store(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests never touch the developer's own credential store, in-process or in the
    processes they start: no keyring backend unless a test sets one explicitly.

    (Also keeps test backends from being discovered: keyring registers every
    KeyringBackend subclass, and its chainer would pick up the tests' hanging one.)
    """
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous = keyring.core._keyring_backend
    keyring.set_keyring(keyring.backends.fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.core._keyring_backend = previous


@pytest.fixture(scope="session")
def example_policy() -> Policy:
    return load_policy(EXAMPLE_POLICY)


@pytest.fixture
def training(example_policy: Policy) -> Iterator[TrainingServer]:
    """The training systems of the example policy, on 127.0.0.1, fresh per test."""
    with TrainingServer(example_policy) as server:
        yield server
