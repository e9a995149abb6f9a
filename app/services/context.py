"""What the entry point hands to the GUI: every service, wired in one place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.connectors.population import PopulationRegister
from app.domain.author import Author, SignInMethod
from app.domain.policy import Policy
from app.services.auth.lock import Reauthenticate
from app.services.auth.pin import PinStore
from app.services.auth.signins import SignIns
from app.services.outbox.profile import OutboxSetup
from app.services.settings import SettingsStore
from app.services.workstation import Workstation


@dataclass(frozen=True)
class TrainingInfo:
    """The training server the session uses (embedded or a classroom one)."""

    index_url: str
    inspect_url: str
    control_url: str | None = None

    @classmethod
    def from_description(cls, index_url: str, description: dict[str, Any]) -> TrainingInfo:
        control = description.get("control")
        return cls(
            index_url.rstrip("/"),
            str(description["inspect"]),
            control if isinstance(control, str) else None,
        )


@dataclass(frozen=True)
class AppContext:
    policy: Policy
    workstation: Workstation
    settings: SettingsStore
    worker_name: str
    outbox: OutboxSetup
    training: TrainingInfo | None = None
    # The population register with the worker's register credentials; None where the
    # policy has none or no credentials exist for it yet (the window then does not ask it).
    population: PopulationRegister | None = None
    # The author recorded with an item saved for municipality ``code`` now: the worker
    # as signed in to that municipality's organisation (app.domain.author).
    author_for: Callable[[str], Author] | None = None
    # The worker's sign-ins as the policy declares them; None where the training
    # password is used everywhere (tests of everything but signing in).
    sign_ins: SignIns | None = None
    # Unlocking the idle lock (app.ui.lock): the worker signs in again through this
    # (None: no "Kirjaudu" on the lock screen), or types the PIN kept here (None: no PIN).
    sign_in_again: Reauthenticate | None = None
    pins: PinStore | None = None

    def author(self, code: str) -> Author:
        """The author of an item saved now for municipality ``code``."""
        if self.author_for is not None:
            return self.author_for(code)
        # No sign-in wired (tests that build a context by hand): the worker by name.
        return Author(
            worker_id=self.worker_name,
            worker_name=self.worker_name,
            organisation=self.policy.municipality(code).registrar,
            method=SignInMethod.PASSWORD,
            signed_in_at=dt.datetime.now(dt.UTC),
        )
