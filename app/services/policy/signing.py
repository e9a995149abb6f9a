"""Helpdesk's signature on each policy file: Ed25519, detached, bound to the file's name.

Helpdesk keeps the private key on its own signing machine (``paivystys policy
keygen``); the installer puts the public key on each workstation beside the
policy (:mod:`app.services.policy.trust`). Each file ``NAME.toml`` gets a
signature file ``NAME.toml.sig`` beside it: one line, the Base64 of the 64-byte
Ed25519 signature over :func:`signed_message` — a context string, the file's
name and its exact bytes. The name is signed too, so a signed file counts only
under the name it was signed as (a signed ``50-override.toml`` copied to
``90-x.toml`` is refused); sign a file under its final name.

The bytes are signed exactly as they lie, a byte order mark (PowerShell 5.1's
``-Encoding UTF8``, Notepad) and CRLF line ends included: the policy is read past
both, but a file saved again without them, or with them, is another file; sign
after the last save.
"""

from __future__ import annotations

import base64
import binascii
import errno
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.services.files import PRIVATE, atomic_write
from app.services.policy import location
from app.services.policy.load import PolicyError

CONTEXT = b"paivystys policy signature v1\x00"
SIGNATURE_SUFFIX = ".sig"
PRIVATE_KEY_NAME = "policy-signing.key"
PUBLIC_KEY_NAME = location.PUBLIC_KEY_NAME
PUBLIC = 0o644
MAX_KEY_BYTES = 10_000
BOM = b"\xef\xbb\xbf"  # UTF-8's byte order mark


def signed_message(name: str, data: bytes) -> bytes:
    """What is signed: the context, the file's name (no directory) and its bytes."""
    return CONTEXT + name.encode("utf-8") + b"\x00" + data


def signature_path(path: Path) -> Path:
    return path.with_name(path.name + SIGNATURE_SUFFIX)


def generate_keys(directory: Path) -> tuple[Path, Path]:
    """A new key pair in ``directory``: the private key (mode 0600) and the public key.
    Refuses to replace keys already there."""
    private_path, public_path = directory / PRIVATE_KEY_NAME, directory / PUBLIC_KEY_NAME
    for path in (private_path, public_path):
        if path.exists():
            raise FileExistsError(errno.EEXIST, "a key is never overwritten", str(path))
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    atomic_write(private_path, private, mode=PRIVATE)
    atomic_write(public_path, public, mode=PUBLIC)
    return private_path, public_path


def _read_key_file(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_KEY_BYTES + 1)
    except OSError as error:
        raise PolicyError(str(path), "", f"the key cannot be read ({error.strerror})") from None
    if len(data) > MAX_KEY_BYTES:
        raise PolicyError(str(path), "", "is not a key (too large)")
    return data


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(_read_key_file(path), password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise PolicyError(str(path), "", "is not an Ed25519 private key (PEM, unencrypted)")
    return key


def public_key_from(data: bytes, source: str) -> Ed25519PublicKey:
    """The public key in ``data`` (PEM), read from ``source``."""
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PublicKey):
        raise PolicyError(source, "", "is not an Ed25519 public key (PEM)")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    return public_key_from(_read_key_file(path), str(path))


def sign(key: Ed25519PrivateKey, name: str, data: bytes) -> bytes:
    """The content of ``name``'s signature file."""
    return base64.b64encode(key.sign(signed_message(name, data))) + b"\n"


def verify(key: Ed25519PublicKey, path: Path, data: bytes, signature: bytes | None) -> None:
    """Raise a PolicyError naming ``path`` unless ``signature`` (the content of its
    signature file; None when there is none) is helpdesk's over ``data``."""
    sig_name = signature_path(path).name
    if signature is None:
        raise PolicyError(
            str(path),
            "",
            f"is not signed (no {sig_name} beside it): a signing key is installed, so every "
            "policy file needs helpdesk's signature (paivystys policy sign)",
        )
    try:
        # A signature file copied through PowerShell 5.1 (Set-Content -Encoding UTF8) gains
        # a byte order mark and CRLF: neither is part of the Base64, nor of what is signed.
        raw = base64.b64decode(signature.removeprefix(BOM).strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 64:
        raise PolicyError(str(path), "", f"{sig_name} is not an Ed25519 signature")
    try:
        key.verify(raw, signed_message(path.name, data))
    except InvalidSignature:
        raise PolicyError(
            str(path),
            "",
            f"the signature ({sig_name}) does not match: the file was changed after helpdesk "
            "signed it, was signed under another name, or with another key",
        ) from None


def sign_file(key_path: Path, path: Path, data: bytes) -> Path:
    """Write ``path``'s signature file (readable by all, like the policy) and return it."""
    target = signature_path(path)
    atomic_write(target, sign(load_private_key(key_path), path.name, data), mode=PUBLIC)
    return target
