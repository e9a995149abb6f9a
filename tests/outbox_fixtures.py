"""Fixtures for the outbox, key and codec tests, loaded through ``pytest_plugins``.

Fixtures only: a test module that imported this module itself would defeat
pytest's loading of it as a plugin.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest

from app.services.outbox.store import Outbox
from tests.keyring_backend import MemoryKeyring, Snapshot, UseKeyring


@pytest.fixture
def key() -> bytes:
    """A random outbox key (no credential store involved)."""
    return secrets.token_bytes(32)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Where the outbox file goes: its directory does not exist yet."""
    return tmp_path / "data" / "outbox.db"


@pytest.fixture
def box(path: Path, key: bytes) -> Iterator[Outbox]:
    """A real SQLCipher outbox at ``path`` with ``key``."""
    with Outbox.open(path, key) as opened:
        yield opened


@pytest.fixture
def use_keyring() -> Iterator[UseKeyring]:
    """Set a backend with ``keyring.set_keyring``; the previous one returns after the test."""
    previous = keyring.core._keyring_backend
    yield keyring.set_keyring
    keyring.core._keyring_backend = previous


@pytest.fixture
def memory_keyring(use_keyring: UseKeyring) -> MemoryKeyring:
    backend = MemoryKeyring()
    use_keyring(backend)
    return backend


@pytest.fixture
def file_snapshot() -> Snapshot:
    return _snapshot


def _snapshot(directory: Path) -> dict[str, str]:
    """Every entry under ``directory`` and each file's SHA-256: proves nothing changed."""
    if not directory.exists():
        return {}
    return {
        str(path.relative_to(directory)): (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "directory"
        )
        for path in sorted(directory.rglob("*"))
    }
