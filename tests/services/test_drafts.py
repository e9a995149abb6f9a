"""Drafts in the encrypted outbox: a form's unsaved text, kept durably, never sent.

Real SQLCipher files, real child processes killed with SIGKILL, the real sender
delivering to the training systems on 127.0.0.1. The crash campaign
(``tests/crash_campaign.py``) kills a typing child at random moments.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
import threading
import uuid
from pathlib import Path

import pytest

from app.domain.hetu import make_hetu
from app.domain.kinds import ItemKind
from app.services.outbox.delivery import FAR_FUTURE
from app.services.outbox.keys import OutboxError
from app.services.outbox.sending import SendingService
from app.services.outbox.store import Draft, Outbox, OutgoingItem, WrongKey
from app.training.server import TrainingServer
from tests.helpers import SAVED_BY, encodings, entry_for, files_under, run_child
from tests.keyring_backend import Snapshot

pytest_plugins = ["tests.outbox_fixtures"]

T0 = dt.datetime(2026, 11, 26, 21, 15, tzinfo=dt.UTC)
SECOND = dt.timedelta(seconds=1)
CLIENT = make_hetu(dt.date(2016, 2, 29), 958).value
OTHER = make_hetu(dt.date(1984, 10, 3), 962).value
NARRATIVE = "KANARIALUONNOS: Đuolbmá Šáŋŋá kertoi yöllä, että Ŧ Ž Č ä ö å"


def form_text(text: str) -> bytes:
    """The fields as the UI would encode them: JSON, non-ASCII kept as it is."""
    return json.dumps({"narrative": text, "measures": ""}, ensure_ascii=False).encode()


def draft(
    key: uuid.UUID | None = None,
    text: str = "Poliisi soitti",
    at: dt.datetime = T0,
    client: str = CLIENT,
    municipality: str = "186",
    form: str = "entry",
) -> Draft:
    return Draft(key or uuid.uuid4(), form, municipality, client, form_text(text), at)


def entry_item(key: uuid.UUID, payload: bytes = b"{}", client: str = CLIENT) -> OutgoingItem:
    return OutgoingItem(key, "186", ItemKind.ENTRY, client, "label", payload)


# -- save, replace, list, delete --------------------------------------------------


def test_a_draft_is_replaced_by_its_key_and_listed_oldest_first(box: Outbox) -> None:
    first = draft(text="P", at=T0)
    box.save_draft(first)
    assert box.drafts() == [first]
    typed = [draft(first.key, "Poliisi soitti"[:n], T0 + n * SECOND) for n in range(2, 15)]
    for version in typed:
        box.save_draft(version)
    assert box.drafts() == [typed[-1]]
    # Everything of the row follows the last save: the worker may change the client.
    moved = draft(first.key, "Poliisi soitti.", T0 + 20 * SECOND, OTHER, "245", "notification")
    box.save_draft(moved)
    older = draft(text="Aamun lomake", at=T0 + 5 * SECOND, client="")  # a person without a code
    box.save_draft(older)
    assert box.drafts() == [older, moved]
    assert box.counts().drafts == 2
    assert box.integrity_check() == []


def test_delete_draft_says_whether_there_was_one(box: Outbox) -> None:
    kept, discarded = draft(), draft(text="Hylätään")
    box.save_draft(kept)
    box.save_draft(discarded)
    assert box.delete_draft(discarded.key) is True
    assert box.delete_draft(discarded.key) is False
    assert box.delete_draft(uuid.uuid4()) is False
    assert box.drafts() == [kept]


def test_drafts_survive_close_and_reopen(path: Path, key: bytes) -> None:
    saved = draft(text=NARRATIVE)
    with Outbox.open(path, key) as box:
        box.save_draft(saved)
    with Outbox.open(path, key) as box:
        assert box.drafts() == [saved]
        assert box.drafts()[0].payload == form_text(NARRATIVE)


def test_a_draft_is_checked_and_its_repr_shows_no_client_data(box: Outbox) -> None:
    with pytest.raises(TypeError, match="UUID"):
        box.save_draft(Draft(str(uuid.uuid4()), "entry", "186", CLIENT, b"", T0))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="form"):
        box.save_draft(draft(form=""))
    with pytest.raises(ValueError, match="time zone"):
        box.save_draft(draft(at=dt.datetime(2026, 11, 26, 23, 15)))
    with pytest.raises(TypeError, match="payload"):
        box.save_draft(Draft(uuid.uuid4(), "entry", "186", CLIENT, NARRATIVE, T0))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="UUID"):
        box.delete_draft(str(uuid.uuid4()))  # type: ignore[arg-type]
    assert box.drafts() == []
    shown = draft(text=NARRATIVE)
    box.save_draft(shown)
    for text in (repr(shown), str(shown), repr(box.drafts())):
        assert str(shown.key) in text
        assert CLIENT not in text
        assert "KANARIA" not in text


def test_threads_save_drafts_and_items_at_once(box: Outbox) -> None:
    keys = [uuid.uuid4() for _ in range(4)]

    def type_and_save(n: int) -> None:
        for length in range(1, 31):
            box.save_draft(draft(keys[n], "x" * length, T0 + length * SECOND))
        box.put(entry_item(keys[n], form_text("x" * 30)), T0, draft_key=keys[n])

    def save_others() -> None:
        for _ in range(30):
            box.put(entry_item(uuid.uuid4(), client=OTHER), T0)

    workers = [threading.Thread(target=type_and_save, args=(n,)) for n in range(4)]
    workers.append(threading.Thread(target=save_others))
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert box.drafts() == []
    assert len(box.items()) == 34
    assert box.integrity_check() == []


# -- saving the form: the draft goes in the same transaction -----------------------


def test_put_with_draft_key_deletes_that_draft_only(box: Outbox) -> None:
    form, other = draft(text=NARRATIVE), draft(text="Toinen lomake")
    box.save_draft(form)
    box.save_draft(other)
    stored = box.put(entry_item(form.key, form_text(NARRATIVE)), T0, draft_key=form.key)
    assert box.items() == [stored]
    assert box.drafts() == [other]
    # A draft key with no draft (a form saved twice, a draft never written) is no error.
    box.put(entry_item(uuid.uuid4()), T0, draft_key=uuid.uuid4())
    assert box.drafts() == [other]
    with pytest.raises(TypeError, match="draft_key"):
        box.put(entry_item(uuid.uuid4()), T0, draft_key=str(other.key))  # type: ignore[arg-type]
    assert box.drafts() == [other]


def test_put_deletes_the_draft_named_even_under_another_key_than_the_item(box: Outbox) -> None:
    """put reuses the item's key text for the usual draft key; any other key is its own."""
    form, other = draft(text=NARRATIVE), draft(text="Toinen lomake")
    box.save_draft(form)
    box.save_draft(other)
    stored = box.put(entry_item(uuid.uuid4(), form_text(NARRATIVE)), T0, draft_key=form.key)
    assert box.items() == [stored]
    assert box.drafts() == [other]


def test_the_item_and_the_draft_deletion_commit_together(box: Outbox) -> None:
    """The draft's deletion fails inside put: the item is not saved either."""
    form = draft(text=NARRATIVE)
    box.save_draft(form)
    box._query(
        "CREATE TEMP TRIGGER refuse AFTER DELETE ON drafts BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    with pytest.raises(OutboxError):
        box.put(entry_item(form.key, form_text(NARRATIVE)), T0, draft_key=form.key)
    assert box.items() == []
    assert box.drafts() == [form]
    box._query("DROP TRIGGER refuse")
    stored = box.put(entry_item(form.key, form_text(NARRATIVE)), T0, draft_key=form.key)
    assert (box.items(), box.drafts()) == ([stored], [])


def test_a_repeated_save_deletes_the_draft_only_when_it_holds_the_same_text(
    box: Outbox,
) -> None:
    """put under a key saved before returns the earlier row: the draft goes if that row
    holds the draft's text, and stays (the only copy of newer text) if it does not."""
    key = uuid.uuid4()
    stored = box.put(entry_item(key, form_text("Ensimmäinen")), T0)
    box.save_draft(draft(key, "Ensimmäinen, ja lisää"))
    assert box.put(entry_item(key, form_text("Ensimmäinen, ja lisää")), T0, draft_key=key) == (
        stored
    )
    assert [d.key for d in box.drafts()] == [key]
    assert box.put(entry_item(key, form_text("Ensimmäinen")), T0, draft_key=key) == stored
    assert box.drafts() == []


CHILD_DRAFT = """
import datetime as dt, sys, time, uuid
from pathlib import Path
from app.services.outbox.store import Draft, Outbox
box = Outbox.open(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))
text = sys.argv[4]
for n in range(1, len(text) + 1):
    draft = Draft(uuid.UUID(sys.argv[3]), "entry", "186", sys.argv[5],
                  text[:n].encode(), dt.datetime.now(dt.UTC))
    box.save_draft(draft)
print("saved", flush=True)
time.sleep(60)
"""


def kill_after_typing(path: Path, key: bytes, form: uuid.UUID, text: str) -> None:
    with run_child(CHILD_DRAFT, str(path), key.hex(), str(form), text, CLIENT) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "saved"
        child.kill()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_draft_survives_kill_9_right_after_save_draft(path: Path, key: bytes) -> None:
    Outbox.open(path, key).close()
    form = uuid.uuid4()
    kill_after_typing(path, key, form, NARRATIVE)
    assert Path(f"{path}-wal").exists()  # not checkpointed: recovery reads the WAL
    with Outbox.open(path, key) as box:
        (found,) = box.drafts()
        assert (found.key, found.client, found.payload) == (form, CLIENT, NARRATIVE.encode())
        assert box.integrity_check() == []


# -- failing closed, no plaintext ------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_wrong_key_leaves_drafts_byte_identical(
    path: Path, key: bytes, file_snapshot: Snapshot, capfd: pytest.CaptureFixture[str]
) -> None:
    with Outbox.open(path, key) as box:
        box.save_draft(draft(text="Suljettuna"))
    form = uuid.uuid4()
    kill_after_typing(path, key, form, NARRATIVE)  # a draft only in the WAL
    before = file_snapshot(path.parent)
    assert {"outbox.db", "outbox.db-wal", "outbox.db-shm"} <= before.keys()
    with pytest.raises(WrongKey):
        Outbox.open(path, os.urandom(32))
    assert file_snapshot(path.parent) == before
    assert capfd.readouterr() == ("", "")
    with Outbox.open(path, key) as box:
        assert sorted(d.payload for d in box.drafts()) == sorted(
            [NARRATIVE.encode(), form_text("Suljettuna")]
        )


def test_no_plaintext_of_a_draft_on_disk(
    path: Path, key: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The canary typed into a form: in no file while typed, replaced, saved or discarded."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    canaries = [CLIENT, NARRATIVE, "KANARIALUONNOS", "Đuolbmá Šáŋŋá"]

    def leaks() -> list[str]:
        return [
            f"{file.name}: {canary[:6]}…"
            for file in files_under(path.parent, temp)
            for canary in canaries
            for encoded in encodings(canary)
            if encoded in file.read_bytes()
        ]

    saved, discarded = uuid.uuid4(), uuid.uuid4()
    with Outbox.open(path, key) as box:
        for n in range(10, len(NARRATIVE) + 1, 10):
            box.save_draft(draft(saved, NARRATIVE[:n], T0 + n * SECOND))
        box.save_draft(draft(saved, NARRATIVE, T0 + 99 * SECOND))
        box.save_draft(draft(discarded, NARRATIVE, T0))
        assert {"outbox.db-wal", "outbox.db-shm"} <= {p.name for p in path.parent.iterdir()}
        assert leaks() == []  # while typing: main file, WAL and shared memory
        box.put(entry_item(saved, form_text(NARRATIVE)), T0, draft_key=saved)
        box.delete_draft(discarded)
        assert leaks() == []
    assert leaks() == []
    # The positive control: the text is there, for the key's holder.
    with Outbox.open(path, key) as box:
        assert NARRATIVE in box.items()[0].payload.decode()


# -- never sent ------------------------------------------------------------------


def test_drafts_never_reach_the_sender(
    outbox: Outbox, sending: SendingService, training: TrainingServer
) -> None:
    """With only drafts in the outbox the sender finds nothing; with an entry saved
    from a draft, exactly that entry is recorded, once, and the other drafts stay."""
    codes = [m.code for m in training.policy.municipalities]
    code = codes[0]
    client = training.systems[code].clients[0]
    entry = entry_for(client.hetu, NARRATIVE)
    # Drafts as the UI keeps them: an entry form's under the key its entry will have.
    forms = [entry.idempotency_key, uuid.uuid4(), uuid.uuid4()]
    for n, form in enumerate(forms):
        payload = form_text(NARRATIVE if n == 0 else f"Luonnos {n}")
        outbox.save_draft(Draft(form, "entry", codes[n], client.hetu.value, payload, T0))
    notification = draft(text="Ilmoitus", form="notification", municipality=code)
    outbox.save_draft(notification)
    assert outbox.recover() == 0
    assert outbox.municipalities_with_due(FAR_FUTURE) == []
    assert outbox.next_due_time() is None
    for each in codes:
        assert outbox.due(each, FAR_FUTURE) == []
        assert outbox.lines(each, FAR_FUTURE) == []
    report = sending.flush(force=codes)
    assert (report.events, report.recovered, report.locked_out) == ([], 0, False)
    assert all(records == [] for records in training.inspect().values())
    counts = outbox.counts()
    assert (counts.waiting, counts.sending, counts.attention, counts.manual) == (0, 0, 0, 0)
    assert (counts.drafts, counts.per_municipality) == (4, {})

    stored = sending.save_entry(
        code,
        entry,
        first_names=client.first_names,
        draft_key=entry.idempotency_key,
        saved_by=SAVED_BY,
    )
    assert {d.key for d in outbox.drafts()} == {*forms[1:], notification.key}
    assert outbox.counts().per_municipality == {code: 1}
    sending.flush(force=codes)
    recorded = {c: [r["idempotency_key"] for r in rs] for c, rs in training.inspect().items()}
    assert recorded[code] == [str(stored.key)]
    assert sum(len(keys) for keys in recorded.values()) == 1
    assert outbox.items() == []
    assert outbox.counts().drafts == 3
