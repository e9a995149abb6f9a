"""``paivystys policy check|keygen|sign|verify``: what each does, as text to print.

A problem with a policy or a key raises a PolicyError (exit 2); a key that would
be overwritten, or ``--key`` where it means nothing, a UsageError (exit 64). The text
is in the command line's language (:mod:`app.services.i18n`).
"""

from __future__ import annotations

from pathlib import Path

from app.services import paths
from app.services.i18n import translate
from app.services.policy import group_policy, signing
from app.services.policy.fragments import (
    LoadedPolicy,
    load_policy_dir,
    policy_from_files,
    read_policy_file,
)
from app.services.policy.load import PolicyError, read_policy_bytes
from app.services.policy.location import AdminLocation
from app.services.policy.trust import load_trusted_policy


class UsageError(Exception):
    """The command was not given what it needs."""


def check(policy: Path | None, key: Path | None, location: AdminLocation) -> str:
    """The machine policy, or ``policy`` (a file or a directory; with ``key``, its
    signatures and serials too), fully checked."""
    if policy is None:
        if key is not None:
            usage = translate(
                "PolicyCommands",
                "--key on valinnalla --policy annetulle käytännölle; asennettu käytäntö "
                "tarkistetaan asennettua avainta vasten ({key})",
            )
            raise UsageError(usage.format(key=location.public_key))
        loaded = load_trusted_policy(location, paths.user_state_dir())
        if not loaded.signed:
            if location.group_policy_key is None:
                unsigned = translate("PolicyCommands", "; ei allekirjoitettu: ei avainta: {key}")
            else:
                unsigned = translate(
                    "PolicyCommands",
                    "; ei allekirjoitettu: ei avainta: {key}, eikä ryhmäkäytännössä ({source})",
                )
            where = unsigned.format(key=location.public_key, source=group_policy.SOURCE)
            return _summary(loaded) + where
        return _summary(loaded)
    public = None if key is None else signing.load_public_key(key)
    if policy.is_dir():
        return _summary(load_policy_dir(policy, key=public))
    data = read_policy_bytes(policy)
    if public is not None:
        signing.verify(public, policy, data, _signature(policy))
    file = read_policy_file(policy, data, serial_required=public is not None)
    loaded = LoadedPolicy(policy_from_files([file], policy.parent), policy.parent, (file,), False)
    return _summary(loaded, signed=public is not None)


def _summary(loaded: LoadedPolicy, *, signed: bool | None = None) -> str:
    names = ", ".join(file.name for file in loaded.files)
    if loaded.signed if signed is None else signed:
        signature = translate("PolicyCommands", "allekirjoitettu")
    else:
        signature = translate("PolicyCommands", "allekirjoittamaton")
    summary = translate(
        "PolicyCommands",
        "käytäntö kunnossa: {count} kuntaa, sarjanumero {serial}, {signed}, lähde {directory} "
        "({names})",
    )
    return summary.format(
        count=len(loaded.policy.municipalities),
        serial=loaded.policy.serial,
        signed=signature,
        directory=loaded.directory,
        names=names,
    )


def _signature(path: Path) -> bytes | None:
    target = signing.signature_path(path)
    return read_policy_bytes(target) if target.exists() else None


def keygen(out: Path) -> str:
    try:
        private, public = signing.generate_keys(out)
    except FileExistsError as error:
        exists = translate("PolicyCommands", "{path} on jo olemassa: avainta ei koskaan korvata")
        raise UsageError(exists.format(path=error.filename)) from None
    except OSError as error:
        problem = translate("PolicyCommands", "avaimia ei voi kirjoittaa ({reason})")
        raise PolicyError(str(out), "", problem.format(reason=error.strerror)) from None
    keys = translate(
        "PolicyCommands",
        "yksityinen avain: {private} (oikeudet 0600; pidä se vain helpdeskin "
        "allekirjoituskoneella)\njulkinen avain:   {public} (asennusohjelma asentaa sen "
        "jokaiselle työasemalle nimellä policy-signing.pub hakemiston policy.d viereen)",
    )
    return keys.format(private=private, public=public)


def sign(file: Path, key: Path) -> str:
    """Sign ``file`` (TOML with a ``serial``) under its name: writes ``FILE.sig``."""
    data = read_policy_bytes(file)
    parsed = read_policy_file(file, data, serial_required=True)
    try:
        target = signing.sign_file(key, file, data)
    except OSError as error:
        problem = translate("PolicyCommands", "allekirjoitusta ei voi kirjoittaa ({reason})")
        raise PolicyError(str(file), "", problem.format(reason=error.strerror)) from None
    signed = translate("PolicyCommands", "allekirjoitettu: {target} ({name}, sarjanumero {serial})")
    return signed.format(target=target, name=file.name, serial=parsed.serial)


def verify(file: Path, key: Path) -> str:
    """Check ``FILE.sig`` against ``file`` and the public ``key``."""
    public = signing.load_public_key(key)
    data = read_policy_bytes(file)
    signing.verify(public, file, data, _signature(file))
    parsed = read_policy_file(file, data, serial_required=True)
    verified = translate("PolicyCommands", "allekirjoitus kunnossa: {file} (sarjanumero {serial})")
    return verified.format(file=file, serial=parsed.serial)
