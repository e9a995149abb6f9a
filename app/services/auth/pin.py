"""The local unlock: a PIN set at sign-in, kept only as a slow hash.

After the idle lock the worker unlocks by signing in again, or offline with the PIN
set at the last sign-in, for the policy's ``session.max_offline_hours`` after it. The
file (:meth:`PinStore.for_mode`: ``unlock-pin.json`` in the user's config directory,
training apart from production, 0600) holds the worker it belongs to, the Scrypt hash
with its salt and parameters, the time of the last online sign-in and the count of
wrong tries; never a client's data, never the PIN. After :data:`MAX_WRONG_TRIES`
wrong tries in a row the PIN no longer unlocks until the worker signs in online
again. Every call may block on the disk, and hashing takes a noticeable fraction of
a second (it is meant to): the UI calls it off the GUI thread.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import enum
import itertools
import json
import logging
import secrets
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.services import paths
from app.services.files import atomic_write, private_directory

log = logging.getLogger(__name__)

MIN_LENGTH = 6
MAX_LENGTH = 64
MAX_WRONG_TRIES = 5
FILE_NAME = "unlock-pin.json"
_MAX_FILE_BYTES = 4096
# A sign-in time a little ahead of the workstation's clock (the provider's clock) is
# still the last sign-in; one far ahead means the clock was turned back.
CLOCK_SKEW = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class ScryptCost:
    """Scrypt's parameters, stored with each hash so that they can be raised later."""

    n: int = 2**15
    r: int = 8
    p: int = 1
    length: int = 32


DEFAULT_COST = ScryptCost()


class WeakReason(enum.Enum):
    """Why a PIN is refused (the UI words it)."""

    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    SAME_CHARACTER = "same_character"
    SEQUENCE = "sequence"
    WHITESPACE = "whitespace"


class WeakPin(ValueError):
    def __init__(self, reason: WeakReason) -> None:
        super().__init__(reason.value)
        self.reason = reason


class PinState(enum.Enum):
    """Whether the PIN can unlock now."""

    USABLE = "usable"
    NOT_SET = "not_set"  # none, or another worker's, or the file is damaged
    EXPIRED = "expired"  # the last online sign-in is older than max_offline_hours
    DISABLED = "disabled"  # too many wrong tries: sign in online


class Unlock(enum.Enum):
    """The outcome of one unlock try."""

    UNLOCKED = "unlocked"
    WRONG = "wrong"  # not the PIN; tries remain
    NOT_SET = "not_set"
    EXPIRED = "expired"
    DISABLED = "disabled"  # too many wrong tries, this one included


@dataclass(frozen=True)
class UnlockResult:
    outcome: Unlock
    tries_left: int = 0


def _is_sequence(text: str) -> bool:
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(text)}
    return steps in ({1}, {-1})


def pin_problem(pin: str) -> WeakReason | None:
    """Why ``pin`` may not be set, or None when it may: at least :data:`MIN_LENGTH`
    characters, not one character repeated, not a run up or down (123456, fedcba)."""
    if pin != pin.strip() or any(char.isspace() for char in pin):
        return WeakReason.WHITESPACE
    if len(pin) < MIN_LENGTH:
        return WeakReason.TOO_SHORT
    if len(pin) > MAX_LENGTH:
        return WeakReason.TOO_LONG
    if len(set(pin)) == 1:
        return WeakReason.SAME_CHARACTER
    if _is_sequence(pin):
        return WeakReason.SEQUENCE
    return None


@dataclass(frozen=True)
class _Record:
    worker: str
    cost: ScryptCost
    salt: bytes
    digest: bytes
    online_at: dt.datetime
    wrong_tries: int = 0

    def to_json(self) -> bytes:
        document = {
            "version": 1,
            "worker": self.worker,
            "kdf": "scrypt",
            "n": self.cost.n,
            "r": self.cost.r,
            "p": self.cost.p,
            "length": self.cost.length,
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "hash": base64.b64encode(self.digest).decode("ascii"),
            "online_at": self.online_at.isoformat(),
            "wrong_tries": self.wrong_tries,
        }
        return json.dumps(document, indent=2).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> _Record:
        """ValueError (or a subclass) when the file is not one this module wrote."""
        document: Any = json.loads(data.decode("utf-8"))
        if not isinstance(document, dict) or document.get("version") != 1:
            raise ValueError("not version 1")
        if document.get("kdf") != "scrypt":
            raise ValueError("unknown kdf")
        cost = ScryptCost(
            _int(document, "n"), _int(document, "r"), _int(document, "p"), _int(document, "length")
        )
        online_at = dt.datetime.fromisoformat(_text(document, "online_at"))
        if online_at.tzinfo is None:
            raise ValueError("naive time")
        return cls(
            worker=_text(document, "worker"),
            cost=cost,
            salt=base64.b64decode(_text(document, "salt"), validate=True),
            digest=base64.b64decode(_text(document, "hash"), validate=True),
            online_at=online_at,
            wrong_tries=_int(document, "wrong_tries"),
        )


def _int(document: dict[str, Any], key: str) -> int:
    value = document.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**31:
        raise ValueError(f"{key} is not a small integer")
    return value


def _text(document: dict[str, Any], key: str) -> str:
    value = document.get(key)
    if not isinstance(value, str):
        raise ValueError(f"{key} is not text")
    return value


def _scrypt(salt: bytes, cost: ScryptCost) -> Scrypt:
    return Scrypt(salt=salt, length=cost.length, n=cost.n, r=cost.r, p=cost.p)


class PinStore:
    """The worker's unlock PIN in one small file; ``cost`` is for new hashes (tests
    lower it; a stored hash is checked with its own parameters)."""

    def __init__(self, path: Path, cost: ScryptCost = DEFAULT_COST) -> None:
        self.path = path
        self._cost = cost

    @classmethod
    def for_mode(cls, training: bool) -> PinStore:
        """The store of the user's config directory (training apart from production)."""
        return cls(paths.user_config_dir(training) / FILE_NAME)

    # -- setting ----------------------------------------------------------------------

    def set_pin(self, pin: str, worker: str, signed_in_at: dt.datetime) -> None:
        """After an online sign-in of ``worker`` at ``signed_in_at`` (aware): keep
        ``pin``'s hash. Raises :class:`WeakPin` (nothing written) or OSError."""
        reason = pin_problem(pin)
        if reason is not None:
            raise WeakPin(reason)
        _require_aware(signed_in_at)
        salt = secrets.token_bytes(16)
        digest = _scrypt(salt, self._cost).derive(pin.encode("utf-8"))
        self._write(_Record(worker, self._cost, salt, digest, signed_in_at))

    def signed_in_online(self, worker: str, signed_in_at: dt.datetime) -> None:
        """``worker`` signed in online again: the PIN is valid from now on for another
        ``max_offline_hours`` and the wrong tries are forgiven. Another worker's PIN
        is removed (a PIN unlocks only for the worker who set it)."""
        _require_aware(signed_in_at)
        record = self._read()
        if record is None:
            return
        if record.worker != worker:
            self.clear()
            return
        self._write(replace(record, online_at=signed_in_at, wrong_tries=0))

    def clear(self) -> None:
        """Forget the PIN (sign-out, or another worker signed in)."""
        self.path.unlink(missing_ok=True)

    # -- unlocking --------------------------------------------------------------------

    def state(self, worker: str, now: dt.datetime, max_offline_hours: float) -> PinState:
        """Whether ``worker``'s PIN could unlock at ``now`` (the hash is not checked)."""
        record = self._read()
        if record is None or record.worker != worker:
            return PinState.NOT_SET
        return _state(record, now, max_offline_hours)

    def unlock(
        self, pin: str, worker: str, now: dt.datetime, max_offline_hours: float
    ) -> UnlockResult:
        """One try: unlocked only when ``pin`` matches ``worker``'s hash and the last
        online sign-in is at most ``max_offline_hours`` before ``now``. A wrong PIN is
        counted in the file before the answer; the last allowed one disables the PIN."""
        _require_aware(now)
        record = self._read()
        if record is None or record.worker != worker:
            return UnlockResult(Unlock.NOT_SET)
        state = _state(record, now, max_offline_hours)
        if state is PinState.DISABLED:
            return UnlockResult(Unlock.DISABLED)
        if state is PinState.EXPIRED:
            return UnlockResult(Unlock.EXPIRED)
        try:
            _scrypt(record.salt, record.cost).verify(pin.encode("utf-8"), record.digest)
        except InvalidKey:
            wrong = record.wrong_tries + 1
            self._write(replace(record, wrong_tries=wrong))
            if wrong >= MAX_WRONG_TRIES:
                return UnlockResult(Unlock.DISABLED)
            return UnlockResult(Unlock.WRONG, MAX_WRONG_TRIES - wrong)
        if record.wrong_tries:
            self._write(replace(record, wrong_tries=0))
        return UnlockResult(Unlock.UNLOCKED, MAX_WRONG_TRIES)

    # -- the file ---------------------------------------------------------------------

    def _read(self) -> _Record | None:
        try:
            with self.path.open("rb") as stream:
                data = stream.read(_MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return None
        except OSError as error:
            log.warning("unlock PIN file unreadable (%s): no PIN", error.strerror)
            return None
        try:
            if len(data) > _MAX_FILE_BYTES:
                raise ValueError("too large")
            return _Record.from_json(data)
        except (ValueError, binascii.Error, RecursionError) as error:
            log.warning("unlock PIN file invalid (%s): no PIN", type(error).__name__)
            return None

    def _write(self, record: _Record) -> None:
        private_directory(self.path.parent)
        atomic_write(self.path, record.to_json())


def _state(record: _Record, now: dt.datetime, max_offline_hours: float) -> PinState:
    if record.wrong_tries >= MAX_WRONG_TRIES:
        return PinState.DISABLED
    age = now - record.online_at
    if age < -CLOCK_SKEW or age > dt.timedelta(hours=max_offline_hours):
        return PinState.EXPIRED
    return PinState.USABLE


def _require_aware(moment: dt.datetime) -> None:
    if moment.tzinfo is None:
        raise ValueError("an aware time is needed")
