"""The workstation's policy comes only from the administrators: where it lies, who
owns it, helpdesk's signatures and the serials already accepted.

The machine policy is the directory ``policy.d`` of the administrators' location
(:func:`~app.services.policy.location.platform_location`): ``/etc/paivystys`` on
Linux, ``C:\\ProgramData\\paivystys`` on Windows. No environment variable or
command-line option moves it: the policy decides where client data is sent, and a
policy the worker's own account could write would let anything running as that
account send it elsewhere.

On POSIX every directory of the location (``/etc/paivystys``, ``policy.d``, the
state directory) and every file read from it must be owned by root (or by
:attr:`AdminLocation.owner`) and writable by nobody else (no group or world write
bit); the directories above it likewise, except that a sticky directory such as
``/tmp`` may be world-writable, since only an entry's owner can rename it there.
Symbolic links are followed: what is checked is where the bytes really lie, and
each file is checked on the descriptor it is read from. On Windows the installer
sets the ACL of ``%ProgramData%\\paivystys`` (administrators and SYSTEM write,
users read); the app does not check ACLs itself.

Where the installer has put helpdesk's public key (``policy-signing.pub`` in the
location, same checks), or on Windows Group Policy has set it
(:mod:`app.services.policy.group_policy`; where both are there they must be the same
key), every policy file needs a valid signature
(:mod:`app.services.policy.signing`) and a ``serial``, and a file's serial may
never go below the highest one accepted under its name on this workstation,
nor repeat it with other content. The highest serials are recorded in the
machine's state directory (``/var/lib/paivystys``) when this process may write
there (an administrator's), otherwise in the worker's own state directory; the
floor is the higher of the two. See docs/policy.md for what that does and does
not stop.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from app.services.files import PRIVATE, atomic_write
from app.services.policy import group_policy, signing
from app.services.policy.fragments import LoadedPolicy, load_policy_dir
from app.services.policy.load import MAX_POLICY_BYTES, PolicyError, bounded
from app.services.policy.location import AdminLocation

log = logging.getLogger(__name__)

SERIALS_FILE = "policy-serials.json"
SERIALS_VERSION = 1
SHARED = 0o644


class _Guard:
    """Reads from the location only what root (or the trusted owner) alone can change."""

    def __init__(self, location: AdminLocation) -> None:
        self.location = location

    def check_stat(self, result: os.stat_result, path: Path, *, sticky_ok: bool = False) -> None:
        if not self.location.check_ownership:
            return
        if result.st_uid not in {0, self.location.owner}:
            raise PolicyError(
                str(path),
                "",
                f"is owned by user id {result.st_uid}, not by root: only the administrators "
                "may be able to change the machine policy",
            )
        others_write = result.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        sticky = stat.S_ISDIR(result.st_mode) and result.st_mode & stat.S_ISVTX
        if others_write and not (sticky_ok and sticky):
            raise PolicyError(
                str(path),
                "",
                f"is writable by others than its owner ({stat.filemode(result.st_mode)}): "
                "only the administrators may be able to change the machine policy",
            )

    def check_directory(self, directory: Path, top: Path) -> None:
        """``directory`` and every directory up to ``top`` are the administrators';
        those above ``top`` at least only root's or sticky (checked both as named and
        as resolved, so a symbolic link on the way is no way round)."""
        tops = {top.absolute(), top.resolve()}
        for start in (directory.absolute(), directory.resolve()):
            strict = True
            for current in (start, *start.parents):
                try:
                    result = os.stat(current)
                except FileNotFoundError:
                    raise PolicyError(str(current), "", "the directory does not exist") from None
                except OSError as error:
                    problem = f"cannot be read ({error.strerror})"
                    raise PolicyError(str(current), "", problem) from None
                if not stat.S_ISDIR(result.st_mode):
                    raise PolicyError(str(current), "", "is not a directory")
                self.check_stat(result, current, sticky_ok=not strict)
                if current in tops:
                    strict = False

    def read(self, path: Path) -> bytes:
        data = self.read_optional(path)
        if data is None:
            raise PolicyError(str(path), "", "the file does not exist")
        return data

    def read_optional(self, path: Path) -> bytes | None:
        """The file's bytes, checked on the descriptor they are read from; None when
        it does not exist. Never blocks on a FIFO."""
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            descriptor = os.open(path, flags)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise PolicyError(str(path), "", f"cannot be read ({error.strerror})") from None
        with os.fdopen(descriptor, "rb") as stream:
            result = os.fstat(descriptor)
            if not stat.S_ISREG(result.st_mode):
                raise PolicyError(str(path), "", "is not a regular file")
            self.check_stat(result, path)
            # A symbolic link: the directory the file really lies in is checked too.
            real_parent = path.resolve().parent
            if real_parent != path.parent.resolve():
                self.check_directory(real_parent, real_parent)
            try:
                data = stream.read(MAX_POLICY_BYTES + 1)
            except OSError as error:
                raise PolicyError(str(path), "", f"cannot be read ({error.strerror})") from None
        return bounded(data, str(path))


def load_trusted_policy(location: AdminLocation, user_state: Path) -> LoadedPolicy:
    """The machine policy: ``policy.d`` of ``location`` merged, every file the
    administrators', signed and not older than before when a signing key is installed.

    ``user_state`` is the worker's own state directory (the fallback record of
    accepted serials). Raises a PolicyError naming the file and the problem.
    """
    if not location.policy_dir.exists():
        raise PolicyError(
            str(location.policy_dir),
            "",
            "no machine policy is installed: helpdesk installs it here as *.toml files "
            "(docs/policy.md)",
        )
    guard = _Guard(location)
    guard.check_directory(location.root, location.root)
    guard.check_directory(location.policy_dir, location.root)
    key = signing_key(location, guard)
    loaded = load_policy_dir(
        location.policy_dir, read=guard.read, read_signature=guard.read_optional, key=key
    )
    if key is not None:
        _Serials(location, guard, user_state).check_and_record(loaded)
    return loaded


def signing_key(location: AdminLocation, guard: _Guard | None = None) -> Ed25519PublicKey | None:
    """Helpdesk's public key: ``policy-signing.pub`` in the location or the Group Policy
    value, equal sources; None when neither is there. Both there and different: refused,
    since which one helpdesk meant cannot be known."""
    guard = guard or _Guard(location)
    data = guard.read_optional(location.public_key)
    from_file = None if data is None else signing.public_key_from(data, str(location.public_key))
    text = None if location.group_policy_key is None else location.group_policy_key()
    from_registry = (
        None
        if text is None
        else signing.public_key_from(group_policy.pem_from_text(text), group_policy.SOURCE)
    )
    if (
        from_file is not None
        and from_registry is not None
        and _raw(from_file) != _raw(from_registry)
    ):
        raise PolicyError(
            str(location.public_key),
            "",
            f"is another key than Group Policy's {group_policy.SOURCE}: helpdesk "
            "installs one signing key, in either place or the same key in both",
        )
    return from_file or from_registry


def _raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


Entries = dict[str, tuple[int, str]]


@dataclass(frozen=True)
class _Record:
    path: Path
    entries: Entries


def _parse_record(data: bytes, path: Path) -> Entries:
    damaged = PolicyError(
        str(path),
        "",
        "the record of accepted policy serials is damaged; "
        "it is to be removed (the next start records again)",
    )
    try:
        document: Any = json.loads(data.decode("utf-8"))
    except ValueError:
        raise damaged from None
    if not isinstance(document, dict) or document.get("version") != SERIALS_VERSION:
        raise damaged
    files = document.get("files")
    if not isinstance(files, dict):
        raise damaged
    entries: Entries = {}
    for name, entry in files.items():
        serial = entry.get("serial") if isinstance(entry, dict) else None
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        if type(serial) is not int or not isinstance(digest, str):
            raise damaged
        entries[name] = (serial, digest)
    return entries


def _document(entries: Entries) -> bytes:
    files = {name: {"serial": entry[0], "sha256": entry[1]} for name, entry in entries.items()}
    document = {"version": SERIALS_VERSION, "files": dict(sorted(files.items()))}
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


class _Serials:
    """The floors of each file's serial: the machine's record and the worker's."""

    def __init__(self, location: AdminLocation, guard: _Guard, user_state: Path) -> None:
        self.location = location
        self.guard = guard
        self.user_path = user_state / SERIALS_FILE

    def _machine(self) -> _Record | None:
        state = self.location.state_dir
        if state is None or not state.exists():
            return None
        self.guard.check_directory(state, state)
        path = state / SERIALS_FILE
        data = self.guard.read_optional(path)
        return _Record(path, {} if data is None else _parse_record(data, path))

    def _user(self) -> _Record:
        try:
            data = self.user_path.read_bytes()
        except FileNotFoundError:
            return _Record(self.user_path, {})
        except OSError as error:
            raise PolicyError(
                str(self.user_path), "", f"cannot be read ({error.strerror})"
            ) from None
        return _Record(self.user_path, _parse_record(data, self.user_path))

    def check_and_record(self, loaded: LoadedPolicy) -> None:
        machine, user = self._machine(), self._user()
        records = [record for record in (machine, user) if record is not None]
        for file in loaded.files:
            serial = file.serial
            assert serial is not None  # required in a signed policy
            digest = hashlib.sha256(file.data).hexdigest()
            for record in records:
                if file.name not in record.entries:
                    continue
                accepted, accepted_digest = record.entries[file.name]
                if serial < accepted:
                    raise PolicyError(
                        str(file.path),
                        "serial",
                        f"{serial} is older than serial {accepted} already accepted on this "
                        f"workstation (recorded in {record.path}): an older policy is never "
                        "used again",
                    )
                if serial == accepted and digest != accepted_digest:
                    raise PolicyError(
                        str(file.path),
                        "serial",
                        f"{serial} was accepted before with other content (recorded in "
                        f"{record.path}): helpdesk raises the serial with every change",
                    )
        target = self._machine_target(machine)
        # Where the machine's record cannot be written after all (an ACL os.access does
        # not see, a read-only file system), the worker's own keeps the serials.
        if target is None or not self._record(loaded, target):
            self._record(loaded, user)

    def _machine_target(self, machine: _Record | None) -> _Record | None:
        """The machine's record when this process may write it (an administrator's)."""
        state = self.location.state_dir
        if state is None:
            return None
        if state.exists():
            writable = os.access(state, os.W_OK)
        else:
            writable = state.parent.is_dir() and os.access(state.parent, os.W_OK)
        if not writable:
            return None
        return machine or _Record(state / SERIALS_FILE, {})

    def _record(self, loaded: LoadedPolicy, record: _Record) -> bool:
        """Raise the record's serials to the loaded files'; False if it cannot be written."""
        entries = dict(record.entries)
        for file in loaded.files:
            assert file.serial is not None
            if file.name not in entries or file.serial > entries[file.name][0]:
                entries[file.name] = (file.serial, hashlib.sha256(file.data).hexdigest())
        if entries == record.entries:
            return True
        machine = record.path != self.user_path
        try:
            directory = record.path.parent
            if not directory.exists():
                directory.mkdir(parents=not machine, mode=0o755 if machine else 0o700)
                if machine:  # readable by every worker's process, whatever the umask
                    os.chmod(directory, 0o755)  # noqa: S103
            atomic_write(record.path, _document(entries), mode=SHARED if machine else PRIVATE)
        except OSError as error:
            log.warning("policy serials not recorded in %s (%s)", record.path, error.strerror)
            return False
        return True
