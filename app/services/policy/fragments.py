"""A policy in several files: every ``*.toml`` of a directory, merged in name order.

Helpdesk may split the policy (``10-region.toml``, ``50-printing.toml``...). The
files are read in the order of their names (Python's string order: use
two-digit prefixes) and merged: a later file's value replaces an earlier one key
by key, and tables merge into tables recursively, so ``[printing]
allow_pdf_save = true`` in a later file leaves the earlier ``default_printer``
as it was. An array is a value like any other, arrays of tables too: a later
``[[municipalities]]`` replaces the whole earlier list, never appends to it
(what the switcher lists is then always in one file). Names starting with a
dot and files not ending in ``.toml`` are not read.

Each file is its own TOML document with its own ``serial``; the merged policy's
``serial`` is the highest of them. A problem in the merged policy is reported
against the file that last set the field concerned.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.policy import Policy
from app.services.policy.load import PolicyError, parse_toml, policy_from_data, read_policy_bytes

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

SUFFIX = ".toml"
SERIAL = "serial"

# Reads a policy file's bytes (bounded; a PolicyError naming the file when it cannot).
Reader = Callable[[Path], bytes]


@dataclass(frozen=True)
class PolicyFile:
    """One file of a policy directory, as read."""

    path: Path
    data: bytes
    table: dict[str, Any]
    serial: int | None

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class LoadedPolicy:
    """The merged policy of a directory, with the files it came from."""

    policy: Policy
    directory: Path
    files: tuple[PolicyFile, ...]
    signed: bool


def policy_file_names(directory: Path) -> list[str]:
    """The names of the directory's policy files, in merge order."""
    try:
        names = [entry.name for entry in directory.iterdir()]
    except FileNotFoundError:
        raise PolicyError(str(directory), "", "the directory does not exist") from None
    except NotADirectoryError:
        raise PolicyError(str(directory), "", "is not a directory") from None
    except OSError as error:
        raise PolicyError(str(directory), "", f"cannot be read ({error.strerror})") from None
    return sorted(name for name in names if name.endswith(SUFFIX) and not name.startswith("."))


def _serial(table: dict[str, Any], path: Path, required: bool) -> int | None:
    if SERIAL not in table:
        if required:
            raise PolicyError(
                str(path),
                SERIAL,
                "is required in a signed policy: an integer that helpdesk raises with every "
                "change of the file",
            )
        return None
    value = table[SERIAL]
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PolicyError(str(path), SERIAL, f"must be an integer of at least 0, not {value!r}")
    return value


def read_policy_file(path: Path, data: bytes, *, serial_required: bool) -> PolicyFile:
    table = parse_toml(data, str(path))
    serial = _serial(table, path, serial_required)
    table.pop(SERIAL, None)
    return PolicyFile(path, data, table, serial)


Origin = dict[tuple[str, ...], Path]


def merge(files: Sequence[PolicyFile]) -> tuple[dict[str, Any], Origin]:
    """The files' tables merged in order, and which file last set each key (tables too)."""
    merged: dict[str, Any] = {}
    origin: Origin = {}
    for file in files:
        _merge_into(merged, file.table, (), file.path, origin)
    serials = [file.serial for file in files if file.serial is not None]
    if serials:
        merged[SERIAL] = max(serials)
    return merged, origin


def _merge_into(
    target: dict[str, Any],
    source: Mapping[str, Any],
    prefix: tuple[str, ...],
    path: Path,
    origin: Origin,
) -> None:
    for key, value in source.items():
        here = (*prefix, key)
        if isinstance(value, dict):
            if not isinstance(target.get(key), dict):
                _forget(origin, here)
                target[key] = {}
            origin[here] = path
            _merge_into(target[key], value, here, path, origin)
        else:
            _forget(origin, here)
            target[key] = value
            origin[here] = path


def _forget(origin: Origin, prefix: tuple[str, ...]) -> None:
    for key in [key for key in origin if key[: len(prefix)] == prefix]:
        del origin[key]


_STEP = re.compile(r"\[\d+\]|\.")


def culprit(field: str, origin: Origin) -> Path | None:
    """The file that last set ``field`` (``municipalities[2].system.type``) or the
    nearest table around it."""
    steps = tuple(step for step in _STEP.split(field) if step)
    for length in range(len(steps), 0, -1):
        if steps[:length] in origin:
            return origin[steps[:length]]
    return None


def policy_from_files(files: Sequence[PolicyFile], directory: Path) -> Policy:
    """Validate the merged files; a problem names the file that set the field."""
    merged, origin = merge(files)
    try:
        return policy_from_data(merged, str(directory))
    except PolicyError as error:
        path = files[0].path if len(files) == 1 else culprit(error.field, origin)
        if path is None:
            names = ", ".join(file.name for file in files)
            source = f"{directory} (merged from {names})"
        else:
            source = str(path)
        raise PolicyError(source, error.field, error.problem) from None


def load_policy_dir(
    directory: Path,
    *,
    read: Reader = read_policy_bytes,
    read_signature: Callable[[Path], bytes | None] | None = None,
    key: Ed25519PublicKey | None = None,
) -> LoadedPolicy:
    """Read, check the signatures of (when ``key`` is given) and merge a policy directory.

    ``read`` reads a policy file and ``read_signature`` its signature file (None when
    there is none); the trusted location passes readers that check who owns them.
    """
    from app.services.policy import signing

    names = policy_file_names(directory)
    if not names:
        raise PolicyError(str(directory), "", f"holds no policy file (*{SUFFIX})")
    files = []
    for name in names:
        path = directory / name
        data = read(path)
        if key is not None:
            reader = read_signature or _plain_signature
            signing.verify(key, path, data, reader(signing.signature_path(path)))
        files.append(read_policy_file(path, data, serial_required=key is not None))
    policy = policy_from_files(files, directory)
    return LoadedPolicy(policy, directory, tuple(files), signed=key is not None)


def _plain_signature(path: Path) -> bytes | None:
    if not path.exists():
        return None
    return read_policy_bytes(path)
