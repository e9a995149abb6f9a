"""The helpdesk commands' work: ``doctor`` and ``outbox status|flush|salvage``. No client data.

Each returns a plain report the entry point prints as text or JSON; the exit
codes are decided here so that they are the same whoever prints them.
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
    return (
        f"copy outbox.db, outbox.db-wal and outbox.db-shm from {setup.profile_dir} aside "
        f"(a backup; delete nothing), then run '{_command(setup, 'outbox salvage')}'"
    )


def _outbox_failure(report: Report, error: OutboxError, setup: OutboxSetup) -> Report:
    report.exit_code = EXIT_OUTBOX
    document: dict[str, Any] = {"ok": False, "error": error.code, "detail": error.detail}
    report.lines.append(f"outbox: NOT OPENED ({error.code}): {error.detail}")
    report.lines.append(f"  profile: {setup.profile_dir}; nothing was changed there.")
    if isinstance(error, Damaged):
        document["damage"] = error.check.document()
        document["remedy"] = _salvage_remedy(setup)
        report.lines.append(f"  to do: {document['remedy']}.")
    report.document["outbox"] = document
    return report


def _modes(report: Report, document: dict[str, Any], fixes: tuple[ModeFix, ...]) -> None:
    """Files or the directory found open to others, made private on opening: never kept quiet."""
    document["modes_fixed"] = [fix.document() for fix in fixes]
    for fix in fixes:
        report.lines.append(f"  mode: {fix.describe()}")


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
    report.lines.append(
        f"outbox: {counts.waiting} waiting, {counts.sending} sending, "
        f"{counts.attention} needing attention, {counts.drafts} draft(s)"
    )
    _modes(report, report.document["outbox"], outbox.mode_fixes)
    if counts.access:
        report.lines.append(
            f"  access events: {counts.access} not yet delivered to the registrars' access "
            "logs; removing the outbox loses them"
        )
    if counts.drafts:
        # Not undelivered work (the exit code ignores them), but the only copy of what
        # a worker typed: whoever removes the outbox must know.
        report.lines.append(
            f"  drafts: {counts.drafts} unsaved form(s), offered back when the app starts; "
            "removing the outbox loses them"
        )
    report.lines.append(
        f"  file: schema {file_format['schema']}, cipher {file_format['cipher']} "
        f"({file_format['page_size']}-byte pages, {file_format['hmac']})"
    )
    for code, count in sorted(counts.per_municipality.items()):
        when = last.get(code)
        report.lines.append(
            f"  {code}: {count} item(s); last delivery {when.isoformat() if when else 'never'}"
        )
    for code, count in sorted(counts.held.items()):
        report.lines.append(
            f"  {code}: {count} item(s) HELD: the policy now names another registrar, system "
            "or endpoint than they were saved for. If the move is intended: "
            f"paivystys outbox confirm-destination --municipality {code}"
        )
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
        report.lines.append(
            f"flush: {', '.join(flushed.busy)} not flushed: another sender (the app or a "
            "flush) is delivering there; their items wait for it"
        )
    if flushed.locked_out:
        report.exit_code = EXIT_BUSY
        report.lines.append("flush: nothing flushed (all of it was another sender's); try later")
    summary = {outcome.value: flushed.count(outcome) for outcome in Outcome}
    report.document = {
        "locked_out": flushed.locked_out,
        "busy": flushed.busy,
        "flushed": flushed.flushed,
        "recovered": flushed.recovered,
        "results": summary,
        "outbox": _counts_document(counts),
    }
    report.lines.append(
        f"flush: {summary['delivered']} delivered, {summary['retry']} still waiting, "
        f"{summary['attention']} need attention"
    )
    report.lines.append(
        f"outbox: {counts.waiting} waiting, {counts.attention} needing attention, "
        f"{counts.drafts} draft(s)"
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
        report.lines.append(f"salvage: no outbox in {setup.profile_dir}; nothing to do")
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
            report.lines.insert(0, "salvage: the outbox opens and is not damaged; nothing to do")
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
        report.lines.append(f"damage: {result.damage.describe()}")
    report.lines.append(
        f"salvage: {result.items} item(s) ({result.states['waiting']} waiting, "
        f"{result.states['attention']} needing attention, {result.states['manual']} fax(es)) "
        f"and {result.drafts} draft(s) salvaged into a new outbox"
    )
    if result.uncertain:
        report.lines.append(
            f"  {result.uncertain} item(s) were found only in the state before the damage: "
            "they may have been delivered or discarded since, so they wait for the worker "
            "(needing attention) instead of going by themselves"
        )
    if result.authors_unreadable:
        report.lines.append(
            f"  {result.authors_unreadable} item(s) or draft(s) had author columns that hold "
            "no author: kept with the author not known (never made up); such items wait for "
            "the worker (needing attention) instead of going under whoever signs in"
        )
    if result.lost:
        report.lines.append(
            f"  {len(result.lost)} item(s) could not be read (on damaged pages); their "
            f"idempotency keys: {', '.join(result.lost)}"
        )
    _modes(report, report.document["salvage"], result.mode_fixes)
    status = _command(setup, "outbox status")
    if result.installed:
        report.lines.append(f"  the damaged files were moved (not deleted) to {result.moved_to}")
        report.lines.append(f"  the new outbox is in place: {result.new_outbox}")
        report.lines.append(
            f"  next: run '{status}', then start the app: it delivers what waits. Keep "
            f"{result.moved_to} until everything is delivered."
        )
        return report
    report.exit_code = EXIT_NEEDS_ACTION
    report.lines.append(f"  the new outbox was NOT put in place: {result.not_installed}")
    report.lines.append(f"  new outbox: {result.new_outbox}")
    report.lines.append(
        f"  next: with the app closed, move outbox.db, outbox.db-wal and outbox.db-shm from "
        f"{setup.profile_dir} into a folder aside (delete nothing), rename "
        f"{result.new_outbox.name} to outbox.db, then run '{status}'"
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
    report.lines.append(f"policy: ok ({count} municipalities, serial {policy.serial})")
    try:
        backend = setup.keystore.backend_name()
    except OutboxError as error:
        backend = f"unavailable ({error.code})"
    report.document["keyring"] = {"backend": backend}
    report.lines.append(f"keyring: {backend}")
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
        state = "reachable" if result["reachable"] else f"NOT reachable ({result['error']})"
        if result.get("error") == "NoAnswer":
            state = f"NOT reachable ({result['detail']})"
        report.lines.append(
            f"system {municipality.code} {municipality.name_fi} "
            f"({municipality.system.type}): {state}"
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
        report.lines.append(f"confirm-destination: no municipality {code!r} in the policy")
        report.document = {"ok": False, "error": "unknown_municipality"}
        return report
    try:
        outbox = setup.open()
    except OutboxError as error:
        return _outbox_failure(report, error, setup)
    with outbox:
        count = outbox.rebind(code, destination, utc_now())
    report.document = {"municipality": code, "destination": destination, "rebound": count}
    report.lines.append(
        f"confirm-destination: {count} item(s) of {code} now go to {destination}; "
        "the app or `paivystys outbox flush` sends them"
    )
    return report
