"""The helpdesk commands' work: ``doctor`` and ``outbox status|flush|salvage``. No client data.

Each returns a plain report the entry point prints as text or JSON; the exit
codes are decided here so that they are the same whoever prints them. The text lines
are in the command line's language (:mod:`app.services.i18n`), the JSON document in
English whatever the language: scripts read it.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.connectors import errors
from app.domain.clock import utc_now
from app.domain.policy import Policy
from app.services import exits
from app.services.files import ModeFix
from app.services.i18n import translate
from app.services.outbox import wal
from app.services.outbox.delivery import MaySend, Outcome
from app.services.outbox.file import Damaged, any_outbox_file, sibling
from app.services.outbox.keys import KeyMissing, OutboxError
from app.services.outbox.profile import OutboxSetup
from app.services.outbox.salvage import SalvageResult, salvage
from app.services.outbox.schema import Corrupt
from app.services.outbox.sending import SendingService
from app.services.outbox.store import OUTBOX_FILE, OutboxCounts
from app.services.workstation import Workstation

EXIT_OK = exits.EXIT_OK
EXIT_NEEDS_ACTION = exits.EXIT_NEEDS_ACTION
EXIT_OUTBOX = exits.EXIT_OUTBOX
EXIT_BUSY = exits.EXIT_BUSY
EXIT_USAGE = exits.EXIT_USAGE

# Seconds doctor waits beyond the slowest system's own request deadline.
DOCTOR_MARGIN = 2.0


@dataclass
class Report:
    exit_code: int = EXIT_OK
    document: dict[str, Any] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)


def _counts_document(counts: OutboxCounts) -> dict[str, Any]:
    return {
        "waiting": counts.waiting,
        "sending": counts.sending,
        "needs_attention": counts.attention,
        # Faxes the worker sends by hand: never delivered by a flush.
        "manual": counts.manual,
        # Unsaved text of open forms: client data, never sent, lost if the outbox is removed.
        "drafts": counts.drafts,
        "per_municipality": dict(sorted(counts.per_municipality.items())),
        # Held: the policy now names another destination than they were saved for.
        "held_for_new_address": dict(sorted(counts.held.items())),
        # Access events for the registrars' access logs, not yet delivered (any state).
        "access_events": counts.access,
    }


def _command(setup: OutboxSetup, command: str) -> str:
    """The command line helpdesk types, for the outbox ``setup`` is about."""
    return f"paivystys {command}{' --training' if setup.keystore.training else ''}"


def _salvage_remedy(setup: OutboxSetup) -> str:
    """The remedy in the JSON document: English, as all of it."""
    return (
        f"copy outbox.db, outbox.db-wal and outbox.db-shm from {setup.profile_dir} aside "
        f"(a backup; delete nothing), then run '{_command(setup, 'outbox salvage')}'"
    )


def _outbox_failure(report: Report, error: OutboxError, setup: OutboxSetup) -> Report:
    report.exit_code = EXIT_OUTBOX
    document: dict[str, Any] = {"ok": False, "error": error.code, "detail": error.detail}
    not_opened = translate("Outbox", "lähtevät: EI AVATTU ({code}): {detail}")
    report.lines.append(not_opened.format(code=error.code, detail=error.detail))
    unchanged = translate("Outbox", "  profiili: {profile}; siellä ei muutettu mitään.")
    report.lines.append(unchanged.format(profile=setup.profile_dir))
    if isinstance(error, Damaged):
        document["damage"] = error.check.document()
        document["remedy"] = _salvage_remedy(setup)
        remedy = translate(
            "Outbox",
            "  tehtävä: kopioi outbox.db, outbox.db-wal ja outbox.db-shm hakemistosta "
            "{profile} talteen (varmuuskopioksi; älä poista mitään) ja aja sitten '{command}'.",
        )
        command = _command(setup, "outbox salvage")
        report.lines.append(remedy.format(profile=setup.profile_dir, command=command))
    report.document["outbox"] = document
    return report


def _modes(report: Report, document: dict[str, Any], fixes: tuple[ModeFix, ...]) -> None:
    """Files or the directory found open to others, made private on opening: never kept quiet."""
    document["modes_fixed"] = [fix.document() for fix in fixes]
    for fix in fixes:
        if fix.now is None:
            line = translate(
                "Outbox",
                "  oikeudet: {path}: tila on {was}, muut voivat lukea sen; ei muutettavissa",
            )
        else:
            line = translate(
                "Outbox", "  oikeudet: {path}: tila oli {was}, muut saattoivat lukea sen; nyt {now}"
            )
        now = None if fix.now is None else f"{fix.now:04o}"
        report.lines.append(line.format(path=fix.path, was=f"{fix.was:04o}", now=now))


def _damage_text(check: wal.WalCheck) -> str:
    """What :meth:`wal.WalCheck.describe` says, in the command line's language."""
    if not check.damaged:
        intact = translate("Outbox", "kirjoitusloki ehjä ({kept}/{frames} kehystä käytössä)")
        return intact.format(kept=check.kept, frames=len(check.frames))
    if not check.header_intact:
        text = translate(
            "Outbox",
            "kirjoitusloki (outbox.db-wal) on vaurioitunut otsakkeestaan ({frames} kehystä), "
            "ja {beyond} vahvistettua transaktiota on ehjänä vaurion takana: lähtevien "
            "avaaminen hävittäisi ne lopullisesti",
        )
    else:
        text = translate(
            "Outbox",
            "kirjoitusloki (outbox.db-wal) on vaurioitunut kehyksen {frame}/{frames} kohdalta, "
            "ja {beyond} vahvistettua transaktiota on ehjänä vaurion takana: lähtevien "
            "avaaminen hävittäisi ne lopullisesti",
        )
    frame = (check.first_bad or 0) + 1
    return text.format(frame=frame, frames=len(check.frames), beyond=len(check.beyond))


def outbox_status(setup: OutboxSetup) -> Report:
    report = Report()
    try:
        outbox = setup.open()
    except OutboxError as error:
        return _outbox_failure(report, error, setup)
    with outbox:
        counts = outbox.counts()
        last = outbox.last_delivery()
        file_format = outbox.file_format()
    document = _counts_document(counts)
    document["last_delivery"] = {code: when.isoformat() for code, when in sorted(last.items())}
    document["format"] = file_format
    report.document["outbox"] = {"ok": True, **document}
    summary = translate(
        "Outbox",
        "lähtevät: {waiting} odottaa, {sending} lähdössä, {attention} vaatii huomiota, "
        "{drafts} luonnos(ta)",
    )
    report.lines.append(
        summary.format(
            waiting=counts.waiting,
            sending=counts.sending,
            attention=counts.attention,
            drafts=counts.drafts,
        )
    )
    _modes(report, report.document["outbox"], outbox.mode_fixes)
    if counts.access:
        access = translate(
            "Outbox",
            "  käyttötapahtumat: {count} toimittamatta rekisterinpitäjien käyttölokeihin; "
            "lähtevien poistaminen hävittää ne",
        )
        report.lines.append(access.format(count=counts.access))
    if counts.drafts:
        # Not undelivered work (the exit code ignores them), but the only copy of what
        # a worker typed: whoever removes the outbox must know.
        drafts = translate(
            "Outbox",
            "  luonnokset: {count} tallentamaton(ta) lomake(tta), tarjotaan takaisin, kun "
            "sovellus käynnistyy; lähtevien poistaminen hävittää ne",
        )
        report.lines.append(drafts.format(count=counts.drafts))
    file_line = translate(
        "Outbox", "  tiedosto: skeema {schema}, salaus {cipher} ({page_size} tavun sivut, {hmac})"
    )
    report.lines.append(file_line.format(**file_format))
    for code, count in sorted(counts.per_municipality.items()):
        when = last.get(code)
        line = translate("Outbox", "  {code}: {count} kohde(tta); viimeksi toimitettu {when}")
        never = translate("Outbox", "ei koskaan")
        when_text = when.isoformat() if when else never
        report.lines.append(line.format(code=code, count=count, when=when_text))
    for code, count in sorted(counts.held.items()):
        held = translate(
            "Outbox",
            "  {code}: {count} kohde(tta) PIDÄTETTY: käytäntö nimeää nyt toisen "
            "rekisterinpitäjän, järjestelmän tai osoitteen kuin niille tallennettaessa. Jos "
            "siirto on tarkoitettu: paivystys outbox confirm-destination --municipality {code}",
        )
        report.lines.append(held.format(code=code, count=count))
    if _undelivered(counts):
        report.exit_code = EXIT_NEEDS_ACTION
    return report


def _undelivered(counts: OutboxCounts) -> bool:
    """Items that have not reached their system yet: exit 1 (README), drafts aside."""
    return bool(
        counts.waiting or counts.sending or counts.attention or counts.manual or counts.access
    )


def outbox_flush(
    setup: OutboxSetup, workstation: Workstation, may_send: MaySend | None = None
) -> Report:
    """Deliver everything waiting now, ignoring backoff; with ``may_send``, only the
    items it allows (their author's own sign-in); the rest wait untouched."""
    report = Report()
    try:
        outbox = setup.open()
    except OutboxError as error:
        return _outbox_failure(report, error, setup)
    with outbox:
        service = SendingService(outbox, workstation, may_send=may_send)
        codes = [municipality.code for municipality in workstation.policy.municipalities]
        flushed = service.flush(force=codes)
        counts = outbox.counts()
    if flushed.busy:
        # Each municipality has its own sender lock: another sender (the app, another
        # flush) delivering to some of them leaves the others to this flush.
        busy = translate(
            "Outbox",
            "flush: {codes} jäi toimittamatta: toinen lähettäjä (sovellus tai toinen flush) "
            "toimittaa sinne; niiden kohteet odottavat sitä",
        )
        report.lines.append(busy.format(codes=", ".join(flushed.busy)))
    if flushed.locked_out:
        report.exit_code = EXIT_BUSY
        report.lines.append(
            translate(
                "Outbox",
                "flush: mitään ei toimitettu (kaikki oli toisen lähettäjän); yritä myöhemmin",
            )
        )
    summary = {outcome.value: flushed.count(outcome) for outcome in Outcome}
    report.document = {
        "locked_out": flushed.locked_out,
        "busy": flushed.busy,
        "flushed": flushed.flushed,
        "recovered": flushed.recovered,
        "results": summary,
        "outbox": _counts_document(counts),
    }
    flush_line = translate(
        "Outbox",
        "flush: {delivered} toimitettu, {retry} odottaa yhä, {attention} vaatii huomiota",
    )
    report.lines.append(
        flush_line.format(
            delivered=summary["delivered"], retry=summary["retry"], attention=summary["attention"]
        )
    )
    after = translate(
        "Outbox", "lähtevät: {waiting} odottaa, {attention} vaatii huomiota, {drafts} luonnos(ta)"
    )
    report.lines.append(
        after.format(waiting=counts.waiting, attention=counts.attention, drafts=counts.drafts)
    )
    _modes(report, report.document["outbox"], outbox.mode_fixes)
    if report.exit_code == EXIT_OK and _undelivered(counts):
        report.exit_code = EXIT_NEEDS_ACTION
    return report


def probe_deadline(policy: Policy) -> float:
    """How long doctor waits for the systems: the slowest one's request deadline (its
    connect and read timeouts) and a margin. Probes run side by side."""
    slowest = max(
        (m.system.connect_timeout + m.system.read_timeout for m in policy.municipalities),
        default=0.0,
    )
    return slowest + DOCTOR_MARGIN


def outbox_salvage(setup: OutboxSetup, now: dt.datetime | None = None) -> Report:
    """Salvage a damaged outbox into a new one, the old files moved aside, never deleted.

    Exit 0 when the new outbox is in place (or nothing needed salvaging), 1 when it
    was made but helpdesk must put it in place by hand, 4 when nothing could be done.
    """
    report = Report()
    path = setup.profile_dir / OUTBOX_FILE
    if not any_outbox_file(path):
        report.document["salvage"] = {"needed": False}
        nothing = translate("Outbox", "salvage: ei lähteviä hakemistossa {profile}; ei tehtävää")
        report.lines.append(nothing.format(profile=setup.profile_dir))
        return report
    try:
        found = wal.check_file(sibling(path, "-wal"))
    except OSError as error:
        return _outbox_failure(report, OutboxError(f"log unreadable ({error.strerror})"), setup)
    if found is None or not found[0].damaged:
        try:
            with setup.open() as outbox:
                _modes(report, report.document.setdefault("outbox", {}), outbox.mode_fixes)
        except Corrupt:
            pass  # damaged in the main file: read what can be read
        except OutboxError as error:
            return _outbox_failure(report, error, setup)
        else:
            report.document["salvage"] = {"needed": False}
            fine = translate(
                "Outbox", "salvage: lähtevät aukeavat eivätkä ole vaurioituneet; ei tehtävää"
            )
            report.lines.insert(0, fine)
            return report
    try:
        key = setup.keystore.get()
        if key is None:
            raise KeyMissing("no outbox key in the credential store: nothing can be read")
        result = salvage(setup.profile_dir, key, now or dt.datetime.now(dt.UTC))
    except OutboxError as error:
        return _outbox_failure(report, error, setup)
    return _salvage_report(report, setup, result)


def _salvage_report(report: Report, setup: OutboxSetup, result: SalvageResult) -> Report:
    report.document["salvage"] = {
        "needed": True,
        "damage": None if result.damage is None else result.damage.document(),
        "items": result.items,
        "states": result.states,
        "drafts": result.drafts,
        "uncertain": result.uncertain,
        "authors_unreadable": result.authors_unreadable,
        "lost_keys": result.lost,
        "views": [view.document() for view in result.views],
        "new_outbox": str(result.new_outbox),
        "installed": result.installed,
        "old_files_moved_to": None if result.moved_to is None else str(result.moved_to),
        "not_installed": result.not_installed,
    }
    if result.damage is not None:
        damage = translate("Outbox", "vaurio: {damage}")
        report.lines.append(damage.format(damage=_damage_text(result.damage)))
    salvaged = translate(
        "Outbox",
        "salvage: {items} kohde(tta) ({waiting} odottaa, {attention} vaatii huomiota, "
        "{manual} faksi(a)) ja {drafts} luonnos(ta) pelastettu uusiin lähteviin",
    )
    report.lines.append(
        salvaged.format(
            items=result.items,
            waiting=result.states["waiting"],
            attention=result.states["attention"],
            manual=result.states["manual"],
            drafts=result.drafts,
        )
    )
    if result.uncertain:
        uncertain = translate(
            "Outbox",
            "  {count} kohde(tta) löytyi vain vauriota edeltäneestä tilasta: ne on ehkä "
            "toimitettu tai hylätty sen jälkeen, joten ne odottavat työntekijää (vaatii "
            "huomiota) eivätkä lähde itsestään",
        )
        report.lines.append(uncertain.format(count=result.uncertain))
    if result.authors_unreadable:
        unknown = translate(
            "Outbox",
            "  {count} kohteen tai luonnoksen tekijäsarakkeissa ei ole tekijää: säilytetty "
            "tekijä tuntemattomana (ei koskaan keksitty); sellaiset kohteet odottavat "
            "työntekijää (vaatii huomiota) eivätkä lähde kenenkään kirjautuneen nimissä",
        )
        report.lines.append(unknown.format(count=result.authors_unreadable))
    if result.lost:
        lost = translate(
            "Outbox",
            "  {count} kohde(tta) ei voitu lukea (vaurioituneilla sivuilla); niiden "
            "idempotenssiavaimet: {keys}",
        )
        report.lines.append(lost.format(count=len(result.lost), keys=", ".join(result.lost)))
    _modes(report, report.document["salvage"], result.mode_fixes)
    status = _command(setup, "outbox status")
    if result.installed:
        moved = translate("Outbox", "  vaurioituneet tiedostot siirrettiin (ei poistettu): {moved}")
        report.lines.append(moved.format(moved=result.moved_to))
        in_place = translate("Outbox", "  uudet lähtevät ovat käytössä: {new}")
        report.lines.append(in_place.format(new=result.new_outbox))
        next_step = translate(
            "Outbox",
            "  seuraavaksi: aja '{status}' ja käynnistä sitten sovellus: se toimittaa "
            "odottavat. Säilytä {moved}, kunnes kaikki on toimitettu.",
        )
        report.lines.append(next_step.format(status=status, moved=result.moved_to))
        return report
    report.exit_code = EXIT_NEEDS_ACTION
    not_in_place = translate("Outbox", "  uusia lähteviä EI otettu käyttöön: {reason}")
    report.lines.append(not_in_place.format(reason=result.not_installed))
    new = translate("Outbox", "  uudet lähtevät: {new}")
    report.lines.append(new.format(new=result.new_outbox))
    by_hand = translate(
        "Outbox",
        "  seuraavaksi: sovellus suljettuna siirrä outbox.db, outbox.db-wal ja outbox.db-shm "
        "hakemistosta {profile} sivuun toiseen kansioon (älä poista mitään), nimeä {name} "
        "nimelle outbox.db ja aja sitten '{status}'",
    )
    report.lines.append(
        by_hand.format(profile=setup.profile_dir, name=result.new_outbox.name, status=status)
    )
    return report


def _probe(workstation: Workstation, code: str) -> dict[str, Any]:
    try:
        health = workstation.probe(code)
    except errors.ConnectorError as error:
        return {"reachable": False, "error": type(error).__name__, "detail": error.detail}
    except Exception as error:  # a bug must not hide the other systems' answers
        return {"reachable": False, "error": type(error).__name__, "detail": "unexpected error"}
    return {"reachable": True, "version": health.system_version}


def _probe_all(
    workstation: Workstation, codes: Sequence[str], deadline: float
) -> dict[str, dict[str, Any]]:
    """Every system probed at once, each on a thread of its own; a probe not done within
    ``deadline`` seconds is reported as no answer and left behind (a daemon thread: it
    ends at its request's own deadline and keeps no process from exiting)."""
    results: dict[str, dict[str, Any]] = {}
    lock = threading.Lock()

    def probe(code: str) -> None:
        result = _probe(workstation, code)
        with lock:
            results[code] = result

    threads = [
        threading.Thread(target=probe, args=(code,), name=f"doctor-probe-{code}", daemon=True)
        for code in codes
    ]
    for thread in threads:
        thread.start()
    end = time.monotonic() + deadline
    for thread in threads:
        thread.join(max(0.0, end - time.monotonic()))
    with lock:
        answered = dict(results)
    unanswered = {
        "reachable": False,
        "error": "NoAnswer",
        "detail": f"no answer within {deadline:g} s",
    }
    return {code: answered.get(code, unanswered) for code in codes}


def doctor(
    policy: Policy, setup: OutboxSetup, workstation: Workstation, deadline: float | None = None
) -> Report:
    """Policy, credential store, outbox and each system: what works, what needs action.

    The systems are probed side by side; doctor answers within ``deadline`` seconds of
    starting the probes (by default :func:`probe_deadline`), a system that has not
    answered by then reported as "no answer within N s".
    """
    report = Report()
    count = len(policy.municipalities)
    report.document["policy"] = {"ok": True, "municipalities": count, "serial": policy.serial}
    policy_line = translate("Doctor", "käytäntö: kunnossa ({count} kuntaa, sarjanumero {serial})")
    report.lines.append(policy_line.format(count=count, serial=policy.serial))
    try:
        backend = setup.keystore.backend_name()
        backend_line = translate("Doctor", "avainsäilö: {backend}").format(backend=backend)
    except OutboxError as error:
        backend = f"unavailable ({error.code})"
        unavailable = translate("Doctor", "avainsäilö: ei käytettävissä ({code})")
        backend_line = unavailable.format(code=error.code)
    report.document["keyring"] = {"backend": backend}
    report.lines.append(backend_line)
    status = outbox_status(setup)
    report.document["outbox"] = status.document["outbox"]
    report.lines += status.lines
    report.exit_code = status.exit_code
    codes = [municipality.code for municipality in policy.municipalities]
    wait = probe_deadline(policy) if deadline is None else deadline
    probes = _probe_all(workstation, codes, wait)
    report.document["systems"] = probes
    for municipality in policy.municipalities:
        result = probes[municipality.code]
        state = translate("Doctor", "tavoitettavissa")
        if result.get("error") == "NoAnswer":
            no_answer = translate("Doctor", "EI tavoitettavissa (ei vastausta {seconds:g} s:ssa)")
            state = no_answer.format(seconds=wait)
        elif not result["reachable"]:
            unreachable = translate("Doctor", "EI tavoitettavissa ({error})")
            state = unreachable.format(error=result["error"])
        system = translate("Doctor", "järjestelmä {code} {name} ({type}): {state}")
        report.lines.append(
            system.format(
                code=municipality.code,
                name=municipality.name_fi,
                type=municipality.system.type,
                state=state,
            )
        )
        if not result["reachable"] and report.exit_code == EXIT_OK:
            report.exit_code = EXIT_NEEDS_ACTION
    report.document["checked_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    report.document["ok"] = report.exit_code == EXIT_OK
    return report


def outbox_confirm_destination(setup: OutboxSetup, workstation: Workstation, code: str) -> Report:
    """Helpdesk confirms that municipality ``code``'s items go where the policy now says."""
    report = Report()
    try:
        destination = workstation.destination(code)
    except KeyError:
        report.exit_code = EXIT_USAGE
        unknown = translate("Outbox", "confirm-destination: käytännössä ei ole kuntaa {code}")
        report.lines.append(unknown.format(code=repr(code)))
        report.document = {"ok": False, "error": "unknown_municipality"}
        return report
    try:
        outbox = setup.open()
    except OutboxError as error:
        return _outbox_failure(report, error, setup)
    with outbox:
        count = outbox.rebind(code, destination, utc_now())
    report.document = {"municipality": code, "destination": destination, "rebound": count}
    rebound = translate(
        "Outbox",
        "confirm-destination: {count} kohde(tta) kunnasta {code} lähtee nyt osoitteeseen "
        "{destination}; sovellus tai `paivystys outbox flush` lähettää ne",
    )
    report.lines.append(rebound.format(count=count, code=code, destination=destination))
    return report
