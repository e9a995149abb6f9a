"""Reading the machine policy: what helpdesk decides for a duty workstation.

The policy is TOML owned by helpdesk: on a workstation the files of the
administrators' ``policy.d`` directory, merged (:mod:`app.services.policy.trust`
checks who owns them and their signatures); for training and for checking a
policy before it is installed, a file or a directory given with ``--policy``. It
names the municipalities the duty serves, the registrar each belongs to, the
client system and endpoint of each, the office-hours duty contact, the
municipality's help list, how to check and open the VPN, and when the regional
duty is on. Every field is declared once in :mod:`app.domain.policy`;
:func:`load_policy` validates a file against those declarations (and each system
type against the connector registry) and stops at the first problem with one
message naming the file, the field and what is wrong.
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.connectors.registry import is_known_system, known_systems
from app.domain import schema
from app.domain.policy import Policy, is_loopback_host
from app.domain.schema import SchemaError, shown

MAX_POLICY_BYTES = 1_000_000
KNOWN_SYSTEM = "a known client system type (" + ", ".join(known_systems()) + ")"


class PolicyError(Exception):
    """The policy cannot be used. Names the file, the field and the problem."""

    def __init__(self, source: str, field: str, problem: str) -> None:
        super().__init__(f"{source}: {field or '(whole file)'}: {problem}")
        self.source = source
        self.field = field
        self.problem = problem


def policy_from_data(raw: Any, source: str, *, classroom_host: str | None = None) -> Policy:
    """Validate already-parsed policy data (TOML or JSON) against the declarations.
    ``classroom_host``: the classroom server a served training policy came from, which
    its systems may be reached on over plain http:// too."""
    try:
        policy = schema.load(Policy, raw)
    except SchemaError as error:
        raise PolicyError(source, error.path, error.problem) from None
    _check_references(policy, source)
    _require_https(policy, source, classroom_host)
    return policy


def _check_references(policy: Policy, source: str) -> None:
    if not policy.municipalities:
        raise PolicyError(source, "municipalities", "at least one municipality is required")
    registrar_ids: set[str] = set()
    for index, registrar in enumerate(policy.registrars):
        if registrar.id in registrar_ids:
            raise PolicyError(
                source, f"registrars[{index}].id", f"duplicate id {shown(registrar.id)}"
            )
        registrar_ids.add(registrar.id)
    codes: set[str] = set()
    for index, municipality in enumerate(policy.municipalities):
        if not is_known_system(municipality.system.type):
            raise PolicyError(
                source,
                f"municipalities[{index}].system.type",
                f"must be {KNOWN_SYSTEM}, not {shown(municipality.system.type)}",
            )
        if municipality.code in codes:
            raise PolicyError(
                source,
                f"municipalities[{index}].code",
                f"duplicate code {shown(municipality.code)}",
            )
        codes.add(municipality.code)
        if municipality.registrar not in registrar_ids:
            raise PolicyError(
                source,
                f"municipalities[{index}].registrar",
                f"no registrar with id {shown(municipality.registrar)} in [[registrars]]",
            )


def _require_https(policy: Policy, source: str, classroom_host: str | None) -> None:
    """Client data goes over verified TLS only: plain http would carry identity codes and
    narratives readable (and changeable) on the way. A training policy (synthetic
    clients) may name http:// systems on this machine, or on the classroom server it
    was served by; nowhere else. (The transport refuses the same again.)"""
    endpoints = [
        (f"municipalities[{index}].system.endpoint", municipality.system.endpoint)
        for index, municipality in enumerate(policy.municipalities)
    ]
    if policy.population is not None:
        endpoints.append(("population.endpoint", policy.population.endpoint))
    # The identity provider too: tokens and codes would be readable on the way.
    issuers = [
        (f"municipalities[{index}].system.auth.issuer", municipality.system.auth)
        for index, municipality in enumerate(policy.municipalities)
    ]
    if policy.population is not None:
        issuers.append(("population.auth.issuer", policy.population.auth))
    endpoints += [(f, auth.issuer) for f, auth in issuers if auth and auth.issuer]
    for field, endpoint in endpoints:
        parts = urlsplit(endpoint)
        if parts.scheme == "https":
            continue
        if not policy.training:
            raise PolicyError(
                source,
                field,
                f"must be an https:// URL, not {shown(endpoint)}: client data goes over verified "
                "TLS only (http:// is for training policies)",
            )
        host = (parts.hostname or "").lower()
        if not (is_loopback_host(host) or host == (classroom_host or "").lower()):
            where = "this machine (127.0.0.1, ::1, localhost)"
            if classroom_host:
                where += f" or the classroom server {classroom_host!r}"
            raise PolicyError(
                source,
                field,
                f"must be an https:// URL, or http:// to {where} in a training policy, "
                f"not {endpoint!r}",
            )


def read_policy_bytes(path: Path) -> bytes:
    """A policy file's bytes, bounded; a PolicyError names what is wrong."""
    try:
        with path.open("rb") as stream:
            return bounded(stream.read(MAX_POLICY_BYTES + 1), str(path))
    except FileNotFoundError:
        raise PolicyError(str(path), "", "the file does not exist") from None
    except IsADirectoryError:
        raise PolicyError(str(path), "", "is a directory, not a file") from None
    except OSError as error:
        raise PolicyError(str(path), "", f"cannot be read ({error.strerror})") from None


def bounded(data: bytes, source: str) -> bytes:
    if len(data) > MAX_POLICY_BYTES:
        raise PolicyError(source, "", f"larger than {MAX_POLICY_BYTES} bytes")
    return data


def parse_toml(data: bytes, source: str) -> dict[str, Any]:
    """A policy file's bytes as TOML tables."""
    try:
        # "utf-8-sig": Notepad on Windows may begin the file with a byte order mark.
        raw = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise PolicyError(source, "", "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise PolicyError(source, "", f"not valid TOML ({error})") from None
    except RecursionError:
        # tomllib reads nested arrays and inline tables recursively.
        raise PolicyError(source, "", "not valid TOML (nested too deeply)") from None
    return raw


def load_policy(path: Path) -> Policy:
    """Read and validate a policy file, or a directory of them (merged as ``policy.d``
    is, without the checks of who owns them: for training and checking only)."""
    if path.is_dir():
        from app.services.policy.fragments import load_policy_dir

        return load_policy_dir(path).policy
    source = str(path)
    return policy_from_data(parse_toml(read_policy_bytes(path), source), source)


def describe_policy() -> str:
    """Reference of every policy field, generated from the declarations."""
    # schema.describe shows a field whose default comes from a factory as required;
    # in the policy those are optional tables whose own fields all have defaults.
    optional_tables = {
        field.name
        for field in dataclasses.fields(Policy)
        if field.default_factory is not dataclasses.MISSING
    }
    lines = ["field | type | default | description", "--- | --- | --- | ---"]
    for path, type_name, default, doc in schema.describe(Policy):
        value = "(optional)" if path in optional_tables else default
        lines.append(f"`{path}` | {type_name} | {value} | {doc}")
    return "\n".join(lines)
