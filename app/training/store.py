"""What a training system has received, with the idempotency rule of a real one.

A delivery with a key seen before and the same content is acknowledged again
without storing it twice; the same key with different content is a conflict.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import threading
from dataclasses import dataclass
from typing import Any


class IdempotencyConflict(Exception):
    """The key was used before for different content."""


@dataclass(frozen=True)
class Stored:
    record_id: str
    duplicate: bool


class RecordStore:
    """Thread-safe record of everything one training system has received."""

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self._lock = threading.Lock()
        self._records: list[dict[str, Any]] = []
        self._by_key: dict[str, tuple[str, str]] = {}
        self._ids = itertools.count(1)

    def store(
        self,
        *,
        idempotency_key: str,
        hetu: str,
        kind: str,
        text: str,
        content: bytes,
        **extra: Any,
    ) -> Stored:
        digest = hashlib.sha256(content).hexdigest()
        with self._lock:
            known = self._by_key.get(idempotency_key)
            if known is not None:
                record_id, known_digest = known
                if known_digest != digest:
                    raise IdempotencyConflict(idempotency_key)
                return Stored(record_id, duplicate=True)
            record_id = f"{self._prefix}-{next(self._ids):06d}"
            self._by_key[idempotency_key] = (record_id, digest)
            self._records.append(
                {
                    "record_id": record_id,
                    "idempotency_key": idempotency_key,
                    "hetu": hetu,
                    "kind": kind,
                    "text": text,
                    "received_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    **extra,
                }
            )
            return Stored(record_id, duplicate=False)

    def records(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(record) for record in self._records]
