"""The machine policy's plain configuration types: what helpdesk decides for a workstation.

Every field is declared once here (type, checks, default, description);
:mod:`app.services.policy.load` reads a file and validates it against these
declarations, and :func:`app.domain.schema.describe` documents them. The types
are plain frozen dataclasses: connectors, services and the UI all read them.
Which client system types exist is not a domain fact; the loader checks
``system.type`` against the connector registry.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import ipaddress
import re
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.domain import clock
from app.domain.access import DEFAULT_PURPOSE, MAX_PURPOSE
from app.domain.clock import DEFAULT_ZONE_NAME
from app.domain.language import Language
from app.domain.schema import HTTP_URL, NOT_EMPTY, Check, SchemaError, setting

_HH_MM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def _is_time_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


HH_MM = Check(
    lambda value: _HH_MM.fullmatch(value) is not None, "a time of day HH:MM (00:00–23:59)"
)
TIME_ZONE = Check(_is_time_zone, "a time zone name known to this machine, e.g. 'Europe/Helsinki'")
TimeOfDay = Annotated[str, HH_MM]


def time_of_day(text: str) -> dt.time:
    """``"HH:MM"`` as a time (the text passed :data:`HH_MM`)."""
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


@dataclass(frozen=True)
class DutySchedule:
    """When the regional duty is on (all times are local wall-clock times)."""

    weekday_opens_at: TimeOfDay = setting(
        "Mon–Thu the duty opens at this time (HH:MM) and runs to closes_at the next morning.",
        "15:00",
    )
    friday_opens_at: TimeOfDay = setting(
        "Friday the duty opens at this time (HH:MM) and runs over the weekend to closes_at "
        "on Monday.",
        "13:00",
    )
    closes_at: TimeOfDay = setting(
        "Mon–Fri morning time (HH:MM) when the duty closes and the municipalities' office "
        "hours begin.",
        "08:00",
    )
    holiday_eve_opens_at: TimeOfDay = setting(
        "On the eve of a public holiday falling on Mon–Fri the duty opens at this time "
        "(HH:MM; when earlier than usual).",
        "13:00",
    )
    public_holidays_all_day: bool = setting(
        "Public holidays (with juhannusaatto and jouluaatto, as the holidays package lists "
        "them) are duty all day.",
        True,
    )
    time_zone: Annotated[str, TIME_ZONE] = setting(
        "The policy's time zone: of the times above and of every time the app shows, stores, "
        "prints or sends, whatever the machine's own zone; a time given without an offset is "
        "in this zone.",
        DEFAULT_ZONE_NAME,
    )
    holiday_country: Literal["FI"] = setting(
        "Country of the public holiday calendar (Python package holidays).", "FI"
    )

    def __post_init__(self) -> None:
        # A field check sees one value; this rule needs two. The schedule is only
        # ever the policy's [duty_hours] table, so the path can name it.
        closes = time_of_day(self.closes_at)
        for name in ("weekday_opens_at", "friday_opens_at", "holiday_eve_opens_at"):
            value = getattr(self, name)
            if time_of_day(value) <= closes:
                raise SchemaError(
                    f"duty_hours.{name}",
                    f"must be later than closes_at ({self.closes_at!r}), not {value!r}",
                )


MUNICIPALITY_CODE = Check(
    lambda value: re.fullmatch(r"\d{3}", value) is not None,
    "a three-digit municipality code of Statistics Finland",
)
# A timeout beyond this is no timeout: a request would hang for as long (and the
# watchdog of the overall deadline cannot even wait for an infinite one).
MAX_SECONDS = 600.0
SECONDS = Check(
    lambda value: 0 < value <= MAX_SECONDS,
    f"a number of seconds greater than zero and at most {MAX_SECONDS:g}",
)
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


def is_loopback_host(host: str) -> bool:
    """Whether ``host`` (a URL's host name) is this machine: ``localhost``, 127.0.0.0/8 or
    ::1. Plain http:// may go there in training; it never leaves the machine."""
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


_HEX_PIN = re.compile(r"[0-9a-f]{64}")


def pin_digest(text: str) -> bytes:
    """The 32 bytes a ``pin_sha256`` names: the SHA-256 of a certificate's public key
    (its DER SubjectPublicKeyInfo, as HPKP pinned it), written in base64 (44
    characters, as HPKP and ``openssl ... | base64`` write it) or as 64 hex digits
    (colons between byte pairs allowed, as ``openssl dgst -c`` writes it).
    ValueError when it is neither."""
    value = text.strip()
    hex_digits = value.replace(":", "").lower()
    if _HEX_PIN.fullmatch(hex_digits):
        return bytes.fromhex(hex_digits)
    try:
        digest = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("not base64 or hex") from None
    if len(digest) != 32:
        raise ValueError(f"{len(digest)} bytes, not the 32 of a SHA-256")
    return digest


def _is_pin(value: str) -> bool:
    try:
        pin_digest(value)
    except ValueError:
        return False
    return True


def _is_absolute_path(value: str) -> bool:
    # The policy may be checked on another platform than the workstation's.
    return PurePosixPath(value).is_absolute() or PureWindowsPath(value).is_absolute()


PIN_SHA256 = Check(
    _is_pin,
    "the SHA-256 of a certificate's public key (SubjectPublicKeyInfo): 44 characters of "
    "base64 or 64 hex digits",
)
ABSOLUTE_PATH = Check(_is_absolute_path, "an absolute path on the workstation")
Pin = Annotated[str, PIN_SHA256]

_CA_BUNDLE_DOC = (
    "PEM file of CA certificates trusted for this system besides the operating system's "
    "trust store (where municipalities deploy their internal CAs; that is the usual way, "
    "and then this is not needed). An absolute path on the workstation."
)
_PIN_DOC = (
    "SHA-256 pins of the server certificate's public key (DER SubjectPublicKeyInfo, the "
    "HPKP convention: survives a renewal that keeps the key), each in base64 or hex. When "
    "given, a connection whose certificate's key matches none of them is closed before "
    "anything is sent. Checked on top of the certificate's chain, never instead of it; "
    "before a new key goes live, list it beside the old one."
)

Text = Annotated[str, NOT_EMPTY]
PURPOSE = Check(
    lambda value: bool(str(value).strip()) and len(str(value)) <= MAX_PURPOSE,
    f"not empty, at most {MAX_PURPOSE} characters",
)

_SCOPE = Check(
    lambda value: re.fullmatch(r"[\x21\x23-\x5b\x5d-\x7e]+", value) is not None,
    "an OAuth scope (printable ASCII without spaces, quotes or backslashes)",
)
_PRINCIPAL = Check(
    lambda value: (
        re.fullmatch(r"[A-Za-z0-9_-]+[@/][A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?", value)
        is not None
    ),
    "service@host or service/host, without a realm (e.g. 'HTTP@consona.hyvinkaa.example')",
)
PORT = Check(lambda value: 0 <= value <= 65535, "a TCP port 1–65535, or 0 for any free port")


@dataclass(frozen=True)
class AuthConfig:
    """How the worker signs in to a system (docs/sign-in.md)."""

    method: Literal["oidc", "kerberos", "password"] = setting(
        "oidc: the organisation's identity provider in the system browser (authorization "
        "code with PKCE, loopback redirect); kerberos: the Windows/Kerberos session "
        "(Negotiate), nothing stored; password: legacy systems only, asked for and held in "
        "memory, never stored.",
        "oidc",
    )
    issuer: Annotated[str, HTTP_URL] | None = setting(
        "oidc: the identity provider's issuer URL (its /.well-known/openid-configuration "
        "is read). Required for oidc.",
        None,
    )
    client_id: Annotated[str, NOT_EMPTY] | None = setting(
        "oidc: the app's client id at the identity provider (a public client, no secret). "
        "Required for oidc.",
        None,
    )
    scopes: tuple[Annotated[str, _SCOPE], ...] = setting(
        "oidc: the scopes asked for; openid is always included, offline_access gives a "
        "refresh token (stored encrypted, key in the OS keyring).",
        ("openid", "profile", "offline_access"),
    )
    loopback_port: Annotated[int, PORT] = setting(
        "oidc: the port of the redirect listener on 127.0.0.1; 0 takes any free port "
        "(RFC 8252). Give one only if the provider matches the port of the redirect URI.",
        0,
    )
    service_principal: Annotated[str, _PRINCIPAL] | None = setting(
        "kerberos: the service principal, e.g. 'HTTP@consona.hyvinkaa.example'; by default "
        "HTTP@ the endpoint's host.",
        None,
    )

    def __post_init__(self) -> None:
        if self.method == "oidc":
            for name in ("issuer", "client_id"):
                if getattr(self, name) is None:
                    raise SchemaError(f"auth.{name}", "is required when auth.method is 'oidc'")

    @property
    def scope(self) -> str:
        """The scopes as one OAuth ``scope`` parameter, openid first."""
        return " ".join(["openid", *(s for s in self.scopes if s != "openid")])


_AUTH_DOC = (
    "How the worker signs in to this system (docs/sign-in.md). Without it a production "
    "workstation cannot sign in there and says so; a training policy uses the training "
    "password."
)


@dataclass(frozen=True)
class Registrar:
    """The data controller whose register the duty's documents belong to."""

    id: Text = setting("Short identifier that municipalities refer to, e.g. 'keusote'.")
    name_fi: Text = setting("Name in Finnish.")
    name_sv: Text = setting("Name in Swedish.")


@dataclass(frozen=True)
class SystemConfig:
    """How to reach a municipality's client information system."""

    type: Text = setting("Client system type: selects the connector.")
    endpoint: Annotated[str, HTTP_URL] = setting(
        "Base URL of the system's interface (over the VPN): https:// only (a training "
        "policy may also use http:// to this machine or its classroom server)."
    )
    connect_timeout: Annotated[float, SECONDS] = setting("Seconds to wait for a connection.", 5.0)
    read_timeout: Annotated[float, SECONDS] = setting("Seconds to wait for an answer.", 20.0)
    ca_bundle: Annotated[str, ABSOLUTE_PATH] | None = setting(_CA_BUNDLE_DOC, None)
    pin_sha256: tuple[Pin, ...] = setting(_PIN_DOC, ())
    auth: AuthConfig | None = setting(_AUTH_DOC, None)


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
    access_purpose: Annotated[str, PURPOSE] = setting(
        "The purpose of use stated in every access event sent to the registrars' systems "
        "(each search, card view, entry, notification, print and handoff).",
        DEFAULT_PURPOSE,
    )
    language: Language | None = setting(
        "The interface's language on the unit's workstations (fi, sv or en) where the "
        "worker has not chosen one (Ohje → Kieli) and none is given with --lang; also the "
        "helpdesk commands' language. Not given: Finnish.",
        None,
    )


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
    check_timeout: Annotated[float, SECONDS] = setting(
        "Seconds to wait for the check host to accept a connection.", 3.0
    )


@dataclass(frozen=True)
class PopulationConfig:
    """The population register (Väestösuora, VTJ): addresses, guardians, home municipality."""

    endpoint: Annotated[str, HTTP_URL] = setting(
        "Base URL of the population register interface: https:// only (a training policy "
        "may also use http:// to this machine or its classroom server)."
    )
    connect_timeout: Annotated[float, SECONDS] = setting("Seconds to wait for a connection.", 5.0)
    read_timeout: Annotated[float, SECONDS] = setting("Seconds to wait for an answer.", 20.0)
    ca_bundle: Annotated[str, ABSOLUTE_PATH] | None = setting(_CA_BUNDLE_DOC, None)
    pin_sha256: tuple[Pin, ...] = setting(_PIN_DOC, ())
    auth: AuthConfig | None = setting(_AUTH_DOC, None)


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
        "the registrar allows it. Printing itself never writes a file. Without it a printer "
        "that writes a file (Microsoft Print to PDF, XPS Document Writer, OneNote, Fax, a "
        "file port; CUPS's file: and cups-pdf: devices) is refused.",
        False,
    )
    allowed_printers: tuple[Annotated[str, NOT_EMPTY], ...] = setting(
        "The printers the worker may print on: names, or patterns with * and ? "
        '(e.g. "KEUSOTE-*"), compared without regard to case. Empty: every printer. A '
        "printer that writes a file is refused unless allow_pdf_save, whatever this says.",
        (),
    )


IDLE_MINUTES = Check(lambda value: 1 <= value <= 240, "a number of minutes from 1 to 240")
OFFLINE_HOURS = Check(lambda value: 1 <= value <= 168, "a number of hours from 1 to 168")


@dataclass(frozen=True)
class SessionConfig:
    """The idle lock and the local unlock (all optional)."""

    idle_minutes: Annotated[float, IDLE_MINUTES] = setting(
        "Minutes without a key press or mouse use after which the window locks: every "
        "client's data leaves the screen and memory; drafts stay encrypted in the outbox and "
        "the outbox keeps delivering. Counted on the workstation's clock, also offline.",
        10.0,
    )
    max_offline_hours: Annotated[float, OFFLINE_HOURS] = setting(
        "Hours after the last sign-in to the organisation during which the worker may unlock "
        "with the PIN set at that sign-in; after that only a new sign-in unlocks.",
        12.0,
    )


@dataclass(frozen=True)
class Policy:
    version: Literal[1] = setting("Policy format version.")
    duty_unit: DutyUnit = setting("The regional social emergency duty this workstation serves.")
    registrars: tuple[Registrar, ...] = setting("The registrars (wellbeing services counties).")
    municipalities: tuple[Municipality, ...] = setting(
        "The municipalities, in the order of the switcher (Ctrl+1 is the first)."
    )
    serial: Annotated[int, Check(lambda value: value >= 0, "zero or more")] = setting(
        "The file's serial number: helpdesk raises it with every change. Where a signing "
        "key is installed every file needs one, and a workstation refuses a file whose "
        "serial is lower than one it has accepted under that name (docs/policy.md). The "
        "merged policy's serial is the highest of its files'.",
        0,
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
        "Printing on the local printer: the default printer, whether a PDF may be saved, which "
        "printers may be used.",
        default_factory=PrintingConfig,
    )
    session: SessionConfig = setting(
        "The idle lock and the PIN unlock: idle minutes, hours a PIN stays valid offline.",
        default_factory=SessionConfig,
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

    def destination(self, code: str) -> str:
        """Where municipality ``code``'s items go under this policy: registrar, system
        type and endpoint. Each outbox item is bound to it when saved; a later policy
        naming another destination holds the item until a person confirms.

        A training policy leaves the endpoint out: the training systems move to a new
        loopback port every time they start, and never hold real client data.
        """
        municipality = self.municipality(code)
        system = municipality.system
        where = "training" if self.training else system.endpoint
        return f"{municipality.registrar} {system.type} {where}"

    def registrar(self, registrar_id: str) -> Registrar:
        for registrar in self.registrars:
            if registrar.id == registrar_id:
                return registrar
        raise KeyError(registrar_id)
