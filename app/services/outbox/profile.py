"""Where a session keeps its outbox, and how it is opened (production or training).

Training uses an outbox of its own under the training profile, never the
production one. Its data is synthetic, so on a machine without a credential
store its key may live in the training profile; production's never does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.services import paths
from app.services.outbox.keys import KeyStore
from app.services.outbox.store import Outbox, open_outbox

TRAINING_KEY_FILE = "outbox-training.key"


@dataclass(frozen=True)
class OutboxSetup:
    profile_dir: Path
    keystore: KeyStore

    @classmethod
    def for_mode(cls, training: bool) -> OutboxSetup:
        directory = paths.user_data_dir(training)
        key_file = directory / TRAINING_KEY_FILE if training else None
        return cls(directory, KeyStore(training=training, training_key_file=key_file))

    def open(self) -> Outbox:
        """Open (or on first use create) the outbox. Fails closed with an OutboxError."""
        return open_outbox(self.profile_dir, self.keystore)
