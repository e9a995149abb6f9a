"""The machine policy: what helpdesk decides for a duty workstation.

The policy is a TOML file owned by helpdesk (pushed to the platform's site
config directory, or given with ``--policy``). It names the municipalities the
duty serves, the registrar each belongs to, the client system and endpoint of
each, the office-hours duty contact, the municipality's help list, how to
check and open the VPN, and when the regional duty is on. Every field is
declared once below; :func:`load_policy` validates a file against those
declarations and stops at the first problem with one message naming the file,
the field and what is wrong.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from app.connectors.registry import is_known_system, known_systems
from app.services import clock, schema
from app.services.duty_hours import DutySchedule
from app.services.schema import HTTP_URL, NOT_EMPTY, Check, SchemaError, setting

MAX_POLICY_BYTES = 1_000_000

MUNICIPALITY_CODE = Check(
    lambda value: re.fullmatch(r"\d{3}", value) is not None,
    "a three-digit municipality code of Statistics Finland",
)
KNOWN_SYSTEM = Check(
    is_known_system, "a known client system type (" + ", ".join(known_systems()) + ")"
)
POSITIVE = Check(lambda value: value > 0, "greater than zero")
_HOST_PORT = re.compile(
    r"(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)"
    r":(?P<port>\d{1,5})"
)


def split_host_port(value: str) -> tuple[str, int]:
    """``"host:port"`` as (host, port); ValueError when it is not one."""
    match = _HOST_PORT.fullmatch(value)
    if match is None or not 0 < int(match["port"]) < 65536:
        raise ValueError(f"not host:port: {value!r}")
    return match["host"].strip("[]"), int(match["port"])


def _is_host_port(value: str) -> bool:
    try:
        split_host_port(value)
    except ValueError:
        return False
    return True


HOST_PORT = Check(_is_host_port, "host:port, e.g. 'vpn-check.example:443'")

Text = Annotated[str, NOT_EMPTY]


@dataclass(frozen=True)
class Registrar:
    """The data controller whose register the duty's documents belong to."""

    id: Text = setting("Short identifier that municipalities refer to, e.g. 'keusote'.")
    name_fi: Text = setting("Name in Finnish.")
    name_sv: Text = setting("Name in Swedish.")


@dataclass(frozen=True)
class SystemConfig:
    """How to reach a municipality's client information system."""

    type: Annotated[str, KNOWN_SYSTEM] = setting("Client system type: selects the connector.")
    endpoint: Annotated[str, HTTP_URL] = setting(
        "Base URL of the system's interface (over the VPN)."
    )
    connect_timeout: Annotated[float, POSITIVE] = setting("Seconds to wait for a connection.", 5.0)
    read_timeout: Annotated[float, POSITIVE] = setting("Seconds to wait for an answer.", 20.0)


@dataclass(frozen=True)
class OfficeHoursContact:
    """The municipality's own duty in office hours: who takes the follow-up."""

    unit: Text = setting("Name of the office-hours unit.")
    phone: Text = setting("Phone number of the unit.")
    fax: str | None = setting("Fax number, where handoffs go by fax.", None)


@dataclass(frozen=True)
class HelpList:
    """The municipality's help list: what a worker needs to log in and get help."""

    login_format: Text = setting("Login name format, e.g. 'etunimi.sukunimi'.")
    helpdesk_phone: Text = setting("Phone number of the municipality's IT helpdesk.")
    domain: str | None = setting("Windows/VPN domain of the login, if any.", None)


@dataclass(frozen=True)
class Municipality:
    code: Annotated[str, MUNICIPALITY_CODE] = setting("Statistics Finland municipality code.")
    name_fi: Text = setting("Name in Finnish.")
    name_sv: Text = setting("Name in Swedish.")
    registrar: Text = setting("Id of the registrar (see [[registrars]]) the clients belong to.")
    system: SystemConfig = setting("The municipality's client information system.")
    office_hours: OfficeHoursContact = setting("The office-hours duty contact.")
    help: HelpList = setting("The municipality's help list.")


@dataclass(frozen=True)
class DutyUnit:
    name: Text = setting("Name of the regional duty unit.")
    phone: str | None = setting("Phone number of the duty unit.", None)


@dataclass(frozen=True)
class VpnConfig:
    """How the workstation tells a VPN outage apart and opens the VPN (all optional)."""

    check_host: Annotated[str, HOST_PORT] | None = setting(
        "host:port inside the VPN that answers a TCP connection whenever the VPN is up; "
        "tells 'VPN down' from 'the system is down'.",
        None,
    )
    connect_command: tuple[Annotated[str, NOT_EMPTY], ...] = setting(
        "Command (program and arguments, run without a shell) that opens the VPN, "
        "e.g. ['nmcli', 'connection', 'up', 'keusote-vpn'] or ['rasdial', 'KEUSOTE'].",
        (),
    )
    check_timeout: Annotated[float, POSITIVE] = setting(
        "Seconds to wait for the check host to accept a connection.", 3.0
    )


@dataclass(frozen=True)
class PopulationConfig:
    """The population register (Väestösuora, VTJ): addresses, guardians, home municipality."""

    endpoint: Annotated[str, HTTP_URL] = setting("Base URL of the population register interface.")
    connect_timeout: Annotated[float, POSITIVE] = setting("Seconds to wait for a connection.", 5.0)
    read_timeout: Annotated[float, POSITIVE] = setting("Seconds to wait for an answer.", 20.0)


@dataclass(frozen=True)
class PrintingConfig:
    """Printing on the workstation's local printer (all optional)."""

    default_printer: Annotated[str, NOT_EMPTY] | None = setting(
        "Printer preselected in the print dialog: a CUPS queue name, or the printer's name "
        "on Windows. Without it (or when the workstation has no such printer) the system's "
        "default printer.",
        None,
    )
    allow_pdf_save: bool = setting(
        "The worker may save a printout as a PDF file: client data on the disk, so only where "
        "the registrar allows it. Printing itself never writes a file.",
        False,
    )


@dataclass(frozen=True)
class Policy:
    version: Literal[1] = setting("Policy format version.")
    duty_unit: DutyUnit = setting("The regional social emergency duty this workstation serves.")
    registrars: tuple[Registrar, ...] = setting("The registrars (wellbeing services counties).")
    municipalities: tuple[Municipality, ...] = setting(
        "The municipalities, in the order of the switcher (Ctrl+1 is the first)."
    )
    training: bool = setting(
        "A training policy: synthetic clients, temporary identity codes are normal.", False
    )
    vpn: VpnConfig = setting(
        "The VPN to the municipalities' systems: how to check it and open it.",
        default_factory=VpnConfig,
    )
    duty_hours: DutySchedule = setting(
        "When the regional duty is on; otherwise each municipality's office-hours duty is.",
        default_factory=DutySchedule,
    )
    population: PopulationConfig | None = setting(
        "The population register (Väestösuora); without it the app does not ask it.", None
    )
    printing: PrintingConfig = setting(
        "Printing on the local printer: the default printer, whether a PDF may be saved.",
        default_factory=PrintingConfig,
    )

    @property
    def zone(self) -> dt.tzinfo:
        """The zone of every time the app shows, stores, prints or sends
        (``duty_hours.time_zone``), whatever the machine's own zone."""
        return clock.zone_named(self.duty_hours.time_zone)

    def municipality(self, code: str) -> Municipality:
        for municipality in self.municipalities:
            if municipality.code == code:
                return municipality
        raise KeyError(code)

    def registrar(self, registrar_id: str) -> Registrar:
        for registrar in self.registrars:
            if registrar.id == registrar_id:
                return registrar
        raise KeyError(registrar_id)


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
            raise PolicyError(source, f"registrars[{index}].id", f"duplicate id {registrar.id!r}")
        registrar_ids.add(registrar.id)
    codes: set[str] = set()
    for index, municipality in enumerate(policy.municipalities):
        if municipality.code in codes:
            raise PolicyError(
                source, f"municipalities[{index}].code", f"duplicate code {municipality.code!r}"
            )
        codes.add(municipality.code)
        if municipality.registrar not in registrar_ids:
            raise PolicyError(
                source,
                f"municipalities[{index}].registrar",
                f"no registrar with id {municipality.registrar!r} in [[registrars]]",
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
        raw = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise PolicyError(source, "", "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise PolicyError(source, "", f"not valid TOML ({error})") from None
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
        shown = "(optional)" if path in optional_tables else default
        lines.append(f"`{path}` | {type_name} | {shown} | {doc}")
    return "\n".join(lines)
