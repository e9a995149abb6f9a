"""The outbox key: 32 random bytes kept in the operating system's keyring.

The key is stored hex-encoded under service ``paivystys``, user
``outbox-key@<machine>`` (``outbox-key-training@<machine>`` for training): the
computer's name is in the credential's name, because a credential store may roam with
the worker's profile (Windows Credential Manager persists "enterprise" credentials that
follow the user to every PC) while the outbox stays on this PC. Two PCs' keys can then
never overwrite each other. On Windows the key is also written with local-machine
persistence, so it does not roam at all. A key kept under the name used before
(``outbox-key``, no machine) is still read, and copied under this machine's name.

Production never keeps the key in a file or in plaintext: without a usable keyring
the outbox cannot be opened and the app must say so. Only training may fall back to
a key file, because training data is synthetic.

Every keyring call runs in a daemon thread with a timeout: the Secret Service
can block forever on a locked collection when no unlock prompt can appear.

This module also holds :class:`OutboxError`, the base of every outbox failure,
because it is the lowest of the outbox modules; :mod:`app.services.outbox.store`
re-exports it.
"""

from __future__ import annotations

import re
import secrets
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol, TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from app.services.files import PRIVATE, atomic_write, private_directory

SERVICE = "paivystys"
PRODUCTION_USER = "outbox-key"
TRAINING_USER = "outbox-key-training"
# keyring's Windows backend: "local machine" persistence never roams with the profile.
WINDOWS_PERSISTENCE = "local machine"
KEY_BYTES = 32
DEFAULT_TIMEOUT = 10.0
# A backend below this priority is the "fail" or "null" backend, an empty
# chainer, or keyrings.alt's plaintext / getpass-prompting file keyrings:
# none of them is a credential store the outbox key may live in.
MIN_PRIORITY = 1.0

_HEX_KEY = re.compile(r"[0-9a-fA-F]{64}")
_NOT_IN_NAME = re.compile(r"[^a-z0-9_-]+")


def machine_name() -> str:
    """This computer's name as the outbox key's credential carries it (lower case, no
    domain, only letters, digits, ``-`` and ``_``)."""
    name = _NOT_IN_NAME.sub("-", socket.gethostname().split(".")[0].strip().lower())
    return name.strip("-")[:63] or "unknown"


_T = TypeVar("_T")


class OutboxError(Exception):
    """Base of every outbox failure.

    ``code`` is a language-neutral machine code the UI words for the worker;
    ``detail`` is English for helpdesk. Neither ever carries client data or
    key material.
    """

    code: ClassVar[str] = "outbox_error"

    def __init__(self, detail: str) -> None:
        super().__init__(f"{self.code}: {detail}")
        self.detail = detail


class OutboxIOError(OutboxError):
    """Disk full, I/O error, read-only or missing directory: nothing was written."""

    code = "io_error"


class NoKeyringBackend(OutboxError):
    code = "no_keyring"


class KeyMissing(OutboxError):
    """The database exists but its key is gone: a new key would orphan it."""

    code = "key_missing"


class CorruptKey(OutboxError):
    code = "corrupt_key"


class KeyringTimeout(OutboxError):
    code = "keyring_timeout"


class KeyringFailure(OutboxError):
    code = "keyring_error"


class KeyringStoreLocked(KeyringFailure):
    code = "keyring_locked"


class _Slot(Protocol):
    """Where the hex key lives: the keyring, or (training only) a file."""

    def read(self) -> str | None: ...

    def read_legacy(self) -> str | None: ...

    def write(self, value: str) -> None: ...


class KeyStore:
    """Finds, or on first use creates, the outbox key."""

    def __init__(
        self,
        training: bool,
        training_key_file: Path | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        machine: str | None = None,
    ) -> None:
        self.training = training
        self.training_key_file = training_key_file
        self.timeout = timeout
        self.machine = machine_name() if machine is None else machine

    @property
    def username(self) -> str:
        """The credential's name: this machine's (the module's docstring says why)."""
        return f"{self.legacy_username}@{self.machine}"

    @property
    def legacy_username(self) -> str:
        """The name the key had before it carried the machine's."""
        return TRAINING_USER if self.training else PRODUCTION_USER

    def get(self) -> bytes | None:
        """The stored key, or None when there is none yet."""
        slot = self._slot()
        raw = slot.read()
        if raw is None:
            raw = slot.read_legacy()
        return None if raw is None else _decode(raw)

    def get_or_create(self, db_exists: bool) -> bytes:
        """The key; a new one only when there is no database it could orphan.

        Two processes creating a key at once would overwrite each other's:
        callers serialise first use (:func:`app.services.outbox.store.open_outbox`
        does, with the outbox lock).
        """
        slot = self._slot()
        raw = slot.read()
        if raw is not None:
            return _decode(raw)
        legacy = slot.read_legacy()
        if legacy is not None:
            key = _decode(legacy)
            # Kept under this machine's name from now on; the old entry stays (nothing
            # that can open an outbox is ever deleted).
            self._keep(slot, key)
            return key
        if db_exists:
            raise KeyMissing("no outbox key in the credential store, but the outbox exists")
        key = secrets.token_bytes(KEY_BYTES)
        self._keep(slot, key)
        return key

    @staticmethod
    def _keep(slot: _Slot, key: bytes) -> None:
        slot.write(key.hex())
        # Some stores accept a write and keep nothing (or something else):
        # a database encrypted with a key that was never stored is lost data.
        if slot.read() != key.hex():
            raise KeyringFailure("the credential store did not keep the new outbox key")

    def backend_name(self) -> str:
        """Which keyring backend loaded, for a self-test (frozen builds lose them)."""
        backend = self._call(keyring.get_keyring)
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def _slot(self) -> _Slot:
        file = self.training_key_file if self.training else None
        # A training key already in a file stays authoritative: a keyring
        # installed later must not make the training outbox unreadable.
        if file is not None and file.exists():
            return _FileSlot(file)
        try:
            return _KeyringSlot(self, self._call(usable_backend))
        except NoKeyringBackend:
            if file is None:
                raise
            return _FileSlot(file)

    def _call(self, function: Callable[..., _T], *args: str) -> _T:
        return keyring_call(self.timeout, function, *args)


def keyring_call(timeout: float, function: Callable[..., _T], *args: str) -> _T:
    """Run one keyring call in a daemon thread, waiting at most ``timeout`` seconds;
    the backend's errors come back as :class:`OutboxError` types.

    A daemon thread rather than an executor: an executor's threads are
    joined at interpreter exit, so a hung Secret Service call would also
    hang quitting the app.
    """
    outcome: list[_T] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            outcome.append(function(*args))
        except BaseException as error:  # re-raised in the caller's thread
            failure.append(error)

    worker = threading.Thread(target=work, name="keyring-call", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise KeyringTimeout(f"the credential store did not answer in {timeout:g} s")
    if failure:
        raise _translate(failure[0]) from None
    return outcome[0]


@dataclass
class _KeyringSlot:
    store: KeyStore
    backend: KeyringBackend

    def read(self) -> str | None:
        return self.store._call(self.backend.get_password, SERVICE, self.store.username)

    def read_legacy(self) -> str | None:
        return self.store._call(self.backend.get_password, SERVICE, self.store.legacy_username)

    def write(self, value: str) -> None:
        if sys.platform == "win32" and hasattr(self.backend, "persist"):
            # keyring's WinVaultKeyring: set per instance, read when writing.
            setattr(self.backend, "persist", WINDOWS_PERSISTENCE)  # noqa: B010
        self.store._call(self.backend.set_password, SERVICE, self.store.username, value)


@dataclass
class _FileSlot:
    """Training only: the key in a 0600 file, written atomically."""

    path: Path

    def read(self) -> str | None:
        try:
            with self.path.open("rb") as stream:
                data = stream.read(200)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise OutboxIOError(f"training key file unreadable ({error.strerror})") from None
        try:
            return data.decode("ascii").strip()
        except UnicodeDecodeError:
            raise CorruptKey("the training key file is not a hex key") from None

    def read_legacy(self) -> str | None:
        return None  # the training key file was always this profile's own

    def write(self, value: str) -> None:
        directory = self.path.parent
        try:
            private_directory(directory)
            # 0600 before the first byte: the key is never readable by others, not
            # even for the moment before the rename.
            atomic_write(self.path, value.encode("ascii"), mode=PRIVATE)
        except OSError as error:
            raise OutboxIOError(f"training key file not written ({error.strerror})") from None


def usable_backend() -> KeyringBackend:
    """The keyring backend, if it is a real credential store; NoKeyringBackend if not."""
    backend = keyring.get_keyring()
    try:
        priority = float(backend.priority)
    except Exception:  # a backend that cannot rate itself is not usable
        priority = -1.0
    if priority < MIN_PRIORITY:
        name = type(backend).__name__
        raise NoKeyringBackend(f"no usable credential store (backend {name})")
    return backend


def _translate(error: BaseException) -> BaseException:
    """Map a backend's exception; never pass its text on (it is not ours to trust)."""
    name = type(error).__name__
    if isinstance(error, OutboxError):
        return error
    if isinstance(error, keyring.errors.NoKeyringError):
        return NoKeyringBackend("no usable credential store")
    if isinstance(error, keyring.errors.KeyringLocked):
        return KeyringStoreLocked("the credential store is locked")
    if isinstance(error, Exception):
        return KeyringFailure(f"credential store call failed ({name})")
    return error


def _decode(raw: object) -> bytes:
    if not isinstance(raw, str) or _HEX_KEY.fullmatch(raw) is None:
        raise CorruptKey("the stored outbox key is not 64 hex digits")
    return bytes.fromhex(raw)
