"""Durable saves, then SIGKILL: the outbox's write-ahead log left as a crash leaves it.

``python -m tests.wal_child COUNT``, in the parent's profile (started through
:mod:`tests.app_in_profile`, ``app_command(profile, COUNT, module="tests.wal_child")``), opens
the training outbox the way the app does (``OutboxSetup``; without a credential store
its key goes into the training profile), saves COUNT items with ``Outbox.put`` (each a
durable commit), prints ``saved <key>`` once each put has returned, and kills itself
with SIGKILL: nothing is checkpointed, the log keeps every frame. Run by
``tests/services/test_damaged_outbox.py``.
"""

from __future__ import annotations

import datetime as dt
import sys
import uuid

from app.domain.kinds import ItemKind
from app.services.outbox.profile import OutboxSetup
from app.services.outbox.store import OutgoingItem
from tests.portable import kill_self_hard

CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def synthetic_hetu(n: int) -> str:
    """A temporary identity code (individual number 9xx): never a real person."""
    digits = f"010190{900 + n:03d}"
    return f"010190-{900 + n:03d}{CHECK_CHARACTERS[int(digits) % 31]}"


def main(count: int) -> None:
    outbox = OutboxSetup.for_mode(training=True).open()
    for n in range(count):
        item = OutgoingItem(
            key=uuid.uuid4(),
            municipality="186",
            kind=ItemKind.ENTRY,
            client=synthetic_hetu(n),
            label=f"Đuolbmá Š. {n}",
            payload=b'{"narrative": "' + b"x" * 300 + b'"}',
        )
        outbox.put(item, dt.datetime.now(dt.UTC))
        sys.stdout.write(f"saved {item.key}\n")
        sys.stdout.flush()
    kill_self_hard()


if __name__ == "__main__":
    main(int(sys.argv[1]))
