"""Safe upgrades: the deliverable golden outboxes open in the current code with every item
and draft intact, and their waiting items reach today's training systems exactly once.

``tests/golden/deliverable/outbox-vN.db`` was made by the code of outbox schema N
(``tests/golden/make_deliverable.py`` says how, and with which commit): real entries, a
notification (schema 2 on), the record of a discard, an access event (schema 6) and a
draft (schema 4 on) for the training data's synthetic clients, one item left 'sending'
by a crash, one that had failed once, one delivered. ``manifest.json`` lists what each
holds; adding a file and its entry there adds it to these tests. Each test opens a copy:
the golden files themselves are never written.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.core
import pytest

from app.domain.kinds import ItemKind
from app.services.auth.oidc import Outcome as SignedIn
from app.services.auth.signins import SignIns
from app.services.auth.vault import TokenVault
from app.services.outbox import schema as outbox_schema
from app.services.outbox.access_codec import access_from_payload
from app.services.outbox.codec import (
    entry_from_payload,
    event_from_payload,
    notification_from_payload,
)
from app.services.outbox.delivery import Outcome
from app.services.outbox.drafts import draft_from_payload
from app.services.outbox.items import Draft, StoredItem
from app.services.outbox.sending import SendingService
from app.services.outbox.store import Outbox
from app.services.workstation import Workstation
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer
from tests.helpers import ROOT, access_log, login_browser, records
from tests.keyring_backend import MemoryKeyring

DELIVERABLE = Path(__file__).resolve().parents[1] / "golden" / "deliverable"
CHECK_INSTALLED = DELIVERABLE.parent / "check_installed.sh"
MANIFEST: dict[str, dict[str, Any]] = json.loads((DELIVERABLE / "manifest.json").read_text())[
    "files"
]
OIDC = "106"  # signs in to the region's identity provider: 106, 186 and 505 alike
OIDC_WORKER = "tyontekija-901"  # the training provider's worker who signs in
PASSWORD_CODES = ("858", "245")  # legacy systems: the training password

ITEM_FIELDS = ("key", "municipality", "kind", "client", "state", "attempts", "author")
DRAFT_FIELDS = ("key", "form", "municipality", "client", "updated", "author")
# The text of each kind of item in which its marker was written.
TEXTS: dict[ItemKind, Callable[[bytes], str]] = {
    ItemKind.ENTRY: lambda payload: entry_from_payload(payload).narrative,
    ItemKind.NOTIFICATION: lambda payload: notification_from_payload(payload).what_happened,
    ItemKind.EVENT: lambda payload: event_from_payload(payload).text,
    ItemKind.ACCESS: lambda payload: access_from_payload(payload).purpose,
}


def present(name: str) -> list[dict[str, Any]]:
    """The manifest's items still in the file (the delivered and discarded ones gone)."""
    return [item for item in MANIFEST[name]["items"] if "gone" not in item]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(params=sorted(MANIFEST))
def golden(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Outbox]]:
    """The golden file's name and a copy of it opened (so migrated) by the current code;
    afterwards, the golden file is as it was."""
    name: str = request.param
    original = DELIVERABLE / name
    before = digest(original)
    copy = tmp_path / "outbox.db"
    shutil.copyfile(original, copy)
    key = bytes.fromhex((DELIVERABLE / name.replace(".db", ".key")).read_text().strip())
    with Outbox.open(copy, key) as opened:
        yield name, opened
    assert digest(original) == before
    assert not list(DELIVERABLE.glob("*-wal"))
    assert not list(DELIVERABLE.glob("*-shm"))


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.core._keyring_backend
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.core._keyring_backend = previous


def test_every_golden_file_is_in_the_manifest_with_its_key() -> None:
    files = sorted(path.name for path in DELIVERABLE.glob("*.db"))
    assert files == sorted(MANIFEST)
    schemas = sorted(entry["schema"] for entry in MANIFEST.values())
    assert schemas == list(range(1, outbox_schema.SCHEMA_VERSION + 1))
    assert {entry["cipher"] for entry in MANIFEST.values()} == {"v1", "v2"}
    for name in files:
        assert (DELIVERABLE / name.replace(".db", ".key")).exists()


def test_the_current_code_migrates_it_with_every_item_and_draft_intact(
    golden: tuple[str, Outbox],
) -> None:
    name, outbox = golden
    expected = MANIFEST[name]
    file_format = outbox.file_format()
    assert file_format["schema"] == outbox_schema.SCHEMA_VERSION
    assert file_format["cipher"] == expected["cipher"]
    assert outbox.integrity_check() == []
    items = outbox.items()
    assert [summary(item) for item in items] == [
        {field: item[field] for field in ITEM_FIELDS} for item in present(name)
    ]
    for item, wanted in zip(items, present(name), strict=True):
        assert wanted["marker"] in TEXTS[item.kind](item.payload)
        if expected["schema"] >= 5:  # bound when saved; unbound ('') before schema 5
            assert item.destination
        else:
            assert item.destination == ""
    assert [draft_summary(draft) for draft in outbox.drafts()] == [
        {field: draft[field] for field in DRAFT_FIELDS} for draft in expected["drafts"]
    ]
    for draft, wanted in zip(outbox.drafts(), expected["drafts"], strict=True):
        content = draft_from_payload(draft.payload)
        assert wanted["marker"] in content.fields["narrative"]
        assert content.municipality == wanted["municipality"]
    assert status_of(outbox) == expected["expected_status"]


def test_its_waiting_items_are_delivered_once_and_its_drafts_stay(
    golden: tuple[str, Outbox],
    training: TrainingServer,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    name, outbox = golden
    sign_ins = SignIns(training.policy, vault=TokenVault(tmp_path / "sign-in", training=True))
    oidc = sign_ins.of(OIDC)
    assert oidc is not None
    with login_browser():
        assert oidc.sign_in().outcome is SignedIn.SIGNED_IN
    for code in PASSWORD_CODES:
        password = sign_ins.of(code)
        assert password is not None
        password.sign_in_with_password(TRAINING_USERNAME, TRAINING_PASSWORD, "")
    station = Workstation(
        training.policy, lambda m: sign_ins.access(m.code), on_refused=sign_ins.failed
    )
    service = SendingService(outbox, station, may_send=sign_ins.item_may_send)
    drafts = outbox.drafts()
    report = service.flush()
    assert sorted(str(event.key) for event in report.events) == sorted(
        item["key"] for item in present(name)
    )
    assert {event.outcome for event in report.events} == {Outcome.DELIVERED}
    assert outbox.items() == []
    assert outbox.drafts() == drafts
    received = everything_received(training)
    for item in present(name):
        (record,) = [r for r in received if item["marker"] in json.dumps(r, ensure_ascii=False)]
        assert record["idempotency_key"] == item["key"]
        if item["kind"] == "access":  # an access event names its worker in its own fields
            assert record["worker_id"] == OIDC_WORKER
        else:
            # Attributed to its author; one of unknown author (saved before schema 6) went
            # under whoever signed in there, and is attributed to nobody made up.
            assert record["author_id"] == item["author"]
    for item in MANIFEST[name]["items"]:
        if "gone" in item:  # delivered before the upgrade, or discarded: never sent now
            assert item["marker"] not in json.dumps(received, ensure_ascii=False)
    # Nothing is sent twice.
    assert service.flush(force=[m.code for m in training.policy.municipalities]).events == []
    assert everything_received(training) == received
    station.close()


@pytest.mark.skipif(shutil.which("jq") is None, reason="check_installed.sh needs jq")
def test_the_installed_build_check_passes_on_this_code_and_fails_a_wrong_count(
    tmp_path: Path,
) -> None:
    """tests/golden/check_installed.sh, which CI runs against an installed build, run
    against this checkout's ``python -m app``: every file as the manifest expects; and a
    manifest expecting another count fails it."""
    command = ["sh", str(CHECK_INSTALLED), sys.executable, "-m", "app"]
    passed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert passed.returncode == 0, passed.stdout
    assert passed.stdout.split() == [word for name in sorted(MANIFEST) for word in ("ok", name)]
    wrong = tmp_path / "golden"
    shutil.copytree(DELIVERABLE, wrong / "deliverable")
    shutil.copy(CHECK_INSTALLED, wrong)
    manifest = json.loads((wrong / "deliverable" / "manifest.json").read_text())
    first = sorted(MANIFEST)[0]
    manifest["files"][first]["expected_status"]["waiting"] += 1
    (wrong / "deliverable" / "manifest.json").write_text(json.dumps(manifest))
    command[1] = str(wrong / CHECK_INSTALLED.name)
    failed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert failed.returncode == 1
    assert f"FAIL  {first} (exit 1)" in failed.stdout


def summary(item: StoredItem) -> dict[str, Any]:
    """The item as the manifest lists it."""
    return {
        "key": str(item.key),
        "municipality": item.municipality,
        "kind": item.kind.value,
        "client": item.client,
        "state": item.state.value,
        "attempts": item.attempts,
        "author": None if item.author is None else item.author.worker_id,
    }


def draft_summary(draft: Draft) -> dict[str, Any]:
    """The draft as the manifest lists it."""
    return {
        "key": str(draft.key),
        "form": draft.form,
        "municipality": draft.municipality,
        "client": draft.client,
        "updated": draft.updated.isoformat(),
        "author": None if draft.author is None else draft.author.worker_id,
    }


def status_of(outbox: Outbox) -> dict[str, Any]:
    """What ``outbox status --json`` reports of these counts (app/services/helpdesk.py)."""
    counts = outbox.counts()
    return {
        "waiting": counts.waiting,
        "sending": counts.sending,
        "needs_attention": counts.attention,
        "manual": counts.manual,
        "drafts": counts.drafts,
        "access_events": counts.access,
        "per_municipality": dict(sorted(counts.per_municipality.items())),
        "held_for_new_address": dict(sorted(counts.held.items())),
        "last_delivery": {
            code: when.isoformat() for code, when in sorted(outbox.last_delivery().items())
        },
    }


def everything_received(training: TrainingServer) -> list[dict[str, Any]]:
    """Every record and access log entry of every training system, over HTTP."""
    found: list[dict[str, Any]] = []
    for municipality in training.policy.municipalities:
        found += records(training, municipality.code)
        found += access_log(training, municipality.code)
    return found
