"""Reading the machine policy: what helpdesk decides for a duty workstation.

The policy is a TOML file owned by helpdesk (pushed to the platform's site
config directory, or given with ``--policy``). It names the municipalities the
duty serves, the registrar each belongs to, the client system and endpoint of
each, the office-hours duty contact, the municipality's help list, how to
check and open the VPN, and when the regional duty is on. Every field is
declared once in :mod:`app.domain.policy`; :func:`load_policy` validates a file
against those declarations (and each system type against the connector
registry) and stops at the first problem with one message naming the file, the
field and what is wrong.
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.connectors.registry import is_known_system, known_systems
from app.domain import schema
from app.domain.policy import Policy
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


def policy_from_data(raw: Any, source: str) -> Policy:
    """Validate already-parsed policy data (TOML or JSON) against the declarations."""
    try:
        policy = schema.load(Policy, raw)
    except SchemaError as error:
        raise PolicyError(source, error.path, error.problem) from None
    _check_references(policy, source)
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
    if not policy.training:
        _require_https(policy, source)
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


def _require_https(policy: Policy, source: str) -> None:
    """A production policy reaches client data over verified TLS only: plain http would
    carry identity codes and narratives readable (and changeable) on the way. Only a
    training policy (synthetic clients) may name http:// systems."""
    endpoints = [
        (f"municipalities[{index}].system.endpoint", municipality.system.endpoint)
        for index, municipality in enumerate(policy.municipalities)
    ]
    if policy.population is not None:
        endpoints.append(("population.endpoint", policy.population.endpoint))
    for field, endpoint in endpoints:
        if urlsplit(endpoint).scheme != "https":
            raise PolicyError(
                source,
                field,
                f"must be an https:// URL, not {shown(endpoint)}: client data goes over verified "
                "TLS only (http:// is for training policies)",
            )


def load_policy(path: Path) -> Policy:
    """Read and validate a policy file."""
    source = str(path)
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_POLICY_BYTES + 1)
    except FileNotFoundError:
        raise PolicyError(source, "", "the file does not exist") from None
    except OSError as error:
        raise PolicyError(source, "", f"cannot be read ({error.strerror})") from None
    if len(data) > MAX_POLICY_BYTES:
        raise PolicyError(source, "", f"larger than {MAX_POLICY_BYTES} bytes")
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
    return policy_from_data(raw, source)


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
