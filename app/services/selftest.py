"""``paivystys --self-test``: can this installation work? For installers and helpdesk scripts.

In a temporary profile (every per-user directory redirected, :func:`paths.redirected`;
removed afterwards), with synthetic data only and no network, it checks in turn:

* the policy: the machine policy from the administrators' location exactly as the app
  reads it (none installed is no failure: a fresh install), for training ``--policy``
  or the shipped example;
* the credential store: which keyring backend loaded and whether it is one the outbox
  key may live in. Nothing is read from or written to it; without a usable one
  production cannot open its outbox (a failure), training keeps its key in a file;
* the outbox: a new SQLCipher file under a random key of its own, a synthetic entry
  saved, the file closed, opened again and the entry read back;
* a document: the synthetic entry printed (reportlab, DejaVu Sans), a PDF of at least
  one page whose text has the Sámi letters;
* the window: Qt started offscreen, a main window shown and closed (the entry point
  passes that check in, since Qt lives only in ``app/ui``).

Each check is one line (and one entry of the JSON document); the version comes first.
The lines are in the command line's language (:mod:`app.services.i18n`), the JSON
document in English whatever the language: scripts read it.
Exit 0 when every check passed, :data:`EXIT_SELF_TEST` otherwise, the reasons on
stderr. The worker's profile is only read, never written: the record of the policy
serials this account has accepted is copied into the temporary profile, so that the
policy check says what the app would say.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import secrets
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import pypdfium2 as pdfium  # type: ignore[import-untyped]

from app.domain.hetu import parse_hetu
from app.domain.kinds import ItemKind
from app.domain.model import ContactChannel, DutyEntry, TaskType
from app.domain.policy import Policy
from app.services import exits, paths
from app.services.documents import render_entry
from app.services.documents.entry import PrintedPerson
from app.services.documents.fonts import find_font_directory, register_fonts
from app.services.helpdesk import Report
from app.services.i18n import QT_TRANSLATE_NOOP, translate
from app.services.logs import setup_logging
from app.services.outbox.codec import entry_from_payload, entry_to_payload
from app.services.outbox.keys import KEY_BYTES, KeyStore, OutboxError, keyring_call, usable_backend
from app.services.outbox.store import OUTBOX_FILE, Outbox, OutgoingItem
from app.services.policy.load import PolicyError, load_policy
from app.services.policy.location import AdminLocation, has_policy
from app.services.policy.trust import SERIALS_FILE, load_trusted_policy

EXIT_OK = exits.EXIT_OK
EXIT_SELF_TEST = exits.EXIT_SELF_TEST
# The credential store answers within this or is reported as not answering.
KEYRING_TIMEOUT = 5.0
SAMI_LETTERS = "ŊĐŦŽŠČ"
_SIGNATURE = b"SQLite format 3\x00"  # an unencrypted SQLite file starts with it
_T = TypeVar("_T")

Fatal = Callable[[str], NoReturn]
"""Reports a failure the process cannot survive (Qt's fatal errors abort it) and exits."""
ShowWindow = Callable[[Fatal], str]
"""Starts Qt offscreen, shows and closes a main window; says what ran (Qt, platform)."""
Emit = Callable[["SelfTestReport"], None]
"""Prints the report (text or JSON, the entry point decides)."""


class CheckFailed(Exception):
    """A check's reason for failing, as the report words it: ``reason`` in English for
    the JSON document, ``said`` in the command line's language for the lines."""

    def __init__(self, reason: str, said: str | None = None) -> None:
        super().__init__(reason)
        self.said = reason if said is None else said


# The checks' names as the lines say them (the JSON document keeps the English keys).
_LABELS = {
    "version": QT_TRANSLATE_NOOP("SelfTest", "versio"),
    "policy": QT_TRANSLATE_NOOP("SelfTest", "käytäntö"),
    "keyring": QT_TRANSLATE_NOOP("SelfTest", "avainsäilö"),
    "outbox": QT_TRANSLATE_NOOP("SelfTest", "lähtevät"),
    "document": QT_TRANSLATE_NOOP("SelfTest", "asiakirja"),
    "window": QT_TRANSLATE_NOOP("SelfTest", "ikkuna"),
}


def _label(name: str) -> str:
    return translate("SelfTest", _LABELS[name]) if name in _LABELS else name


@dataclass(frozen=True)
class Options:
    version: str  # the app's: the entry point passes it
    location: AdminLocation
    training: bool = False
    policy_path: Path | None = None  # training only: the entry point refuses it otherwise


@dataclass
class SelfTestReport(Report):
    # "check: why", one per failed check, in the command line's language
    reasons: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # the failed checks' names

    def passed(self, name: str, line: str, **document: Any) -> None:
        self.document[name] = {"ok": True, **document}
        self.lines.append(f"{_label(name)}: {line}")

    def failed(self, name: str, reason: str, said: str | None = None, **document: Any) -> None:
        """``reason`` for the JSON document (English), ``said`` for the lines."""
        said = reason if said is None else said
        self.document[name] = {"ok": False, "reason": reason, **document}
        failed = translate("SelfTest", "{check}: EPÄONNISTUI: {reason}")
        self.lines.append(failed.format(check=_label(name), reason=said))
        self.reasons.append(f"{_label(name)}: {said}")
        self.failures.append(name)
        self.exit_code = EXIT_SELF_TEST

    def finish(self) -> SelfTestReport:
        self.document["ok"] = not self.failures
        self.document["failed"] = list(self.failures)
        if self.failures:
            labels = ", ".join(_label(name) for name in self.failures)
            line = translate("SelfTest", "itsetesti: EPÄONNISTUI ({checks})").format(checks=labels)
        else:
            line = translate("SelfTest", "itsetesti: kunnossa")
        self.lines.append(line)
        return self


@contextmanager
def temporary_profile() -> Iterator[Path]:
    """A private temporary directory as every per-user directory; removed on leaving."""
    accepted = paths.user_state_dir() / SERIALS_FILE  # the worker's own, read only
    with tempfile.TemporaryDirectory(prefix="paivystys-self-test-") as temporary:
        root = Path(temporary)
        with paths.redirected(root / "profile"):
            if accepted.is_file():
                state = paths.user_state_dir()
                state.mkdir(parents=True, mode=0o700)
                shutil.copyfile(accepted, state / SERIALS_FILE)
            yield root


def run(options: Options, show_window: ShowWindow, emit: Emit) -> int:
    """Every check in a temporary profile; the report emitted; the exit code."""
    with temporary_profile() as root:
        log_setup = setup_logging("cli", fatal_errors=False)
        report = SelfTestReport()

        def fatal(reason: str) -> NoReturn:
            report.failed("window", reason)
            emit(report.finish())
            log_setup.close()
            shutil.rmtree(root, ignore_errors=True)
            os._exit(EXIT_SELF_TEST)

        try:
            _version(report, options.version)
            checked = _guarded(report, "policy", lambda: _policy(report, options))
            _guarded(report, "keyring", lambda: _keyring(report, options.training))
            # The synthetic entry is for the policy checked, or else the shipped example.
            policy = checked or load_policy(paths.EXAMPLE_POLICY)
            entry = _synthetic_entry(policy)
            _guarded(report, "outbox", lambda: _outbox(report, root, entry, policy))
            _guarded(report, "document", lambda: _document(report, entry, policy))
            _guarded(report, "window", lambda: _window(report, show_window, fatal))
            emit(report.finish())
        finally:
            log_setup.close()
    return report.exit_code


def _guarded(report: SelfTestReport, name: str, check: Callable[[], _T]) -> _T | None:
    """One check; whatever it raises is its failure, never the end of the self-test."""
    try:
        return check()
    except CheckFailed as failure:
        report.failed(name, str(failure), failure.said)
    except PolicyError as error:
        report.failed(name, _policy_reason(error), _policy_reason_said(error))
    except OutboxError as error:
        report.failed(name, f"{error.code}: {error.detail}")
    except Exception as error:  # a self-test reports what broke, whatever it was
        report.failed(name, f"{type(error).__name__}: {error}")
    return None


def _version(report: SelfTestReport, version: str) -> None:
    frozen = bool(getattr(sys, "frozen", False))
    how = translate("SelfTest", "paketoitu") if frozen else translate("SelfTest", "lähdekoodista")
    report.passed(
        "version",
        f"paivystys {version} (Python {platform.python_version()}, {sys.platform}, {how})",
        version=version,
        python=platform.python_version(),
        platform=sys.platform,
        frozen=frozen,
    )


def _window(report: SelfTestReport, show_window: ShowWindow, fatal: Fatal) -> None:
    ran = show_window(fatal)
    line = translate("SelfTest", "kunnossa ({qt}: pääikkuna näytetty ja suljettu)")
    report.passed("window", line.format(qt=ran), qt=ran)


def _policy_reason(error: PolicyError) -> str:
    field_name = error.field or "(whole file)"
    return f"{error.source}: field {field_name}: {error.problem}"


def _policy_reason_said(error: PolicyError) -> str:
    field_name = error.field or translate("SelfTest", "(koko tiedosto)")
    said = translate("SelfTest", "{source}: kenttä {field}: {problem}")
    return said.format(source=error.source, field=field_name, problem=error.problem)


def _policy(report: SelfTestReport, options: Options) -> Policy | None:
    location = options.location
    if options.policy_path is not None:
        policy = load_policy(options.policy_path)
        source, signed = str(options.policy_path), False
    elif has_policy(location):
        # As the app reads it: the administrators' files, owners, signatures, serials.
        loaded = load_trusted_policy(location, paths.user_state_dir())
        policy, source, signed = loaded.policy, str(location.policy_dir), loaded.signed
    elif options.training:
        policy, source, signed = load_policy(paths.EXAMPLE_POLICY), "example", False
    else:
        none = translate(
            "SelfTest",
            "ei asennettu hakemistoon {where} (uusi asennus; helpdesk asentaa sen)",
        )
        report.passed(
            "policy",
            none.format(where=location.policy_dir),
            installed=False,
            source=str(location.policy_dir),
        )
        return None
    count = len(policy.municipalities)
    where = translate("SelfTest", "mukana tuleva esimerkki") if source == "example" else source
    if signed:
        signature = translate("SelfTest", "allekirjoitettu")
    else:
        signature = translate("SelfTest", "allekirjoittamaton")
    if policy.training:
        signature += translate("SelfTest", ", harjoittelu")
    line = translate(
        "SelfTest", "kunnossa ({where}: {count} kuntaa, sarjanumero {serial}, {signed})"
    )
    report.passed(
        "policy",
        line.format(where=where, count=count, serial=policy.serial, signed=signature),
        installed=source != "example",
        source=source,
        municipalities=count,
        serial=policy.serial,
        signed=signed,
        training=policy.training,
    )
    return policy


def _keyring(report: SelfTestReport, training: bool) -> None:
    """Which backend loaded and whether the outbox key may live in it; never read or written."""
    name = KeyStore(training, timeout=KEYRING_TIMEOUT).backend_name()
    try:
        keyring_call(KEYRING_TIMEOUT, usable_backend)
    except OutboxError as error:
        if not training:
            said = translate(
                "SelfTest",
                "{name} ladattu, EI käyttökelpoinen avainsäilö ({code}): sovellus ei voi "
                "säilyttää lähtevien avainta, joten se ei voi tallentaa mitään. Asenna tai avaa "
                "sellainen (Secret Service, esim. GNOME Keyring tai KWallet; Windowsin "
                "Credential Manager)",
            )
            raise CheckFailed(
                f"{name} loaded, NOT a usable credential store ({error.code}): the app cannot "
                "keep its outbox key, so it cannot save anything. Install or unlock one "
                "(Secret Service, e.g. GNOME Keyring or KWallet; Windows Credential Manager)",
                said.format(name=name, code=error.code),
            ) from None
        training_line = translate(
            "SelfTest",
            "{name} (ei käyttökelpoinen avainsäilö: harjoittelu pitää avaimensa "
            "harjoitusprofiilin tiedostossa; tuotanto ei voisi avata lähteviään)",
        )
        report.passed(
            "keyring",
            training_line.format(name=name),
            backend=name,
            usable=False,
        )
        return
    usable = translate(
        "SelfTest",
        "{name} (käyttökelpoinen avainsäilö; jätetty koskematta: lähtevien testillä on oma "
        "avaimensa)",
    )
    report.passed(
        "keyring",
        usable.format(name=name),
        backend=name,
        usable=True,
    )


def _synthetic_entry(policy: Policy) -> DutyEntry:
    return DutyEntry(
        hetu=parse_hetu("010190-966U"),  # individual number 966: no real person's
        contact_time=dt.datetime.now(policy.zone).replace(microsecond=0),
        contact_channel=ContactChannel.POLICE,
        task_type=TaskType.CHILD_PROTECTION,
        narrative=f"Itsetesti: synteettinen kirjaus, ei asiakastietoja. {' '.join(SAMI_LETTERS)}",
        measures="Ei toimenpiteitä (itsetesti). ä ö å",
        follow_up_needed=False,
        author="Itsetesti Đuolbmá",
    )


def _outbox(report: SelfTestReport, root: Path, entry: DutyEntry, policy: Policy) -> None:
    directory = root / "outbox"
    directory.mkdir(mode=0o700)
    path = directory / OUTBOX_FILE
    key = secrets.token_bytes(KEY_BYTES)  # never the keyring's
    item = OutgoingItem(
        key=uuid.uuid4(),
        municipality=policy.municipalities[0].code if policy.municipalities else "000",
        kind=ItemKind.ENTRY,
        client=str(entry.hetu),
        label="itsetesti",
        payload=entry_to_payload(entry),
    )
    with Outbox.open(path, key) as outbox:
        saved = outbox.put(item, dt.datetime.now(dt.UTC))
        file_format = outbox.file_format()
    with path.open("rb") as stream:
        if stream.read(len(_SIGNATURE)) == _SIGNATURE:
            raise CheckFailed(
                "the outbox file was written unencrypted: SQLCipher is not in use",
                translate(
                    "SelfTest",
                    "lähtevien tiedosto kirjoitettiin salaamattomana: SQLCipher ei ole käytössä",
                ),
            )
    with Outbox.open(path, key) as outbox:
        read = outbox.get(saved.id)
        problems = outbox.integrity_check()
    if read is None or read.key != item.key or read.payload != item.payload:
        raise CheckFailed(
            "the entry saved was not read back as it was saved",
            translate("SelfTest", "tallennettua kirjausta ei luettu takaisin sellaisenaan"),
        )
    if entry_from_payload(read.payload) != entry:
        raise CheckFailed(
            "the entry read back does not decode to the entry saved",
            translate("SelfTest", "takaisin luettu kirjaus ei ole sama kuin tallennettu"),
        )
    if problems:
        raise CheckFailed(
            f"the new outbox fails its integrity check: {problems[0]}",
            translate(
                "SelfTest", "uudet lähtevät eivät läpäise eheystarkistusta: {problem}"
            ).format(problem=problems[0]),
        )
    line = translate(
        "SelfTest",
        "kunnossa (SQLCipher, {cipher}, skeema {schema}: kirjaus tallennettu, tiedosto "
        "suljettu, avattu uudelleen ja kirjaus luettu takaisin)",
    )
    report.passed(
        "outbox",
        line.format(cipher=file_format["cipher"], schema=file_format["schema"]),
        **file_format,
    )


def _document(report: SelfTestReport, entry: DutyEntry, policy: Policy) -> None:
    fonts = find_font_directory()
    try:
        register_fonts()
    except Exception as error:  # reportlab's TTFError, an unreadable file
        said = translate("SelfTest", "hakemiston {fonts} fontteja ei voi käyttää ({error})")
        raise CheckFailed(
            f"the fonts in {fonts} cannot be used ({type(error).__name__}: {error})",
            said.format(fonts=fonts, error=f"{type(error).__name__}: {error}"),
        ) from None
    if not policy.municipalities:
        raise CheckFailed(
            "the policy has no municipality to print an entry for",
            translate("SelfTest", "käytännössä ei ole kuntaa, jolle kirjauksen voisi tulostaa"),
        )
    municipality = policy.municipalities[0]
    person = PrintedPerson(entry.hetu, "Ŋilá Šára Đuolbmá")
    printed_at = dt.datetime.now(policy.zone)
    pdf = render_entry(
        entry,
        person,
        municipality,
        policy.registrar(municipality.registrar),
        "Itsetesti",
        printed_at,
        zone=policy.zone,
    )
    if not pdf.startswith(b"%PDF-"):
        raise CheckFailed(
            "the document rendered is not a PDF",
            translate("SelfTest", "tulostettu asiakirja ei ole PDF"),
        )
    document = pdfium.PdfDocument(pdf)
    try:
        pages = len(document)
        text = "".join(page.get_textpage().get_text_bounded() for page in document)
    finally:
        document.close()
    if pages < 1:
        raise CheckFailed(
            "the PDF rendered has no pages",
            translate("SelfTest", "tulostetussa PDF:ssä ei ole sivuja"),
        )
    missing = " ".join(letter for letter in SAMI_LETTERS if letter not in text)
    if missing:
        said = translate("SelfTest", "PDF:stä puuttuvat kirjaimet {letters} (fontit: {fonts})")
        raise CheckFailed(
            f"the PDF lacks the letters {missing} (fonts from {fonts})",
            said.format(letters=missing, fonts=fonts),
        )
    line = translate(
        "SelfTest",
        "kunnossa (PDF, {pages} sivu(a), {size} tavua, fontit: {fonts}, {letters} tulostettu)",
    )
    report.passed(
        "document",
        line.format(pages=pages, size=len(pdf), fonts=fonts, letters=" ".join(SAMI_LETTERS)),
        pages=pages,
        bytes=len(pdf),
        fonts=str(fonts),
    )
