"""Damage in the outbox's log is refused untouched and salvaged, never made permanent.

Issue 10, finding 2: five durable saves, SIGKILL (the log keeps every frame), one byte
flipped in a frame of the middle of ``outbox.db-wal``: ``outbox status`` said ok with
fewer items waiting, exit 0, and its own close checkpointed and deleted the log, so
the later commits were gone for good. Now the log is checked before anything opens
the outbox: status, flush and doctor exit 4 naming the damage with the three files
byte for byte as they were, and ``outbox salvage`` recovers the items into a new
outbox, the old files moved aside, never deleted.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from app.domain.kinds import ItemKind
from app.services.outbox import wal
from app.services.outbox.file import Damaged
from app.services.outbox.items import AUTHOR_UNREADABLE, SALVAGED
from app.services.outbox.keys import OutboxError
from app.services.outbox.locking import SenderLock
from app.services.outbox.profile import OutboxSetup
from app.services.outbox.salvage import salvage
from app.services.outbox.store import Draft, ItemState, Outbox, OutgoingItem
from app.training.server import TrainingServer
from app.ui.outbox.messages import RETRYABLE_OPEN_FAILURES, open_failure
from tests.helpers import ROOT, app_command, author, run_app
from tests.keyring_backend import Snapshot
from tests.portable import KILLED

pytest_plugins = ["tests.outbox_fixtures"]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and POSIX moves")
SAVES = 5
FILES = ("outbox.db", "outbox.db-wal", "outbox.db-shm")


@dataclass(frozen=True)
class Crashed:
    """The training outbox after SAVES durable saves and a SIGKILL."""

    profile_dir: Path
    keys: list[str]  # in the order saved
    check: wal.WalCheck
    commits: list[int]  # the commit frames; the last SAVES are the saves'

    @property
    def log(self) -> Path:
        return self.profile_dir / "outbox.db-wal"

    def frames_of_saves(self) -> list[wal.Frame]:
        """Frames of the saves that are not their commit frame and have a commit after them."""
        first = self.commits[-SAVES - 1] + 1
        return [f for f in self.check.frames[first : self.commits[-1]] if not f.commit]

    def rewritten_later(self, frame: wal.Frame) -> bool:
        return any(later.page == frame.page for later in self.check.frames[frame.number + 1 :])

    def saved_before(self, frame: wal.Frame) -> list[str]:
        """The keys committed before ``frame``'s transaction."""
        committed = sum(1 for commit in self.commits if commit < frame.number)
        return self.keys[: committed - (len(self.commits) - SAVES)]


def run(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_app("--lang", "en", *args, env=dict(os.environ), profile=profile)


def save_and_kill(profile: Path, count: int) -> list[str]:
    done = subprocess.run(
        app_command(profile, str(count), module="tests.wal_child"),
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == KILLED, done.stderr
    keys = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("saved ")]
    assert len(keys) == count
    return keys


@pytest.fixture
def crashed(profile: Path) -> Crashed:
    keys = save_and_kill(profile, SAVES)
    directory = OutboxSetup.for_mode(training=True).profile_dir
    assert str(directory).startswith(str(profile))
    check = wal.check_bytes((directory / "outbox.db-wal").read_bytes())
    assert not check.damaged
    assert check.kept == len(check.frames)  # SIGKILL: every committed frame is there
    commits = [frame.number for frame in check.frames if frame.commit]
    assert len(commits) > SAVES
    return Crashed(directory, keys, check, commits)


def flip(log: Path, frame: wal.Frame) -> None:
    """One byte of the frame's page data, as a disk or a stray write might."""
    data = bytearray(log.read_bytes())
    data[frame.offset + wal.FRAME_HEADER_BYTES + 100] ^= 0x01
    log.write_bytes(data)


def outbox_files(directory: Path, snapshot: Snapshot) -> dict[str, str]:
    found = snapshot(directory)
    assert set(FILES) <= found.keys()
    return {name: found[name] for name in FILES}


def test_a_damaged_log_is_refused_untouched_and_salvaged(
    crashed: Crashed, training: TrainingServer, file_snapshot: Snapshot, profile: Path
) -> None:
    frames = [f for f in crashed.frames_of_saves() if crashed.rewritten_later(f)]
    frame = frames[len(frames) // 2]
    flip(crashed.log, frame)
    before = outbox_files(crashed.profile_dir, file_snapshot)
    server = ("--training-server", training.url)

    status = run(profile, "outbox", "status", "--json", *server)
    assert status.returncode == 4, status.stdout + status.stderr
    document: dict[str, Any] = json.loads(status.stdout)["outbox"]
    assert document["ok"] is False
    assert document["error"] == "damaged"
    assert document["damage"]["first_bad_frame"] == frame.number + 1
    assert document["damage"]["commits_beyond_damage"] >= 1
    assert "outbox salvage --training" in document["remedy"]
    assert outbox_files(crashed.profile_dir, file_snapshot) == before

    for command in (("outbox", "flush"), ("doctor",)):
        done = run(profile, *command, *server)
        assert done.returncode == 4, done.stdout + done.stderr
        assert "NOT OPENED (damaged)" in done.stdout
        assert "write-ahead log (outbox.db-wal) is damaged" in done.stdout
        assert "outbox.db-shm" in done.stdout  # what helpdesk copies aside
        assert "paivystys outbox salvage --training" in done.stdout
        assert "Traceback" not in done.stderr
        assert outbox_files(crashed.profile_dir, file_snapshot) == before
    # The app's own open (the window's) is refused the same way, before any connection.
    with pytest.raises(Damaged):
        OutboxSetup.for_mode(training=True).open()
    assert outbox_files(crashed.profile_dir, file_snapshot) == before

    salvaged = run(profile, "outbox", "salvage", "--json", *server)
    assert salvaged.returncode == 0, salvaged.stdout + salvaged.stderr
    result: dict[str, Any] = json.loads(salvaged.stdout)["salvage"]
    assert result["installed"] is True
    assert result["items"] == SAVES  # the damaged page was written again later: all of them
    assert result["uncertain"] == 0
    assert result["lost_keys"] == []
    views = {view["view"]: view for view in result["views"]}
    assert views["last_good"]["items"] < SAVES  # what SQLite alone would have kept
    # The old files were moved, byte for byte, never deleted; the new outbox is in place.
    moved = Path(result["old_files_moved_to"])
    assert moved.parent == crashed.profile_dir
    assert moved.name.startswith("damaged-")
    assert outbox_files(moved, file_snapshot) == before
    assert (moved.stat().st_mode & 0o777) == 0o700
    with OutboxSetup.for_mode(training=True).open() as outbox:
        assert sorted(str(item.key) for item in outbox.items()) == sorted(crashed.keys)
        assert outbox.integrity_check() == []
    again = run(profile, "outbox", "status", "--json", *server)
    assert again.returncode == 1, again.stdout + again.stderr  # they wait to be delivered
    assert json.loads(again.stdout)["outbox"]["waiting"] == SAVES


def test_salvage_recovers_every_item_before_the_damage_wherever_it_is(
    crashed: Crashed, tmp_path: Path
) -> None:
    """A byte flipped in each frame of the saves in turn: the items committed before the
    damaged transaction are always salvaged, every other item is salvaged or named by its
    key as unreadable, and the files salvaged from are left as they were."""
    key = OutboxSetup.for_mode(training=True).keystore.get()
    assert key is not None
    frames = crashed.frames_of_saves()
    assert any(not crashed.rewritten_later(frame) for frame in frames)
    for frame in frames:
        copy = tmp_path / f"frame-{frame.number}"
        copy.mkdir(mode=0o700)
        for name in FILES:
            shutil.copyfile(crashed.profile_dir / name, copy / name)
        flip(copy / "outbox.db-wal", frame)
        damaged = {name: (copy / name).read_bytes() for name in FILES}
        result = salvage(copy, key, dt.datetime.now(dt.UTC), install=False)
        assert result.damage is not None
        assert result.damage.first_bad == frame.number
        assert {name: (copy / name).read_bytes() for name in FILES} == damaged
        with Outbox.open(result.new_outbox, key) as outbox:
            found = {str(item.key) for item in outbox.items()}
        assert set(crashed.saved_before(frame)) <= found, f"frame {frame.number}"
        assert found <= set(crashed.keys)
        assert found | set(result.lost) == set(crashed.keys), f"frame {frame.number}"
        if crashed.rewritten_later(frame):
            assert found == set(crashed.keys), f"frame {frame.number}"


def test_a_torn_tail_is_no_damage_and_opens(
    crashed: Crashed, training: TrainingServer, profile: Path
) -> None:
    """The last frame half written, as a crash in the middle of writing it leaves it: the
    last save is lost as SQLite always loses an unfinished commit, and nothing is refused."""
    last = crashed.check.frames[-1]
    with crashed.log.open("r+b") as stream:
        stream.truncate(last.offset + wal.FRAME_HEADER_BYTES + 300)
    status = run(profile, "outbox", "status", "--json", "--training-server", training.url)
    assert status.returncode == 1, status.stdout + status.stderr
    document = json.loads(status.stdout)["outbox"]
    assert document["ok"] is True
    assert document["waiting"] == SAVES - 1


def test_salvage_of_an_outbox_that_is_not_damaged_changes_nothing(
    crashed: Crashed, file_snapshot: Snapshot, profile: Path
) -> None:
    done = run(profile, "outbox", "salvage", "--training")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "not damaged; nothing to do" in done.stdout
    assert not list(crashed.profile_dir.glob("damaged-*"))
    assert not list(crashed.profile_dir.glob("outbox-salvaged-*"))


def test_salvage_leaves_the_new_outbox_beside_an_outbox_in_use(crashed: Crashed) -> None:
    """Another process holding the outbox open (its shared memory locked): the new outbox
    is made under its own name and the old files stay where they are."""
    flip(crashed.log, crashed.frames_of_saves()[0])
    key = OutboxSetup.for_mode(training=True).keystore.get()
    assert key is not None
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_SHM, str(crashed.profile_dir / "outbox.db-shm")],
        stdout=subprocess.PIPE,
        stdin=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        result = salvage(crashed.profile_dir, key, dt.datetime.now(dt.UTC))
    finally:
        holder.kill()
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()
        if holder.stdin is not None:
            holder.stdin.close()
    assert not result.installed
    assert result.not_installed is not None
    assert "open" in result.not_installed
    assert result.new_outbox.name.startswith("outbox-salvaged-")
    assert all((crashed.profile_dir / name).exists() for name in FILES)
    with Outbox.open(result.new_outbox, key) as outbox:
        assert len(outbox.items()) == SAVES


def test_salvage_leaves_the_new_outbox_beside_a_municipality_being_sent(
    crashed: Crashed,
) -> None:
    """A sender delivering to one municipality holds its lock (outbox.CODE.lock): the
    files are not moved under it."""
    flip(crashed.log, crashed.frames_of_saves()[0])
    key = OutboxSetup.for_mode(training=True).keystore.get()
    assert key is not None
    lock = SenderLock(crashed.profile_dir / "outbox.186.lock")
    assert lock.try_acquire()
    try:
        result = salvage(crashed.profile_dir, key, dt.datetime.now(dt.UTC))
    finally:
        lock.release()
    assert not result.installed
    assert result.not_installed is not None
    assert "lock" in result.not_installed
    assert all((crashed.profile_dir / name).exists() for name in FILES)
    with Outbox.open(result.new_outbox, key) as outbox:
        assert len(outbox.items()) == SAVES


# As an open SQLite connection does: a shared lock on the "dead man switch" byte.
HOLD_SHM = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
fcntl.lockf(fd, fcntl.LOCK_SH, 1, 128)
print("held", flush=True)
sys.stdin.read()
"""


def test_the_window_says_the_log_is_damaged_and_how_it_is_saved() -> None:
    check = wal.check_bytes(b"")
    text = open_failure(Damaged("the write-ahead log is damaged", check))
    assert "vioittunut" in text
    assert "paivystys outbox salvage" in text
    assert "Älä poista" in text
    assert "damaged" not in RETRYABLE_OPEN_FAILURES


def test_an_item_deleted_after_the_damage_comes_back_only_for_the_worker_to_check(
    tmp_path: Path, key: bytes
) -> None:
    """Delivered (deleted) after the damaged transaction, an item is still in the state
    before it: salvaged, but needing attention, never sent again by itself."""
    live = tmp_path / "live" / "outbox.db"
    now = dt.datetime(2026, 11, 27, 1, 0, tzinfo=dt.UTC)
    ends: list[int] = []  # the log's frame count after each step
    with Outbox.open(live, key) as outbox:
        stored = []
        for n in range(3):
            stored.append(outbox.put(item(n), now))
            ends.append(frames_in(live))
        outbox.mark_sending_many([stored[0].id])
        outbox.mark_delivered([replace(stored[0], state=ItemState.SENDING)], now)
        outbox.put(item(3), now)
        # Copied while open: the log as a crash would leave it.
        copy = tmp_path / "copy"
        copy.mkdir(mode=0o700)
        for name in FILES[:2]:
            shutil.copyfile(live.with_name(name), copy / name)
    check = wal.check_bytes((copy / "outbox.db-wal").read_bytes())
    # A frame of the third save, whose page a later transaction writes again.
    frame = next(
        f
        for f in check.frames[ends[1] : ends[2] - 1]
        if any(later.page == f.page for later in check.frames[f.number + 1 :])
    )
    flip(copy / "outbox.db-wal", frame)
    result = salvage(copy, key, now, install=False)
    assert result.uncertain == 1
    with Outbox.open(result.new_outbox, key) as outbox:
        found = {item.key: item for item in outbox.items()}
    assert set(found) == {stored[0].key, stored[1].key, stored[2].key, item(3).key}
    delivered = found[stored[0].key]
    assert delivered.state is ItemState.ATTENTION
    assert delivered.failure is not None
    assert delivered.failure.cause == SALVAGED
    assert all(i.state is ItemState.WAITING for k, i in found.items() if k != stored[0].key)


def item(n: int) -> OutgoingItem:
    return OutgoingItem(
        key=uuid.UUID(int=n + 1),
        municipality="186",
        kind=ItemKind.ENTRY,
        client=f"x{n}",
        label="A. B.",
        payload=b"{}" + b" " * 300,
    )


def frames_in(outbox_path: Path) -> int:
    size = outbox_path.with_name("outbox.db-wal").stat().st_size
    return (size - wal.HEADER_BYTES) // (wal.FRAME_HEADER_BYTES + 1024)


def test_salvage_reads_a_damaged_main_file_row_by_row(tmp_path: Path, key: bytes) -> None:
    """No log, a page of outbox.db damaged (it fails its integrity check): every page in
    turn. The items on intact pages are salvaged, those on the damaged one named by key;
    where nothing at all can be read, salvage says so and changes nothing."""
    live = tmp_path / "live" / "outbox.db"
    keys = set()
    with Outbox.open(live, key) as outbox:
        for n in range(24):
            keys.add(outbox.put(item(n), dt.datetime(2026, 11, 27, 1, n, tzinfo=dt.UTC)).key)
    pages = live.stat().st_size // 1024
    partial = 0
    for page in range(2, pages + 1):
        copy = tmp_path / f"page-{page}"
        copy.mkdir(mode=0o700)
        data = bytearray(live.read_bytes())
        data[(page - 1) * 1024 + 200] ^= 0x01
        (copy / "outbox.db").write_bytes(data)
        with pytest.raises(OutboxError):
            Outbox.open(copy / "outbox.db", key)
        try:
            result = salvage(copy, key, dt.datetime.now(dt.UTC), install=False)
        except OutboxError:
            assert (copy / "outbox.db").read_bytes() == data
            continue
        assert (copy / "outbox.db").read_bytes() == data
        with Outbox.open(result.new_outbox, key) as outbox:
            found = {item.key for item in outbox.items()}
        assert found | {uuid.UUID(lost) for lost in result.lost} == keys, f"page {page}"
        partial += 0 < len(found) < len(keys)
    assert partial > 0  # some page held only some of the items: read row by row


GOLDEN = Path(__file__).resolve().parents[1] / "golden"
NOW = dt.datetime(2026, 11, 27, 1, 0, tzinfo=dt.UTC)
AILU = author("Áilu Čuoŋžá", "ailu-901")
SAKARI = author("Šakari Ŋiemi", "sakari-902")
BOUND = "keusote/effica/https://effica.keusote.example/api"


def damaged_copy(live: Path, target: Path, after: int) -> None:
    """The open outbox's files copied into ``target`` as a crash leaves them, one byte
    flipped in the first frame from ``after`` on whose page a later transaction writes
    again (so every item stays readable in some view)."""
    target.mkdir(mode=0o700)
    for name in FILES[:2]:
        shutil.copyfile(live.with_name(name), target / name)
    check = wal.check_bytes((target / "outbox.db-wal").read_bytes())
    frame = next(
        f
        for f in check.frames[after:]
        if not f.commit and any(later.page == f.page for later in check.frames[f.number + 1 :])
    )
    flip(target / "outbox.db-wal", frame)


def test_salvage_keeps_each_items_author_and_destination(tmp_path: Path, key: bytes) -> None:
    """A damaged schema 6 outbox with items of two workers, one bound to a destination:
    each salvaged item keeps its author and destination, each draft its author, so
    none goes under another worker's sign-in nor loses its hold on a new address."""
    live = tmp_path / "live" / "outbox.db"
    saved = [
        replace(item(0), author=AILU, destination=BOUND),
        replace(item(1), author=SAKARI),
        replace(item(2), author=AILU),
        replace(item(3), author=SAKARI),
    ]
    drafts = [
        Draft(uuid.UUID(int=101), "entry", "186", "x9", b'{"n": 1}', NOW, author=AILU),
        Draft(uuid.UUID(int=102), "notification", "186", "", b'{"n": 2}', NOW, author=SAKARI),
    ]
    with Outbox.open(live, key) as outbox:
        for draft in drafts:
            outbox.save_draft(draft)
        ends = []
        for outgoing in saved:
            outbox.put(outgoing, NOW)
            ends.append(frames_in(live))
        damaged_copy(live, tmp_path / "copy", after=ends[1])
    result = salvage(tmp_path / "copy", key, NOW, install=False)
    assert result.damage is not None
    assert (result.uncertain, result.authors_unreadable, result.lost) == (0, 0, [])
    with Outbox.open(result.new_outbox, key) as outbox:
        found = {i.key: (i.author, i.destination, i.state) for i in outbox.items()}
        kept = {d.key: d.author for d in outbox.drafts()}
        assert outbox.integrity_check() == []
    assert found == {i.key: (i.author, i.destination, ItemState.WAITING) for i in saved}
    assert kept == {d.key: d.author for d in drafts}


def test_author_columns_that_hold_no_author_are_salvaged_as_no_worker(
    tmp_path: Path, key: bytes
) -> None:
    """Author columns partly NULL or invalid (which the outbox refuses as damaged) are
    never read as a worker: the item is kept, its author not known, and since an item of
    unknown author may go under whoever signs in, it waits for the worker instead of
    going by itself (an event too); a fax stays manual, a draft is kept."""
    live = tmp_path / "live" / "outbox.db"
    with Outbox.open(live, key) as outbox:
        good = outbox.put(replace(item(0), author=AILU, destination=BOUND), NOW)
        partial = outbox.put(replace(item(1), author=AILU, destination=BOUND), NOW)
        invalid = outbox.put(replace(item(2), kind=ItemKind.EVENT, author=SAKARI), NOW)
        fax = replace(item(3), kind=ItemKind.FAX, author=AILU)
        manual = outbox.put(fax, NOW, state=ItemState.MANUAL)
        draft = Draft(uuid.UUID(int=101), "entry", "186", "x9", b'{"n": 1}', NOW, author=AILU)
        outbox.save_draft(draft)
        with outbox._write() as db:
            db.execute(
                "UPDATE items SET author_name = NULL WHERE id IN (?, ?)", (partial.id, manual.id)
            )
            db.execute("UPDATE items SET author_method = 'telepathy' WHERE id = ?", (invalid.id,))
            db.execute("UPDATE drafts SET author_signed_in = NULL")
        with pytest.raises(OutboxError):
            outbox.items()  # the outbox itself refuses them as damaged
        after = frames_in(live)
        later = [outbox.put(replace(item(n), author=SAKARI), NOW) for n in (4, 5)]
        damaged_copy(live, tmp_path / "copy", after=after)
    result = salvage(tmp_path / "copy", key, NOW, install=False)
    assert result.damage is not None
    assert (result.uncertain, result.authors_unreadable, result.lost) == (0, 4, [])
    with Outbox.open(result.new_outbox, key) as outbox:
        found = {i.id: i for i in outbox.items()}
        (kept,) = outbox.drafts()
        assert outbox.integrity_check() == []
    assert set(found) == {good.id, partial.id, invalid.id, manual.id, *(i.id for i in later)}
    assert (found[good.id].author, found[good.id].state) == (AILU, ItemState.WAITING)
    assert all(found[i.id].author == SAKARI for i in later)
    for held in (partial, invalid):
        assert found[held.id].author is None
        assert found[held.id].state is ItemState.ATTENTION
        failure = found[held.id].failure
        assert failure is not None
        assert failure.cause == AUTHOR_UNREADABLE
    assert found[partial.id].destination == BOUND
    assert (found[manual.id].author, found[manual.id].state) == (None, ItemState.MANUAL)
    assert found[manual.id].failure is None
    assert (kept.key, kept.author, kept.payload) == (draft.key, None, draft.payload)


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5])
def test_salvage_of_an_older_outbox_gives_what_its_migration_gives(
    tmp_path: Path, version: int
) -> None:
    """A golden outbox of each version before authors: salvaged, its items and drafts
    have no author (not known, never made up) and the destinations its file holds
    (unbound before version 5), as its migration gives them."""
    key = bytes.fromhex((GOLDEN / f"outbox-v{version}.key").read_text().strip())
    for name in ("salvaged", "migrated"):
        (tmp_path / name).mkdir(mode=0o700)
        shutil.copyfile(GOLDEN / f"outbox-v{version}.db", tmp_path / name / "outbox.db")
    result = salvage(tmp_path / "salvaged", key, NOW, install=False)
    assert result.authors_unreadable == 0
    with Outbox.open(result.new_outbox, key) as outbox:
        salvaged = {i.key: (i.id, i.author, i.destination) for i in outbox.items()}
        drafts = {d.key: d.author for d in outbox.drafts()}
    with Outbox.open(tmp_path / "migrated" / "outbox.db", key) as outbox:
        migrated = {i.key: (i.id, i.author, i.destination) for i in outbox.items()}
        assert drafts == {d.key: d.author for d in outbox.drafts()}
    assert salvaged == migrated
    assert {author for _, author, _ in salvaged.values()} | set(drafts.values()) == {None}
    bound = {destination for _, _, destination in salvaged.values()} - {""}
    assert bound == (set() if version < 5 else {BOUND})
