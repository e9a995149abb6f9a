"""What the entry point hands to the GUI: every service, wired in one place."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.policy import Policy
from app.services.settings import SettingsStore
from app.services.workstation import Workstation


@dataclass(frozen=True)
class TrainingInfo:
    """The training server the session uses (embedded or a classroom one)."""

    index_url: str
    inspect_url: str


@dataclass(frozen=True)
class AppContext:
    policy: Policy
    workstation: Workstation
    settings: SettingsStore
    worker_name: str
    training: TrainingInfo | None = None
