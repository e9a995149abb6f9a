"""The worker's own settings: language, last municipality, window geometry.

Never client data. Declared once (type, default, description) like the
policy; a broken settings file is not fatal: the worker gets the defaults and
the problem is logged, because settings are a convenience, not a safeguard.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from app.domain import schema
from app.domain.language import Language
from app.domain.schema import Check, SchemaError, setting
from app.services.files import atomic_write, private_directory

log = logging.getLogger(__name__)

MAX_SETTINGS_BYTES = 100_000


@dataclass(frozen=True)
class UserSettings:
    language: Language | None = setting(
        "User interface language the worker chose (Ohje → Kieli); none: the policy's "
        "default (duty_unit.language), else Finnish.",
        None,
    )
    policy_language: Language | None = setting(
        "The policy's default language (duty_unit.language) when the app last read the "
        "policy, kept so that the next start opens in it at once; never the worker's "
        "choice, so a later change of the policy still wins.",
        None,
    )
    last_municipality: (
        Annotated[str, Check(lambda code: code.isdigit() and len(code) == 3, "a 3-digit code")]
        | None
    ) = setting("Code of the municipality selected when the app was last closed.", None)
    window_geometry: str | None = setting("Main window geometry (Qt, base64).", None)


class SettingsStore:
    """Reads and atomically writes :class:`UserSettings` as JSON."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> UserSettings:
        try:
            with self.path.open("rb") as stream:
                data = stream.read(MAX_SETTINGS_BYTES + 1)
        except FileNotFoundError:
            return UserSettings()
        except OSError as error:
            log.warning("settings %s unreadable (%s): using defaults", self.path, error.strerror)
            return UserSettings()
        try:
            if len(data) > MAX_SETTINGS_BYTES:
                raise SchemaError("", "file too large")
            return schema.load(UserSettings, json.loads(data.decode("utf-8")))
        except (ValueError, SchemaError) as error:
            log.warning("settings %s invalid (%s): using defaults", self.path, error)
            return UserSettings()
        except RecursionError:  # json reads nested arrays recursively
            log.warning("settings %s invalid (nested too deeply): using defaults", self.path)
            return UserSettings()

    def save(self, settings: UserSettings) -> None:
        """Write the whole file or nothing (:func:`app.services.files.atomic_write`)."""
        private_directory(self.path.parent)
        payload = json.dumps(schema.dump(settings), indent=2).encode("utf-8")
        atomic_write(self.path, payload)
