"""What a training system has received, with the idempotency rule of a real one.

A delivery with a key seen before and the same content is acknowledged again
without storing it twice; the same key with different content is a conflict.

Clients the duty opened (:meth:`RecordStore.open_client`) are records too, of kind
``"client"``: their ``record_id`` is their id in the system, and ``/inspect`` shows
them beside the entries. Opening is get-or-create: the same key again, or an
identity code already opened, gives the client already there.

Access events (who used which client's data) go to an access log of their own
(:meth:`RecordStore.record_access`), shown at ``/inspect/<code>`` beside the records.
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
        # The access log: kept apart from the records, as a real system's log is.
        self._access: list[dict[str, Any]] = []
        self._by_key: dict[str, tuple[str, str]] = {}
        self._ids = itertools.count(1)

    def store(
        self,
        *,
        idempotency_key: str,
        hetu: str | None,
        kind: str,
        text: str,
        content: bytes,
        **extra: Any,
    ) -> Stored:
        fields = {"hetu": hetu, "kind": kind, "text": text}
        return self._keep(self._records, "", idempotency_key, content, {**fields, **extra})

    def _keep(
        self,
        into: list[dict[str, Any]],
        kind: str,
        idempotency_key: str,
        content: bytes,
        fields: dict[str, Any],
    ) -> Stored:
        """Keep a delivery once: the same key again with the same content is a duplicate,
        with other content a conflict."""
        digest = hashlib.sha256(content).hexdigest()
        with self._lock:
            known = self._by_key.get(idempotency_key)
            if known is not None:
                record_id, known_digest = known
                if known_digest != digest:
                    raise IdempotencyConflict(idempotency_key)
                return Stored(record_id, duplicate=True)
            record_id = f"{self._prefix}-{kind}{next(self._ids):06d}"
            self._by_key[idempotency_key] = (record_id, digest)
            into.append(
                {
                    "record_id": record_id,
                    "idempotency_key": idempotency_key,
                    **fields,
                    "received_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                }
            )
            return Stored(record_id, duplicate=False)

    def open_client(
        self, *, idempotency_key: str, hetu: str | None, text: str, **details: Any
    ) -> Stored:
        """Open a client once: ``duplicate`` when the key or the identity code is known.

        Unlike other deliveries, the same key with other details is no conflict: the
        key names the client to open (an entry corrected after its client was opened
        opens it again under the same key), and the first details stay.
        """
        with self._lock:
            known = self._by_key.get(idempotency_key)
            if known is not None:
                record_id = known[0]
                if self._client(record_id) is None:
                    raise IdempotencyConflict(idempotency_key)  # the key of something else
                return Stored(record_id, duplicate=True)
            if hetu is not None:
                existing = self._client_by_hetu(hetu)
                if existing is not None:
                    return Stored(existing["record_id"], duplicate=True)
            record_id = f"{self._prefix}-{next(self._ids):06d}"
            self._by_key[idempotency_key] = (record_id, "")
            self._records.append(
                {
                    "record_id": record_id,
                    "idempotency_key": idempotency_key,
                    "hetu": hetu,
                    "kind": "client",
                    "text": text,
                    "received_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "needs_identification": hetu is None,
                    **details,
                }
            )
            return Stored(record_id, duplicate=False)

    def client(self, record_id: str) -> dict[str, Any] | None:
        """A client the duty opened, by its id in the system."""
        with self._lock:
            found = self._client(record_id)
            return None if found is None else dict(found)

    def client_by_hetu(self, hetu: str) -> dict[str, Any] | None:
        """A client the duty opened, by exact identity code."""
        with self._lock:
            found = self._client_by_hetu(hetu)
            return None if found is None else dict(found)

    def _client(self, record_id: str) -> dict[str, Any] | None:
        for record in self._records:
            if record["kind"] == "client" and record["record_id"] == record_id:
                return record
        return None

    def _client_by_hetu(self, hetu: str) -> dict[str, Any] | None:
        for record in self._records:
            if record["kind"] == "client" and record["hetu"] == hetu:
                return record
        return None

    def records(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(record) for record in self._records]

    def record_access(self, *, idempotency_key: str, content: bytes, **event: Any) -> Stored:
        """Log an access event once: the same key again with the same content is a
        duplicate, with other content a conflict (as for any delivery)."""
        return self._keep(self._access, "loki-", idempotency_key, content, event)

    def access_log(self) -> list[dict[str, Any]]:
        """The access events received, in the order received."""
        with self._lock:
            return [dict(event) for event in self._access]
