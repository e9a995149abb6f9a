"""The helpdesk commands as real processes: what they say, their exit codes, no client data."""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import subprocess
import urllib.request
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.connectors.base import Credentials
from app.services.outbox import file as outbox_file
from app.services.outbox import schema as outbox_schema
from app.services.outbox.profile import TRAINING_KEY_FILE
from app.services.outbox.sending import SendingService
from app.services.outbox.store import Draft, Outbox
from app.services.workstation import Workstation
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.fakes import closed_port_url
from tests.helpers import SAVED_BY, app_command, entry_for, records

ROOT = Path(__file__).resolve().parents[2]


def run(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        app_command(profile, "--lang", "en", *args),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=dict(os.environ),
    )


def training_outbox(profile: Path) -> Outbox:
    """The training outbox the commands use, opened the way they open it."""
    from app.services.outbox.profile import OutboxSetup

    setup = OutboxSetup.for_mode(training=True)
    assert str(setup.profile_dir).startswith(str(profile))
    return setup.open()


def test_doctor_on_a_healthy_training_setup(training: TrainingServer, profile: Path) -> None:
    done = run(profile, "doctor", "--json", "--training-server", training.url)
    assert done.returncode == 0, done.stdout + done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    assert report["ok"] is True
    assert report["policy"]["municipalities"] == 6
    assert report["policy"]["serial"] == 0  # the example policy has none
    assert report["outbox"]["ok"] is True
    assert all(system["reachable"] for system in report["systems"].values())


def test_doctor_names_an_unreachable_system(training: TrainingServer, profile: Path) -> None:
    code = training.policy.municipalities[2].code
    training.set_online(code, False)
    done = run(profile, "doctor", "--training-server", training.url)
    assert done.returncode == 1
    line = next(line for line in done.stdout.splitlines() if line.startswith(f"system {code}"))
    assert "NOT reachable (Unreachable)" in line


def test_outbox_status_and_flush_deliver_waiting_entries(
    training: TrainingServer, profile: Path
) -> None:
    code = training.policy.municipalities[0].code
    client = training.systems[code].clients[0]
    entry = entry_for(client.hetu)
    down = closed_port_url()
    from dataclasses import replace

    offline_policy = replace(
        training.policy,
        municipalities=tuple(
            replace(m, system=replace(m.system, endpoint=down))
            for m in training.policy.municipalities
        ),
    )
    outbox = training_outbox(profile)
    station = Workstation(
        offline_policy, lambda m: Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
    )
    SendingService(outbox, station).save_entry(
        code, entry, first_names=client.first_names, saved_by=SAVED_BY
    )
    outbox.close()
    station.close()

    status = run(profile, "outbox", "status", "--json", "--training-server", training.url)
    # An item waits: something needs action (README: exit 1).
    assert status.returncode == 1, status.stderr
    document = json.loads(status.stdout)["outbox"]
    assert document["waiting"] == 1
    doctor = run(profile, "doctor", "--json", "--training-server", training.url)
    assert doctor.returncode == 1, doctor.stdout
    assert json.loads(doctor.stdout)["systems"][code]["reachable"]  # only the item says 1
    # The file's format, for helpdesk: this app made it, so the current schema and cipher.
    assert document["format"] == {
        "schema": outbox_schema.SCHEMA_VERSION,
        "cipher": outbox_file.CIPHER.name,
        "page_size": 1024,
        "hmac": "HMAC_SHA256",
    }
    assert client.hetu.value not in status.stdout
    assert client.first_names not in status.stdout

    flushed = run(profile, "outbox", "flush", "--training-server", training.url)
    assert flushed.returncode == 0, flushed.stdout + flushed.stderr
    assert "1 delivered" in flushed.stdout
    with urllib.request.urlopen(training.description["inspect"], timeout=10) as reply:
        inspect = json.load(reply)
    assert [r["idempotency_key"] for r in inspect[code]] == [str(entry.idempotency_key)]
    again = run(profile, "outbox", "status", "--json", "--training-server", training.url)
    assert json.loads(again.stdout)["outbox"]["waiting"] == 0
    assert again.returncode == 0, again.stdout


def test_outbox_flush_leaves_a_municipality_another_sender_has(
    training: TrainingServer, profile: Path
) -> None:
    """Each municipality has its own sender lock: while another sender (here, this test)
    delivers to one, the flush delivers to the others and names the one it left; exit 5
    only when it could flush nothing at all."""
    theirs, ours = training.policy.municipalities[0], training.policy.municipalities[1]
    outbox = training_outbox(profile)
    station = Workstation(
        training.policy, lambda m: Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
    )
    service = SendingService(outbox, station)
    for municipality in (theirs, ours):
        client = training.systems[municipality.code].clients[0]
        service.save_entry(municipality.code, entry_for(client.hetu), saved_by=SAVED_BY)
    lock = outbox.sender_lock(theirs.code)
    assert lock.try_acquire()
    try:
        done = run(profile, "outbox", "flush", "--json", "--training-server", training.url)
        assert done.returncode == 1, done.stdout + done.stderr  # theirs still waits
        report = json.loads(done.stdout)
        assert (report["busy"], report["flushed"]) == ([theirs.code], [ours.code])
        assert report["locked_out"] is False
        assert report["results"]["delivered"] == 1
        # Only theirs is left: nothing this flush may do.
        again = run(profile, "outbox", "flush", "--training-server", training.url)
        assert again.returncode == 5, again.stdout + again.stderr
        assert f"flush: {theirs.code} not flushed: another sender" in again.stdout
    finally:
        lock.release()
        outbox.close()
        station.close()
    with urllib.request.urlopen(training.description["inspect"], timeout=10) as reply:
        inspect = json.load(reply)
    assert (len(inspect[theirs.code]), len(inspect[ours.code])) == (0, 1)


def test_outbox_that_cannot_be_opened_is_left_untouched(
    training: TrainingServer, profile: Path
) -> None:
    outbox = training_outbox(profile)
    outbox.close()
    from app.services.outbox.profile import OutboxSetup

    setup = OutboxSetup.for_mode(training=True)
    key_file = setup.profile_dir / TRAINING_KEY_FILE
    key_file.write_text(secrets.token_hex(32), encoding="ascii")  # a different key
    before = {p.name: p.read_bytes() for p in setup.profile_dir.iterdir()}
    done = run(profile, "outbox", "status", "--training-server", training.url)
    assert done.returncode == 4
    assert "NOT OPENED (wrong_key)" in done.stdout
    assert {p.name: p.read_bytes() for p in setup.profile_dir.iterdir()} == before


def test_outbox_status_and_doctor_count_drafts_without_asking_for_action(
    training: TrainingServer, profile: Path
) -> None:
    """Drafts are not undelivered work (exit 0), but helpdesk sees them before removing
    an outbox: the count in the text and the JSON, and no word of their content."""
    client = training.systems[training.policy.municipalities[0].code].clients[0]
    text = "Luonnos: Ŋuvdi Šáŋŋá kertoi yöllä"
    outbox = training_outbox(profile)
    now = dt.datetime.now(dt.UTC)
    for form in ("entry", "notification"):
        outbox.save_draft(Draft(uuid.uuid4(), form, "186", client.hetu.value, text.encode(), now))
    outbox.close()

    status = run(profile, "outbox", "status", "--json", "--training-server", training.url)
    assert status.returncode == 0, status.stdout + status.stderr
    document = json.loads(status.stdout)["outbox"]
    assert (document["drafts"], document["waiting"], document["per_municipality"]) == (2, 0, {})
    human = run(profile, "outbox", "status", "--training-server", training.url)
    assert human.returncode == 0
    assert "0 needing attention, 2 draft(s)" in human.stdout
    assert "drafts: 2 unsaved form(s)" in human.stdout
    doctor = run(profile, "doctor", "--json", "--training-server", training.url)
    assert doctor.returncode == 0, doctor.stdout
    assert json.loads(doctor.stdout)["outbox"]["drafts"] == 2
    for output in (status.stdout, human.stdout, doctor.stdout):
        assert client.hetu.value not in output
        assert "Šáŋŋá" not in output
    flushed = run(profile, "outbox", "flush", "--json", "--training-server", training.url)
    assert flushed.returncode == 0, flushed.stdout + flushed.stderr
    report = json.loads(flushed.stdout)
    assert (report["results"]["delivered"], report["outbox"]["drafts"]) == (0, 2)
    assert all(records == [] for records in training.inspect().values())


def test_items_saved_for_another_destination_wait_until_helpdesk_confirms(
    training: TrainingServer, profile: Path
) -> None:
    """The policy now maps a municipality to another registrar than when its entry was
    saved: flush sends nothing there, status says so, and confirm-destination frees it."""
    municipality = training.policy.municipalities[0]
    code = municipality.code
    other = next(r.id for r in training.policy.registrars if r.id != municipality.registrar)
    earlier = replace(municipality, registrar=other)
    earlier_policy = replace(
        training.policy,
        municipalities=tuple(
            earlier if m.code == code else m for m in training.policy.municipalities
        ),
    )
    client = training.systems[code].clients[0]
    entry = entry_for(client.hetu)
    outbox = training_outbox(profile)
    station = Workstation(
        earlier_policy, lambda m: Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
    )
    SendingService(outbox, station).save_entry(code, entry, saved_by=SAVED_BY)
    outbox.close()
    station.close()

    flushed = run(profile, "outbox", "flush", "--training-server", training.url)
    assert flushed.returncode == 1, flushed.stdout + flushed.stderr
    assert "0 delivered" in flushed.stdout
    assert records(training, code) == []
    status = run(profile, "outbox", "status", "--json", "--training-server", training.url)
    assert json.loads(status.stdout)["outbox"]["held_for_new_address"] == {code: 1}
    human = run(profile, "outbox", "status", "--training-server", training.url)
    assert f"confirm-destination --municipality {code}" in human.stdout

    missing = run(profile, "outbox", "confirm-destination", "--training-server", training.url)
    assert missing.returncode == 64
    confirmed = run(
        profile,
        "outbox",
        "confirm-destination",
        "--municipality",
        code,
        "--training-server",
        training.url,
    )
    assert confirmed.returncode == 0, confirmed.stdout + confirmed.stderr
    assert f"1 item(s) of {code} now go to {training.policy.destination(code)}" in confirmed.stdout
    flushed = run(profile, "outbox", "flush", "--training-server", training.url)
    assert flushed.returncode == 0, flushed.stdout + flushed.stderr
    assert [r["idempotency_key"] for r in records(training, code)] == [str(entry.idempotency_key)]
