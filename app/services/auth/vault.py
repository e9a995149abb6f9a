"""Refresh tokens at rest: encrypted, under a key per worker and organisation in the keyring.

A refresh token lets the app get new access tokens without the browser (after
a restart, or when an access token expired while the system was offline). It is
stored only encrypted (AES-GCM, the organisation and worker as associated data)
in a 0600 file; the 32-byte key is in the operating system's keyring under
service ``paivystys-sign-in``, user ``ORGANISATION WORKER``. Without a usable
keyring nothing is stored: the worker signs in with the browser after each
start, never a plaintext token on the disk.

The file of the last worker per organisation (``workers.json``) names who signed
in there last, so a restart can pick the right token; it holds no client data.
Access tokens never come here: they live in memory only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.services.files import PRIVATE, atomic_write, private_directory
from app.services.outbox.keys import OutboxError, keyring_call, usable_backend

log = logging.getLogger(__name__)

SERVICE = "paivystys-sign-in"
TRAINING_SERVICE = "paivystys-sign-in-training"
MAX_FILE_BYTES = 16 * 1024
_NONCE_BYTES = 12


class TokenVault:
    """Where a worker's refresh token for one organisation is kept between sessions."""

    def __init__(self, directory: Path, *, training: bool, timeout: float = 5.0) -> None:
        self.directory = directory
        self.service = TRAINING_SERVICE if training else SERVICE
        self.timeout = timeout

    def store(self, organisation: str, worker: str, token: str) -> bool:
        """Keep ``token`` for the worker at the organisation; False when it cannot be
        kept (no usable keyring: the worker signs in again after a restart)."""
        try:
            key = self._key(organisation, worker, create=True)
        except OutboxError as error:
            log.warning("refresh token not kept: %s", type(error).__name__)
            return False
        assert key is not None  # created
        nonce = secrets.token_bytes(_NONCE_BYTES)
        sealed = nonce + AESGCM(key).encrypt(nonce, token.encode(), _aad(organisation, worker))
        try:
            private_directory(self.directory)
            atomic_write(self._path(organisation, worker), sealed, mode=PRIVATE)
        except OSError as error:
            log.warning("refresh token not kept: %s", error.strerror)
            return False
        return True

    def load(self, organisation: str, worker: str) -> str | None:
        """The kept token, or None (none kept, no keyring, or unreadable: sign in again)."""
        try:
            sealed = self._path(organisation, worker).read_bytes()[: MAX_FILE_BYTES + 1]
            key = self._key(organisation, worker, create=False)
        except FileNotFoundError:
            return None
        except (OSError, OutboxError) as error:
            log.warning("refresh token not read: %s", type(error).__name__)
            return None
        if key is None or len(sealed) > MAX_FILE_BYTES or len(sealed) <= _NONCE_BYTES:
            return None
        nonce, body = sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:]
        try:
            return AESGCM(key).decrypt(nonce, body, _aad(organisation, worker)).decode()
        except (InvalidTag, UnicodeDecodeError):
            log.warning("refresh token file does not open with its key; ignored")
            return None

    def forget(self, organisation: str, worker: str) -> None:
        """The grant is gone (refused or revoked): drop the file; the key may stay."""
        self._path(organisation, worker).unlink(missing_ok=True)

    def remember(self, organisation: str, worker: str, name: str, at: dt.datetime) -> None:
        """Who signed in to ``organisation`` last, and when (no secret, no client data):
        the author of items saved while the organisation cannot be reached."""
        workers = self._workers()
        workers[organisation] = {"id": worker, "name": name, "at": at.isoformat()}
        data = json.dumps(workers, ensure_ascii=False, sort_keys=True).encode()
        try:
            private_directory(self.directory)
            atomic_write(self.directory / "workers.json", data, mode=PRIVATE)
        except OSError as error:
            log.warning("last sign-in not kept: %s", error.strerror)

    def remembered(self, organisation: str) -> tuple[str, str, dt.datetime] | None:
        """(worker id, name, signed in at) of the last sign-in to ``organisation``."""
        entry = self._workers().get(organisation)
        if not isinstance(entry, dict):
            return None
        worker, name, at = entry.get("id"), entry.get("name"), entry.get("at")
        if not (isinstance(worker, str) and isinstance(name, str) and isinstance(at, str)):
            return None
        try:
            when = dt.datetime.fromisoformat(at)
        except ValueError:
            return None
        return (worker, name, when) if worker and when.tzinfo is not None else None

    # -- internals ---------------------------------------------------------------

    def _key(self, organisation: str, worker: str, *, create: bool) -> bytes | None:
        backend = keyring_call(self.timeout, usable_backend)
        user = f"{organisation} {worker}"
        raw = keyring_call(self.timeout, backend.get_password, self.service, user)
        if isinstance(raw, str) and len(raw) == 64:
            try:
                return bytes.fromhex(raw)
            except ValueError:
                pass
        if not create:
            return None
        key = secrets.token_bytes(32)
        keyring_call(self.timeout, backend.set_password, self.service, user, key.hex())
        return key

    def _path(self, organisation: str, worker: str) -> Path:
        digest = hashlib.sha256(_aad(organisation, worker)).hexdigest()[:32]
        return self.directory / f"{digest}.token"

    def _workers(self) -> dict[str, object]:
        try:
            data = (self.directory / "workers.json").read_bytes()[:MAX_FILE_BYTES]
            document = json.loads(data)
        except (OSError, ValueError):
            return {}
        return document if isinstance(document, dict) else {}


def _aad(organisation: str, worker: str) -> bytes:
    return json.dumps([organisation, worker], ensure_ascii=False).encode()
