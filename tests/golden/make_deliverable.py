"""Makes the deliverable golden outboxes: one per outbox schema version, each made by
the code of that version, holding real items that today's training systems accept.

Run it once per schema version N, from a checkout of the commit of that version (it
imports ``app`` from the current directory, never from this file's repository):

    git -C REPO worktree add --detach /tmp/golden-vN COMMIT
    cd /tmp/golden-vN && REPO/.venv/bin/python REPO/tests/golden/make_deliverable.py \\
        --version N --out REPO/tests/golden/deliverable
    git -C REPO worktree remove /tmp/golden-vN

The commits the files in ``tests/golden/deliverable`` were made with (each the last
commit of its schema version):

    N  commit   the outbox of that version
    1  d910aa9  SQLCipher 4's default cipher profile; entries and events only
    2  c4d4e2a  the outbox's own cipher profile (since 0c8a992); notifications
    3  f5e3384  schema 3 (a pipelined flush)
    4  5b1c5ba  drafts (app/services/outbox/ is a package from here on)
    5  65c7792  each item bound to its destination
    6  c370df4  authors of items and drafts; access events (the current schema)

Everything is saved through that version's own public API (``SendingService`` and its
codecs, ``Outbox`` for what the sender and the UI do: a failed attempt, an item left
'sending' by a crash, a delivery, a draft), never by SQL. Keys, times and texts are
fixed, except the key of the discard's event, which every version's ``discard`` makes
itself (the manifest records it); the key of the file is random, written beside it as
hex (``outbox-vN.key``), and kept when the file is made again. It writes
``outbox-vN.db`` (closed, so its write-ahead log is checkpointed into it),
``outbox-vN.key`` and this file's entry in ``manifest.json``: what the file holds, and
what the current code should find in it after opening
(``tests/services/test_deliverable_golden.py`` reads it, and
``tests/golden/check_installed.sh`` compares an installed build's ``paivystys outbox
status --training --json`` with ``expected_status``).

Only names that exist in the version at hand are imported (by name, per version):
this script must keep running under the oldest code it meets.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib
import json
import os
import secrets
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from types import SimpleNamespace
from typing import Any

# Every item is saved at T0 plus its number of minutes; the machine's clock is never read.
T0 = dt.datetime(2026, 11, 30, 21, 15, tzinfo=dt.UTC)
HELSINKI = dt.timezone(dt.timedelta(hours=2))  # Finnish winter time: T0 is in November
NAMESPACE = uuid.UUID("5e1d0b9e-6a4f-4c1e-9b0d-2f8a7c3e1d55")
DRAFT_UPDATED_MINUTES = 30
SIGNED_IN_AT = T0 - dt.timedelta(hours=1)
# The training identity provider's first synthetic worker (who signs in by default), and
# the training systems' password user: the authors of the version 6 items.
OIDC_WORKER = ("tyontekija-901", "Áilu Čuoŋžá")
PASSWORD_WORKER = ("harjoittelija", "harjoittelija")
WORKER = "Päivystäjä Čuoŋžá"  # the entries' author text (the worker's name as typed)
LETTERS = "Ŋ Đ Ŧ Ž Š Č ä ö å"

# Synthetic clients of today's training data (app/training/data.py): the municipality,
# identity code, last name and first names.
CLIENTS = {
    "aino": ("106", "140317A903Y", "Mäkelä", "Aino"),
    "ovlla": ("186", "170586-911K", "Šuoŋŋa", "Ovllá"),
    "elle": ("186", "021184Y9128", "Šuoŋŋa", "Elle"),
    "sade": ("186", "090111B915Y", "Ylätalo", "Säde"),
    "veeti": ("505", "140317A933X", "Ŧeahkká", "Veeti"),
    "kerttu": ("505", "021184Y932W", "Ŧeahkká", "Kerttu"),
    "ante": ("505", "300878X9342", "Kärkkäinen", "Ánte"),
    "sylvi": ("858", "241269-956T", "Čoavdda", "Sylvi"),
}
PASSWORD_MUNICIPALITIES = ("858", "245")
ABOUT = [
    "Deliverable golden outboxes: files.<name> is outbox <name> (its key in the .key file",
    "beside it, hex), made by the code of outbox schema <schema> at <commit> with cipher",
    "profile <cipher> (tests/golden/make_deliverable.py). items: every item saved, in",
    "saved order (the outbox's ids), with its state once the current code has opened the",
    "file ('gone' with why: delivered or discarded before the upgrade; such a marker must",
    "never reach a system) and the marker its delivered record carries. drafts: the",
    "unsaved forms kept (never sent). expected_status: what 'paivystys outbox status",
    "--training --json' reports under .outbox once the file is the training outbox (every",
    "key given here equal; .outbox.format.cipher equal to cipher, .outbox.format.schema",
    "the current schema; exit code 1: items wait). tests/golden/check_installed.sh checks",
    "an installed build so; tests/services/test_deliverable_golden.py delivers them.",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", type=int, required=True, choices=range(1, 7))
    parser.add_argument("--out", type=Path, required=True)
    arguments = parser.parse_args()
    sys.path.insert(0, os.getcwd())  # the old code's app, not this repository's
    version: int = arguments.version
    api = load_api(version)
    out: Path = arguments.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    key_file = out / f"outbox-v{version}.key"
    key_hex = key_file.read_text().strip() if key_file.exists() else secrets.token_hex(32)
    with tempfile.TemporaryDirectory() as scratch:
        made = Path(scratch) / "outbox.db"
        entry = make(api, version, made, bytes.fromhex(key_hex))
        leftovers = sorted(p.name for p in made.parent.iterdir() if p.name.startswith("outbox.db-"))
        if leftovers:
            raise SystemExit(f"the outbox was not closed whole: {leftovers}")
        (out / f"outbox-v{version}.db").write_bytes(made.read_bytes())
    key_file.write_text(key_hex + "\n")
    entry["commit"] = _commit()
    manifest_file = out / "manifest.json"
    files = json.loads(manifest_file.read_text())["files"] if manifest_file.exists() else {}
    files[f"outbox-v{version}.db"] = entry
    manifest = {"about": ABOUT, "files": dict(sorted(files.items()))}
    manifest_file.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return 0


# -- the version's own names ---------------------------------------------------------


def load_api(version: int) -> SimpleNamespace:
    """The names this script uses, from where version ``version`` keeps them."""
    if version <= 3:
        places = {
            "outbox": "app.services.outbox",
            "codec": "app.services.codec",
            "sending": "app.services.sending",
            "model": "app.services.model",
            "hetu": "app.services.hetu",
            "policy": "app.services.policy",
            "schema": "app.services.outbox_file",
        }
    else:
        places = {
            "outbox": "app.services.outbox.store",
            "codec": "app.services.outbox.codec",
            "sending": "app.services.outbox.sending",
            "model": "app.domain.model",
            "hetu": "app.domain.hetu",
            "policy": "app.services.policy.load",
            "schema": "app.services.outbox.schema",
            "drafts": "app.services.outbox.drafts",
            "items": "app.services.outbox.items",
        }
    places |= {
        "paths": "app.services.paths",
        "workstation": "app.services.workstation",
        "base": "app.connectors.base",
    }
    if version >= 6:
        places |= {"author": "app.domain.author", "access": "app.domain.access"}
    api = SimpleNamespace(
        **{name: importlib.import_module(where) for name, where in places.items()}
    )
    found = api.schema.SCHEMA_VERSION
    if found != version:
        raise SystemExit(f"this checkout's outbox is schema {found}, not {version}")
    if not api.outbox.__file__.startswith(os.getcwd()):
        raise SystemExit("app was not imported from the current directory")
    return api


# -- making the file -----------------------------------------------------------------


@dataclasses.dataclass
class Made:
    """What the manifest says of one item."""

    key: uuid.UUID
    municipality: str
    kind: str
    client: str
    marker: str
    state: str  # after opening by the current code; "gone" when no longer in the file
    attempts: int = 0
    author: str | None = None
    gone: str | None = None  # why it is no longer in the outbox (delivered, discarded)
    delivered_at: dt.datetime | None = None

    def document(self) -> dict[str, Any]:
        return {
            "key": str(self.key),
            "municipality": self.municipality,
            "kind": self.kind,
            "client": self.client,
            "marker": self.marker,
            "state": self.state,
            "attempts": self.attempts,
            "author": self.author,
            **({"gone": self.gone} if self.gone else {}),
        }


class Maker:
    """Saves the items of one golden file through version ``version``'s API."""

    def __init__(self, api: SimpleNamespace, version: int, path: Path, key: bytes) -> None:
        self.api = api
        self.version = version
        self.now = T0
        self.outbox = api.outbox.Outbox.open(path, key)
        policy = api.policy.load_policy(api.paths.EXAMPLE_POLICY)
        policy = dataclasses.replace(policy, training=True)
        station = api.workstation.Workstation(policy, lambda municipality: None)
        self.sending = api.sending.SendingService(
            self.outbox, station, clock=lambda: self.now, poll=3600.0
        )
        self.made: list[Made] = []
        self.drafts: list[dict[str, Any]] = []

    def tick(self) -> tuple[int, str]:
        """The next item's number and marker; the clock moves to its minute."""
        number = len(self.made) + 1
        self.now = T0 + dt.timedelta(minutes=number)
        return number, f"KULTA-V{self.version}-{number:02d}"

    def key(self, number: int) -> uuid.UUID:
        return uuid.uuid5(NAMESPACE, f"deliverable v{self.version} item {number}")

    def author(self, code: str) -> Any:
        """The saving worker as signed in (version 6 on); None before authors."""
        if self.version < 6:
            return None
        author = self.api.author
        if code in PASSWORD_MUNICIPALITIES:
            worker_id, name, method = *PASSWORD_WORKER, author.SignInMethod.PASSWORD
        else:
            worker_id, name, method = *OIDC_WORKER, author.SignInMethod.OIDC
        return author.Author(worker_id, name, "keusote", method, SIGNED_IN_AT)

    def with_author(self, code: str) -> dict[str, Any]:
        author = self.author(code)
        return {} if author is None else {"saved_by": author}

    def entry(self, who: str, what: str) -> tuple[Any, Made]:
        """Save a duty entry for client ``who``; the stored item and its manifest row."""
        code, hetu, last, first = CLIENTS[who]
        number, marker = self.tick()
        model = self.api.model
        entry = model.DutyEntry(
            hetu=self.api.hetu.parse_hetu(hetu),
            contact_time=self.now.astimezone(HELSINKI) - dt.timedelta(minutes=20),
            contact_channel=model.ContactChannel.POLICE,
            task_type=model.TaskType.CHILD_PROTECTION,
            narrative=f"{what} [{marker}] {LETTERS}",
            measures=f"Soitettu huoltajalle; tilanne rauhoittui. {LETTERS}",
            follow_up_needed=True,
            author=WORKER,
            idempotency_key=self.key(number),
        )
        stored = self.sending.save_entry(
            code, entry, first_names=first, last_name=last, **self.with_author(code)
        )
        row = Made(entry.idempotency_key, code, "entry", hetu, marker, "waiting")
        row.author = _worker_id(self.author(code))
        self.made.append(row)
        return stored, row

    def notification(self, who: str) -> Made:
        """Save a child welfare notification (schema 2 on) for child ``who``."""
        code, hetu, last, first = CLIENTS[who]
        number, marker = self.tick()
        received = self.now.astimezone(HELSINKI) - dt.timedelta(minutes=10)
        base = self.api.base
        notification = base.ChildWelfareNotification(
            child_hetu=self.api.hetu.parse_hetu(hetu),
            child_last_name=last,
            child_first_names=first,
            notifier_organisation="Itä-Uudenmaan poliisilaitos",
            notifier_person="Vanhempi konstaapeli Ŋiillas Đuolbmá",
            notifier_phone="+358 29 000 0000",
            what_happened=f"Lapsi tavattiin yöllä yksin asemalta [{marker}]. {LETTERS}",
            urgency=base.NotificationUrgency.URGENT,
            child_informed=True,
            guardians_informed=None,
            received_at=received,
            receiving_worker=WORKER,
            idempotency_key=self.key(number),
        )
        label = self.api.codec.item_label(
            notification.child_hetu, "lastensuojeluilmoitus", received, first, last
        )
        self.sending.save_notification(code, notification, label, **self.with_author(code))
        row = Made(notification.idempotency_key, code, "notification", hetu, marker, "waiting")
        row.author = _worker_id(self.author(code))
        self.made.append(row)
        return row

    def discard(self, stored: Any, row: Made) -> None:
        """The system refused the entry; the worker discarded it: its event item waits."""
        _number, marker = self.tick()
        self.mark_sending([stored])
        error = "Rejected: Kirjaus hylättiin harjoituksessa."
        if self.version <= 3:
            self.outbox.needs_attention(stored.id, error)
        else:
            self.outbox.mark_attention(stored.id, error)
        reason = f"Kirjattu uudelleen puhelimessa [{marker}]. {LETTERS}"
        who: Any = WORKER if self.version < 6 else self.author(row.municipality)
        event = self.sending.discard(stored.id, reason, who)
        row.state, row.gone = "gone", "discarded"
        self.made.append(Made(event.key, row.municipality, "event", row.client, marker, "waiting"))
        self.made[-1].author = _worker_id(self.author(row.municipality))

    def access(self, who: str) -> None:
        """An access event (version 6 on): the worker viewed the client's card."""
        code, hetu, _last, _first = CLIENTS[who]
        number, marker = self.tick()
        access = self.api.access
        event = access.AccessEvent(
            author=self.author(code),
            occurred_at=self.now,
            municipality=code,
            hetu=self.api.hetu.parse_hetu(hetu),
            action=access.AccessAction.VIEW,
            purpose=f"{access.DEFAULT_PURPOSE} [{marker}]",
            idempotency_key=self.key(number),
        )
        self.sending.save_access(event)
        # The item records no author: the event names its worker in its payload.
        self.made.append(Made(event.idempotency_key, code, "access", hetu, marker, "waiting"))

    def draft(self, who: str) -> None:
        """An entry form's unsaved text (schema 4 on)."""
        code, hetu, last, first = CLIENTS[who]
        marker = f"KULTA-V{self.version}-LUONNOS"
        key = uuid.uuid5(NAMESPACE, f"deliverable v{self.version} draft")
        drafts = self.api.drafts
        fields = {
            "contact_time": (T0.astimezone(HELSINKI) - dt.timedelta(minutes=5)).isoformat(),
            "contact_channel": self.api.model.ContactChannel.EMERGENCY_112.value,
            "task_type": self.api.model.TaskType.CHILD_PROTECTION.value,
            "narrative": f"Hätäkeskus välitti ilmoituksen [{marker}]. {LETTERS}",
            "measures": "",
            "follow_up_needed": False,
        }
        content = drafts.DraftContent(
            form="entry",
            municipality=code,
            hetu=self.api.hetu.parse_hetu(hetu),
            fields=fields,
            client_name=f"{last} {first}",
        )
        updated = T0 + dt.timedelta(minutes=DRAFT_UPDATED_MINUTES)
        extra = {} if self.version < 6 else {"author": self.author(code)}
        self.outbox.save_draft(
            self.api.items.Draft(
                key=key,
                form="entry",
                municipality=code,
                client=content.client,
                payload=drafts.draft_to_payload(content),
                updated=updated,
                **extra,
            )
        )
        self.drafts.append(
            {
                "key": str(key),
                "form": "entry",
                "municipality": code,
                "client": hetu,
                "marker": marker,
                "updated": updated.isoformat(),
                "author": _worker_id(self.author(code)),
            }
        )

    def mark_sending(self, items: list[Any]) -> None:
        """What the sender does before it calls the system."""
        if self.version <= 2:
            for item in items:
                self.outbox.mark_sending(item.id)
        else:
            self.outbox.mark_sending_many([item.id for item in items])

    def deliver(self, stored: Any, row: Made) -> None:
        """What the sender does once the system confirmed the item."""
        self.mark_sending([stored])
        moment = T0 + dt.timedelta(minutes=len(self.made), seconds=30)
        if self.version <= 2:
            self.outbox.delivered(stored.id, moment)
        elif self.version == 3:
            self.outbox.delivered_many([stored], moment)
        else:
            self.outbox.mark_delivered([stored], moment)
        row.state, row.gone, row.delivered_at = "gone", "delivered", moment

    def failed_once(self, stored: Any, row: Made) -> None:
        """The system did not answer: the item waits for its next attempt (already due)."""
        self.mark_sending([stored])
        next_attempt = T0 + dt.timedelta(minutes=len(self.made), seconds=45)
        self.outbox.retry_later(stored.id, "Unreachable: connection refused", next_attempt)
        row.attempts = 1


def make(api: SimpleNamespace, version: int, path: Path, key: bytes) -> dict[str, Any]:
    maker = Maker(api, version, path, key)
    try:
        first, row = maker.entry("aino", "Poliisi pyysi arviota yöllä; lapsi turvassa.")
        maker.failed_once(first, row)
        maker.entry("aino", "Toinen yhteydenotto samasta perheestä aamuyöllä.")
        if version >= 2:
            maker.notification("veeti")
        crashed, row = maker.entry("ovlla", "Aikuissosiaalityön kriisikäynti kotona.")
        maker.mark_sending([crashed])
        row.state = "sending"  # left so by a crash: the next sender puts it back in line
        maker.entry("kerttu", "Nuori haettiin kotiin poliisin pyynnöstä.")
        maker.entry("sylvi", "Iäkäs asiakas tavoitettu puhelimitse; kotihoito ilmoitettu.")
        done, row = maker.entry("elle", "Arvio tehty; jatkotoimet virka-aikana.")
        maker.deliver(done, row)
        refused, row = maker.entry("ante", "Väärin kirjattu yhteydenotto.")
        maker.discard(refused, row)
        if version >= 6:
            maker.access("aino")
        if version >= 4:
            maker.draft("sade")
        cipher = cipher_of(api, version, maker.outbox)
    finally:
        maker.outbox.close()
    return manifest_entry(version, maker, cipher)


def cipher_of(api: SimpleNamespace, version: int, outbox: Any) -> str:
    """The cipher profile the new file was made with."""
    if version == 1:
        return "v1"  # version 1 knew one profile, SQLCipher 4's defaults, later named "v1"
    profile = getattr(outbox, "cipher", None)
    if profile is None:  # version 2 made every new file with its CIPHER, not kept on the object
        profile = api.schema.CIPHER
    return str(profile.name)


def manifest_entry(version: int, maker: Maker, cipher: str) -> dict[str, Any]:
    present = [row for row in maker.made if row.gone is None]
    work = [row for row in present if row.kind != "access"]
    places: dict[str, int] = {}
    for row in work:
        places[row.municipality] = places.get(row.municipality, 0) + 1
    delivered = [row for row in maker.made if row.gone == "delivered"]
    return {
        "schema": version,
        "cipher": cipher,
        "items": [row.document() for row in maker.made],
        "drafts": maker.drafts,
        # What `paivystys outbox status --training --json` says of the file once the
        # current code has opened it (migrated to the current schema, cipher kept).
        "expected_status": {
            "waiting": sum(row.state == "waiting" for row in work),
            "sending": sum(row.state == "sending" for row in work),
            "needs_attention": 0,
            "manual": 0,
            "drafts": len(maker.drafts),
            "access_events": len(present) - len(work),
            "per_municipality": dict(sorted(places.items())),
            "held_for_new_address": {},
            "last_delivery": {
                row.municipality: row.delivered_at.isoformat()
                for row in delivered
                if row.delivered_at is not None
            },
        },
    }


def _worker_id(author: Any) -> str | None:
    return None if author is None else str(author.worker_id)


def _commit() -> str:
    return subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
