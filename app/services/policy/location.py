"""Where the administrators' machine policy lies (:mod:`app.services.policy.trust` reads it).

Apart from the trust checks so that the entry point can name the location in its help
and decide on it without loading the signature code (cryptography) first.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

POLICY_DIR = "policy.d"
PUBLIC_KEY_NAME = "policy-signing.pub"


@dataclass(frozen=True)
class AdminLocation:
    """The administrators' location: the policy, the signing key, the machine's record
    of accepted serials (None: none). ``owner`` is the user id trusted beside root
    (tests pass their own); ``check_ownership`` is off where POSIX owners do not apply.
    ``group_policy_key`` reads the signing key Group Policy sets (Windows,
    :mod:`app.services.policy.group_policy`; None: no such source)."""

    root: Path
    state_dir: Path | None = None
    owner: int = 0
    check_ownership: bool = True
    group_policy_key: Callable[[], str | None] | None = None

    @property
    def policy_dir(self) -> Path:
        return self.root / POLICY_DIR

    @property
    def public_key(self) -> Path:
        return self.root / PUBLIC_KEY_NAME


def platform_location() -> AdminLocation:
    """This platform's administrators' location; no environment variable changes it."""
    if sys.platform == "win32":
        from app.services.policy import group_policy

        base = _program_data() / "paivystys"
        return AdminLocation(
            base,
            base / "state",
            check_ownership=False,
            group_policy_key=group_policy.read_registry,
        )
    else:  # not unreachable to mypy --platform win32, as code after the return would be
        return AdminLocation(Path("/etc/paivystys"), Path("/var/lib/paivystys"))


if sys.platform == "win32":

    def _program_data() -> Path:
        """``C:\\ProgramData`` on the drive Windows runs from, as the kernel says (not
        ``%ProgramData%``, which the user's environment could set)."""
        import ctypes

        buffer = ctypes.create_unicode_buffer(32768)
        length = ctypes.windll.kernel32.GetSystemWindowsDirectoryW(buffer, len(buffer))
        if not 0 < length < len(buffer):
            raise OSError("the Windows directory is unknown")
        return Path(Path(buffer.value).anchor) / "ProgramData"


def has_policy(location: AdminLocation) -> bool:
    """Whether the administrators have installed a policy here at all."""
    return location.policy_dir.exists()
