"""Explicit keyring backends for tests: set with ``keyring.set_keyring``, never discovered.

Tests must not touch the machine's real credential store, nor let
keyrings.alt's getpass-prompting keyring become the default by accident.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringLocked, PasswordDeleteError

UseKeyring = Callable[[KeyringBackend], None]
Snapshot = Callable[[Path], dict[str, str]]


def no_keyring() -> KeyringBackend:
    """What keyring picks on a machine without a credential store."""
    return fail.Keyring()  # type: ignore[no-untyped-call]


class MemoryKeyring(KeyringBackend):
    """A credential store in a dict; priority 1, the lowest the outbox accepts."""

    priority: float = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.passwords[(service, username)]
        except KeyError:
            raise PasswordDeleteError(username) from None


class PlaintextLikeKeyring(MemoryKeyring):
    """Rates itself like keyrings.alt's file keyrings: not a credential store."""

    priority = 0.5


class ForgetfulKeyring(MemoryKeyring):
    """Accepts every write and keeps none."""

    def set_password(self, service: str, username: str, password: str) -> None:
        pass


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("collection is locked")


class HangingKeyring(MemoryKeyring):
    """Like Secret Service on a locked collection without a prompt: never answers."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait()
        return None


class RecordingKeyring(MemoryKeyring):
    """A usable credential store that records every call made to it (``calls``)."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.calls.append(f"get {service} {username}")
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls.append(f"set {service} {username}")
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self.calls.append(f"delete {service} {username}")
        super().delete_password(service, username)
