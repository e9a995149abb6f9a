"""Helpdesk's policy-signing key from Group Policy (Windows): the value ``PolicySigningKey``
(REG_SZ) under ``HKLM\\SOFTWARE\\Policies\\Paivystys``, which the ADMX template
(installer/windows/admx) sets. It is an equal source beside ``policy-signing.pub``: either
one makes signatures required; where both are set they must be the same key
(:func:`app.services.policy.trust.signing_key`).

The value is the text of ``policy-signing.pub`` (PEM). Group Policy's text box holds one
line, so the line breaks may be there, or spaces, or nothing. Only administrators (and
Group Policy) can write under ``HKLM\\SOFTWARE\\Policies``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from app.services.policy.load import PolicyError

REGISTRY_KEY = r"SOFTWARE\Policies\Paivystys"
VALUE_NAME = "PolicySigningKey"
SOURCE = rf"HKLM\{REGISTRY_KEY}\{VALUE_NAME}"
BEGIN = "-----BEGIN PUBLIC KEY-----"
END = "-----END PUBLIC KEY-----"
MAX_CHARS = 10_000

# Reads the value: its text, or None when Group Policy has not set it.
Reader = Callable[[], str | None]


def pem_from_text(text: str) -> bytes:
    """The PEM of the value's text, whatever became of its line breaks on the way."""
    body = text.strip()
    if len(body) > MAX_CHARS or not body.isascii():
        raise PolicyError(SOURCE, "", "is not an Ed25519 public key (PEM)")
    if body.startswith(BEGIN) and body.endswith(END):
        body = body[len(BEGIN) : -len(END)]
    body = "".join(body.split())
    return f"{BEGIN}\n{body}\n{END}\n".encode("ascii")


if sys.platform == "win32":

    def read_registry() -> str | None:
        """The value's text from the 64-bit registry view; None when it is not set."""
        import winreg

        try:
            with winreg.OpenKey(
                winreg.HKEY_LOCAL_MACHINE,
                REGISTRY_KEY,
                0,
                winreg.KEY_READ | winreg.KEY_WOW64_64KEY,
            ) as key:
                value, kind = winreg.QueryValueEx(key, VALUE_NAME)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise PolicyError(SOURCE, "", f"cannot be read ({error.strerror})") from None
        if kind not in {winreg.REG_SZ, winreg.REG_EXPAND_SZ} or not isinstance(value, str):
            raise PolicyError(SOURCE, "", "is not text (REG_SZ): the key as in policy-signing.pub")
        return value

else:

    def read_registry() -> str | None:
        """No registry off Windows."""
        return None
