"""The crash-safety campaign: kill -9 real senders and prove nothing is lost or doubled.

Shared by ``tests/services/test_crash.py`` (the CI share and the slow full campaign) and
by ``python -m tests.crash_campaign --trials 1000`` (the full campaign from a
shell). ``docs/crash-safety.md`` says what is proved and how.

The parent (this module) runs one training server for everything and, per
*lane*, a temporary profile (:mod:`tests.app_in_profile`) whose training outbox is the
app's real SQLCipher outbox. In a lane it starts instrumented children
(:mod:`tests.crash_child`) one after the other; each child first does what
the app does at start-up (open the outbox, recover, deliver), which is the
recovery of the previous child's kill, then does its own work and dies by
SIGKILL: at a named step of an item's life, at a random moment chosen by
the parent, or (a *drafts* trial) while a worker types into forms whose text
is kept as drafts, saved from its draft, discarded or left as a draft. A chain
of trials ends with the real headless command ``python -m app outbox flush
--training --training-server URL``.

After every kill the next opener reports ``integrity_check()`` (SQLite's and
SQLCipher's); after every recovery the training server's records are
checked: every key a child printed as saved is there once, in the
municipality it was saved for, in saved order per client, and nothing is
there that no child saved. Every opener also reports the drafts it finds: the
last draft a child printed as saved is there with at least that text, or its
entry was saved instead (never both, never neither), and no draft reaches a
system.

Every idempotency key is derived from (seed, lane, process, n), so the parent
knows each key before the child makes it and a failure names the seed that
reproduces the work (kill moments of the random trials are timing, not seed).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import os
import queue
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Any, NoReturn

from app.connectors.base import Credentials
from app.domain.hetu import Hetu
from app.domain.model import ContactChannel, DutyEntry, TaskType
from app.domain.policy import Municipality, Policy
from app.services import paths
from app.services.helpdesk import EXIT_BUSY, EXIT_NEEDS_ACTION, EXIT_OK
from app.services.outbox.sending import SendingService
from app.services.outbox.store import Draft, ItemState, Outbox
from app.services.policy.classroom import join
from app.services.workstation import Workstation
from app.training.data import SyntheticClient, clients_for
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME
from tests.helpers import SAVED_BY, app_command
from tests.portable import KILLED

ROOT = Path(__file__).resolve().parent.parent

# The steps of an item's life, in order; "random" is a kill at a moment the parent picks.
STEPS = ("stored", "sending", "request_sent", "response_received", "deleted")
RANDOM = "random"
# A worker typing into forms (drafts saved as they type), killed at a moment the parent picks.
DRAFTS = "drafts"
# After these steps the server already holds the item when the child dies...
SERVER_HAS_IT = frozenset({"request_sent", "response_received", "deleted"})
# ...and after these the item is left 'sending': recovery must put it back in line.
LEFT_SENDING = frozenset({"sending", "request_sent", "response_received"})
# The item's row as the next opener finds it ("absent": deleted).
ROW_AFTER = {
    "stored": "waiting",
    "sending": "sending",
    "request_sent": "sending",
    "response_received": "sending",
    "deleted": "absent",
}

CHILD_TIMEOUT = 60.0  # a child that takes this long hangs: the trial fails, it is killed
CLIENTS_PER_MUNICIPALITY = 3  # few clients, so that one client often has several items
LOAD_ITEMS = 60  # a random-trial child saves at most this many entries, then idles
# A random trial's child is killed this long (uniform, seconds) after it reported ready.
RANDOM_KILL_WINDOW = 0.25
OUTAGE_SHARE = 0.3  # random trials where one municipality is unreachable for the child
CHAIN_LENGTH = 25  # trials on one outbox before the headless flush recovers and it is checked
DRAFT_FORMS = 60  # forms a drafts child plans to type; the kill comes long before the last
# A drafts trial's child is killed after it printed 1 to DRAFT_KILL_SAVES draft saves (about
# 13 per form), and then up to DRAFT_KILL_DELAY seconds later (uniform): counted in saves,
# not time, so that a slow machine kills as far into the typing as a fast one.
DRAFT_KILL_SAVES = 200
DRAFT_KILL_DELAY = 0.02
# Every other drafts trial the child kills itself at a named moment of a planned form's
# end instead: inside put's transaction (the entry inserted and the draft deleted, not
# committed), after put returned, after delete_draft returned; each before its line.
# What the next opener must find of that form (Lane.resolve_typing's words):
DRAFT_DEATHS = {
    "in_put": "a draft",
    "after_put": "an entry not printed",
    "after_discard": "discarded, not printed",
}
DRAFT_SHARE = 0.2  # of a full campaign's trials (Plan.for_trials)
CONTACT_TIME = dt.datetime(2026, 11, 26, 23, 15, tzinfo=dt.timezone(dt.timedelta(hours=2)))


class CampaignFailure(AssertionError):
    """A promise broken (or a trial that did not happen as planned); says seed and step."""


def entry_key(seed: int, lane: int, proc: int, n: int) -> uuid.UUID:
    """The idempotency key of the n-th entry of process ``proc`` in ``lane``."""
    digest = hashlib.sha256(f"paivystys-crash/{seed}/{lane}/{proc}/{n}".encode()).digest()
    return uuid.UUID(bytes=digest[:16], version=4)


def child_rng(seed: int, lane: int, proc: int) -> random.Random:
    """The child's choices (municipalities, clients, counts): the parent can replay them."""
    return random.Random(f"paivystys-crash/{seed}/{lane}/{proc}")


def trainee(municipality: Municipality) -> Credentials:
    return Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)


def pick(rng: random.Random, policy: Policy) -> tuple[str, SyntheticClient]:
    """A municipality and one of its first few training clients."""
    municipality = rng.choice(policy.municipalities)
    clients = clients_for(municipality.code, municipality.name_fi)[:CLIENTS_PER_MUNICIPALITY]
    return municipality.code, rng.choice(clients)


def make_entry(key: uuid.UUID, hetu: Hetu, text: str) -> DutyEntry:
    return DutyEntry(
        hetu=hetu,
        contact_time=CONTACT_TIME,
        contact_channel=ContactChannel.POLICE,
        task_type=TaskType.CHILD_PROTECTION,
        narrative=text,
        measures="Soitettu huoltajalle.",
        follow_up_needed=True,
        author="Päivystäjä Testi",
        idempotency_key=key,
    )


# -- a worker typing: the forms a drafts child fills in -------------------------

SAVE, DISCARD, KEEP = "save", "discard", "keep"
WORDS = (
    "Poliisi",
    "soitti",
    "yöllä",
    "lapsi",
    "kertoi",
    "äidin",
    "luona",
    "turvassa",
    "huoltaja",
    "ei",
    "vastannut",
    "Čuoŋžá",
    "Đuolbmá",
    "Šáŋŋá",
    "Ŧ",
    "Žanna",
    "å",
)


@dataclasses.dataclass(frozen=True)
class Form:
    """One form a drafts child fills in, as planned from the seed (the parent replays it).

    Each draft save makes the narrative ``text[:length]`` for the next of ``lengths``;
    then the form is saved (an entry from the draft, ``draft_key`` = its key), discarded
    (its draft deleted) or kept (left as a draft: the worker moved on to another client).
    """

    proc: int
    n: int
    key: uuid.UUID
    kind: str  # the draft's form
    code: str
    client: SyntheticClient | None  # None: a person without an identity code
    text: str
    lengths: tuple[int, ...]
    outcome: str

    @property
    def identity(self) -> str:
        return self.client.hetu.value if self.client is not None else ""

    def draft(self, length: int, now: dt.datetime) -> Draft:
        payload = draft_payload(self.text[:length])
        return Draft(self.key, self.kind, self.code, self.identity, payload, now)

    def reported(self, length: int) -> tuple[str, ...]:
        """What an opener prints for this form's draft of ``length`` characters."""
        return describe(
            self.key, self.kind, self.code, self.identity, draft_payload(self.text[:length])
        )


def draft_payload(text: str) -> bytes:
    """The form's fields as a UI encodes them; the outbox never reads them."""
    return json.dumps({"narrative": text, "measures": ""}, ensure_ascii=False).encode()


def describe(key: uuid.UUID, kind: str, code: str, client: str, payload: bytes) -> tuple[str, ...]:
    """A draft as one printed line's words: key, form, municipality, text length, digest.

    The digest covers the client and every byte of the payload; the line names no client.
    """
    try:
        length = str(len(json.loads(payload)["narrative"]))
    except (ValueError, KeyError, TypeError):
        length = "unreadable"
    digest = hashlib.sha256(client.encode() + b"\0" + payload).hexdigest()[:16]
    return str(key), kind, code, length, digest


def describe_draft(draft: Draft) -> tuple[str, ...]:
    return describe(draft.key, draft.form, draft.municipality, draft.client, draft.payload)


def typing_plan(seed: int, lane: int, proc: int, policy: Policy) -> list[Form]:
    """The forms process ``proc`` fills in: municipality, client, text, draft saves, outcome."""
    rng = random.Random(f"paivystys-crash/{seed}/{lane}/{proc}/typing")
    forms = []
    for n in range(DRAFT_FORMS):
        code, client = pick(rng, policy)
        anonymous = rng.random() < 0.1
        text = " ".join(rng.choice(WORDS) for _ in range(120))
        lengths = list(itertools.accumulate(rng.randint(1, 9) for _ in range(rng.randint(2, 24))))
        if anonymous:  # no identity code: not saved as an entry here
            outcome, kind = rng.choice((DISCARD, KEEP)), rng.choice(("notification", "handoff"))
        else:
            outcome = rng.choices((SAVE, DISCARD, KEEP), weights=(6, 2, 2))[0]
            kind = "entry" if outcome == SAVE else rng.choice(("entry", "notification", "handoff"))
        forms.append(
            Form(
                proc,
                n,
                entry_key(seed, lane, proc, n),
                kind,
                code,
                None if anonymous else client,
                text,
                tuple(lengths),
                outcome,
            )
        )
    return forms


# -- the profile a lane's children share ------------------------------------------


def profile_env(home: Path) -> dict[str, str]:
    """The environment of a lane's processes: every XDG directory under ``home`` too (the
    app's own are redirected to ``home`` in code: :func:`tests.helpers.app_command`)."""
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    env["XDG_CONFIG_DIRS"] = str(home / "site")
    env.pop("PYTHON_KEYRING_BACKEND", None)
    return env


# Where the app keeps the training outbox, relative to a profile it is redirected to
# (asked once, here: the lanes run in threads, and the redirection is process-wide).
with paths.redirected(Path()):
    TRAINING_PROFILE = paths.user_data_dir(training=True)


def training_profile(home: Path) -> Path:
    """Where the app keeps the training outbox in the profile ``home``."""
    return home / TRAINING_PROFILE


def write_training_key(home: Path) -> bytes:
    """The training key file the app would create without a keyring, made by us.

    A key file that exists is authoritative for training (app.services.outbox.keys), so
    the children and the headless command all use it, whatever keyring this
    machine has, and the parent can open the outbox to check it.
    """
    directory = training_profile(home)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_bytes(32)
    path = directory / "outbox-training.key"
    path.write_text(key.hex(), encoding="ascii")
    path.chmod(0o600)
    return key


# -- the holding proxy (used inside the child) -------------------------------------

MAX_HEAD = 64 * 1024
MAX_BODY = 4_000_000
IO_TIMEOUT = 20.0


class _Stream:
    """Whole HTTP/1.1 messages from a socket, framed by Content-Length."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""

    def _fill(self) -> bool:
        data = self.sock.recv(65536)
        self.buffer += data
        return bool(data)

    def message(self) -> bytes | None:
        """One message, or None when the peer closed between messages."""
        while b"\r\n\r\n" not in self.buffer:
            if len(self.buffer) > MAX_HEAD:
                raise ValueError("message head too long")
            if not self._fill():
                if self.buffer:
                    raise ConnectionError("closed in the middle of a message")
                return None
        head, _, _ = self.buffer.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"transfer-encoding":
                raise ValueError("chunked messages are not supported")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        if not 0 <= length <= MAX_BODY:
            raise ValueError("bad Content-Length")
        total = len(head) + 4 + length
        while len(self.buffer) < total:
            if not self._fill():
                raise ConnectionError("closed in the middle of a message")
        message, self.buffer = self.buffer[:total], self.buffer[total:]
        return message


class HoldingProxy:
    """Forwards HTTP/1.1 on 127.0.0.1 to ``target``; holds back one reply.

    For a request that contains ``hold`` (an idempotency key), it forwards the
    request, reads the server's WHOLE reply (so the server has acted on the
    request) and calls ``on_held`` instead of passing the reply on: the client
    is still waiting for it. In the crash child ``on_held`` is SIGKILL, so the
    process dies with the request sent and its answer not yet arrived. Every
    other request and reply passes unchanged (keep-alive included). Replies
    must carry Content-Length, as the training systems' do.
    """

    def __init__(self, target: tuple[str, int], hold: bytes, on_held: Callable[[], None]) -> None:
        self.target = target
        self.hold = hold
        self.on_held = on_held
        self.held = threading.Event()
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.port: int = self._listener.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept, name="holding-proxy", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._acceptor.start()

    def close(self) -> None:
        self._stop.set()
        self._acceptor.join(5)
        for thread in self._threads:
            thread.join(IO_TIMEOUT + 1)
        self._listener.close()

    def __enter__(self) -> HoldingProxy:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        with contextlib.ExitStack() as stack:
            stack.enter_context(client)
            client.settimeout(IO_TIMEOUT)
            upstream = stack.enter_context(socket.create_connection(self.target, IO_TIMEOUT))
            from_client, from_server = _Stream(client), _Stream(upstream)
            with contextlib.suppress(OSError, ValueError):
                for _ in range(10_000):
                    request = from_client.message()
                    if request is None:
                        return
                    upstream.sendall(request)
                    reply = from_server.message()
                    if reply is None:
                        return
                    if self.hold in request:
                        self.held.set()
                        self.on_held()
                        return  # the reply is never passed on
                    client.sendall(reply)


# -- the children, seen from the parent ------------------------------------------


class Child:
    """One child process: stdout line by line as it comes, stderr into a file."""

    def __init__(self, argv: Sequence[str], env: dict[str, str], stderr: Path, label: str) -> None:
        self.label = label
        self.stderr_path = stderr
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        with stderr.open("wb") as stream:
            self.process = subprocess.Popen(
                list(argv),
                cwd=ROOT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stream,
            )
        self._reader = threading.Thread(target=self._read, name=f"read {label}", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            self._queue.put(raw.decode("utf-8", "replace").rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, word: str, timeout: float = CHILD_TIMEOUT) -> list[str]:
        """The words after ``word`` on the first line that starts with it (in order)."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CampaignFailure(f"{self.label}: no '{word}' in {timeout:g} s{self.context()}")
            try:
                line = self._queue.get(timeout=remaining)
            except queue.Empty:
                continue
            if line is None:
                self._queue.put(None)
                raise CampaignFailure(f"{self.label}: ended before '{word}'{self.context()}")
            self.lines.append(line)
            if line.split(" ", 1)[0] == word:
                return line.split()[1:]

    def say(self, line: str) -> None:
        """A line on the child's stdin (its 'go' and 'continue')."""
        assert self.process.stdin is not None
        self.process.stdin.write(line.encode() + b"\n")
        self.process.stdin.flush()

    def kill(self) -> None:
        """SIGKILL to the process we started (by its pid), if it still runs."""
        if self.process.poll() is None:
            self.process.kill()

    def finish(self, timeout: float = CHILD_TIMEOUT) -> int:
        """Wait for the end (its own SIGKILL, or ours); every line is in ``lines`` then."""
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            self.process.wait()
            self._drain()
            raise CampaignFailure(
                f"{self.label}: still running after {timeout:g} s{self.context()}"
            ) from None
        self._drain()
        return code

    def _drain(self) -> None:
        self._reader.join(CHILD_TIMEOUT)
        while True:
            try:
                line = self._queue.get_nowait()
            except queue.Empty:
                return
            if line is not None:
                self.lines.append(line)

    def words(self, word: str) -> list[list[str]]:
        return [line.split()[1:] for line in self.lines if line.split(" ", 1)[0] == word]

    def context(self) -> str:
        try:
            stderr = self.stderr_path.read_text("utf-8", "replace")[-1500:]
        except OSError:
            stderr = ""
        last = "\n    ".join(self.lines[-8:])
        return f"\n  last stdout lines:\n    {last}\n  stderr tail:\n{stderr}"

    def close(self) -> None:
        self.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        self._reader.join(5)

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _Reaper:
    """A process we started: killed by its pid, if still running, when the block ends."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process

    def __enter__(self) -> _Reaper:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


# -- lanes: one outbox, a chain of trials ----------------------------------------

Inspect = Callable[[], dict[str, list[dict[str, Any]]]]


@dataclasses.dataclass
class Tally:
    """What a campaign did; lost and duplicates stay 0 or it fails first."""

    trials: int = 0
    by_kind: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    saved: int = 0  # keys the children printed as durably saved
    delivered: int = 0  # distinct keys of ours in the server's records
    records: int = 0  # the server's records of our keys (== delivered: no duplicates)
    lost: int = 0
    duplicates: int = 0
    recovered_sending: int = 0  # 'sending' rows the next opener put back in line
    scenarios: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    headless_delivered: int = 0  # in sender races: items the headless flush delivered
    headless_locked_out: int = 0  # in sender races: times it found the lock taken
    draft_saves: int = 0  # save_draft calls the children printed as returned
    draft_forms: int = 0  # forms typed into: saved, discarded, kept, or cut by a kill
    drafts_kept: int = 0  # drafts in the outbox at the end of the chains, each as expected
    # The form a drafts child was in when killed, as the next opener found it.
    cut: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    chains: int = 0
    seconds: float = 0.0

    def add(self, other: Tally) -> None:
        for field in dataclasses.fields(self):
            mine = getattr(self, field.name)
            if isinstance(mine, collections.Counter):
                mine.update(getattr(other, field.name))
            else:
                setattr(self, field.name, mine + getattr(other, field.name))

    def summary(self) -> str:
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(self.by_kind.items()))
        others = "".join(f", {kind} {count}" for kind, count in sorted(self.scenarios.items()))
        return (
            f"{self.trials} kill trials ({kinds}) in {self.chains} chains{others}; "
            f"{self.saved} saved, {self.delivered} delivered, {self.records} records, "
            f"{self.lost} lost, {self.duplicates} duplicates, "
            f"{self.recovered_sending} left 'sending' and recovered; {self.seconds:.1f} s"
            + (
                f"; sender races: headless flush delivered {self.headless_delivered}, "
                f"locked out {self.headless_locked_out} time(s)"
                if self.scenarios["sender_race"]
                else ""
            )
            + (
                f"; drafts: {self.draft_saves} draft saves over {self.draft_forms} forms, "
                f"{self.drafts_kept} kept at the chains' ends; the form a kill cut: "
                + ", ".join(f"{how} {count}" for how, count in sorted(self.cut.items()))
                if self.draft_forms
                else ""
            )
        )


@dataclasses.dataclass(frozen=True)
class Saved:
    code: str
    proc: int
    n: int


@dataclasses.dataclass(frozen=True)
class Typing:
    """A drafts child's last form when it was killed, for the next opener to resolve.

    ``acked`` is the text length of its last draft printed as saved; 0 when no line of
    this form was printed (then at most its first draft may have been committed).
    """

    form: Form
    acked: int
    expect: str | None = None  # how the opener must find it, when the child chose the moment


@dataclasses.dataclass(frozen=True)
class Trial:
    kind: str
    proc: int
    detail: str  # for failure messages: the step's target, or the kill delay
    target: str | None = None  # a step trial's entry, killed at that step


class Lane:
    """One profile and its outbox; children run in it one at a time."""

    def __init__(self, server_url: str, inspect: Inspect, home: Path, seed: int, lane: int) -> None:
        self.server_url = server_url
        self.inspect = inspect
        self.home = home
        self.seed = seed
        self.lane = lane
        self.rng = random.Random(f"paivystys-crash/{seed}/lane/{lane}")
        home.mkdir(parents=True, exist_ok=True)
        self.env = profile_env(home)
        self.key = write_training_key(home)
        self.saved: dict[str, Saved] = {}
        self.made: dict[str, tuple[int, int]] = {}  # every key a child may have made
        self.last_saved: dict[int, int] = {}  # per process: n of its last printed key
        self.procs = 0
        self.trials: list[Trial] = []
        self.tally = Tally()
        # Drafts: what every opener must find (key -> the words it prints for the draft),
        # the keys of forms never saved (none may reach a system), and the form a killed
        # drafts child was in, until the next opener resolves it.
        self.drafts: dict[str, tuple[str, ...]] = {}
        self.unsent: set[str] = set()
        self.typing: Typing | None = None
        self._policy: Policy | None = None

    @property
    def policy(self) -> Policy:
        """The training server's policy, as the children get it (for replaying their plans)."""
        if self._policy is None:
            _, self._policy = join(self.server_url)
        return self._policy

    @property
    def outbox_path(self) -> Path:
        return training_profile(self.home) / "outbox.db"

    def where(self, trial: Trial | None = None) -> str:
        text = f"seed={self.seed} lane={self.lane} home={self.home}"
        if trial is not None:
            text += f" kind={trial.kind} proc={trial.proc} {trial.detail}"
        return text

    def fail(
        self, problem: str, trial: Trial | None = None, child: Child | None = None
    ) -> NoReturn:
        context = child.context() if child is not None else ""
        raise CampaignFailure(f"{problem}\n  [{self.where(trial)}]{context}")

    def spawn(self, mode: str, *args: str, keys: int = 0) -> tuple[Child, int]:
        proc = self.procs
        self.procs += 1
        for n in range(keys):
            self.made[str(entry_key(self.seed, self.lane, proc, n))] = (proc, n)
        argv = [mode, "--server", self.server_url, "--seed", str(self.seed)]
        argv += ["--lane", str(self.lane), "--proc", str(proc), *args]
        argv = app_command(self.home, *argv, module="tests.crash_child")
        label = f"lane {self.lane} child {proc} ({mode})"
        return Child(argv, self.env, self.home / f"child-{proc}.stderr", label), proc

    # -- checks ------------------------------------------------------------------

    def absorb(self, child: Child, proc: int, trial: Trial) -> None:
        """Take note of the keys the child printed as saved (in saved order)."""
        for n, words in enumerate(child.words("saved")):
            key, code = words
            if key != str(entry_key(self.seed, self.lane, proc, n)):
                self.fail(f"child printed key {key} as its entry {n}: not the planned key", trial)
            self.saved[key] = Saved(code, proc, n)
            self.last_saved[proc] = n
        self.tally.saved += len(child.words("saved"))

    def check_integrity(self, child: Child, previous: Trial | None) -> None:
        """The ``integrity_check()`` the child ran on opening, right after the kill."""
        lines = child.words("integrity")
        if len(lines) != 1 or json.loads(" ".join(lines[0])) != []:
            self.fail(f"integrity check after the kill: {lines}", previous, child)

    def check_recovery(self, child: Child, previous: Trial | None) -> None:
        """The lines a child prints on opening: integrity after the kill, then recovery."""
        self.check_integrity(child, previous)
        found = {words[0]: tuple(words) for words in child.words("draft")}
        self.check_drafts(found, {key for key, _ in child.words("pending")}, previous, child)
        if previous is not None and previous.target is not None:
            rows = dict(child.words("pending"))
            row = rows.get(previous.target, "absent")
            if row != ROW_AFTER[previous.kind]:
                self.fail(
                    f"after the kill at '{previous.kind}' the entry's row is {row}, "
                    f"not {ROW_AFTER[previous.kind]}",
                    previous,
                    child,
                )
        (recovered,) = child.words("recovered") or [[]]
        if len(recovered) != 4:
            self.fail("no recovery report", previous, child)
        put_back, _, left, busy = (int(word) for word in recovered)
        self.after_recovery(previous, put_back, left, busy, child)

    def after_recovery(
        self, previous: Trial | None, put_back: int, left: int, busy: int, child: Any
    ) -> None:
        if busy:
            self.fail("the recovery was locked out: a dead sender kept a lock", previous, child)
        if left:
            self.fail(
                f"{left} item(s) left in the outbox after the recovery flush", previous, child
            )
        if previous is not None and previous.kind in LEFT_SENDING and put_back < 1:
            self.fail(
                f"nothing was left 'sending' after a kill at '{previous.kind}'", previous, child
            )
        self.tally.recovered_sending += put_back
        self.verify(previous)

    def verify(self, trial: Trial | None, *, final: bool = False) -> None:
        """The server's records against what the children printed as saved."""
        seen: collections.Counter[str] = collections.Counter()
        place: dict[str, str] = {}
        lines: dict[tuple[str, str], list[tuple[int, int]]] = collections.defaultdict(list)
        for code, records in self.inspect().items():
            for record in records:
                key = str(record["idempotency_key"])
                seen[key] += 1
                if key in self.made:
                    place[key] = code
                    lines[code, str(record["hetu"])].append(self.made[key])
        duplicates = sorted(key for key, count in seen.items() if count > 1)
        lost = sorted(key for key in self.saved if not seen[key])
        misplaced = sorted(
            key for key, s in self.saved.items() if seen[key] and place[key] != s.code
        )
        unordered = sorted(line for line, order in lines.items() if order != sorted(order))
        drafts_sent = sorted(key for key in self.unsent if seen[key])
        ours = [key for key in self.made if seen[key]]
        # A process may have committed one entry it did not live to print; no more.
        phantoms = sorted(
            key
            for key in ours
            if self.made[key][1] > self.last_saved.get(self.made[key][0], -1) + 1
        )
        self.tally.lost, self.tally.duplicates = len(lost), len(duplicates)
        self.tally.delivered = len(ours)
        self.tally.records = sum(seen[key] for key in ours)
        problems = [
            f"{len(lost)} lost (saved, never recorded): {lost[:3]}" if lost else "",
            f"{len(duplicates)} duplicate keys in the records: {duplicates[:3]}"
            if duplicates
            else "",
            f"{len(misplaced)} recorded in another municipality: {misplaced[:3]}"
            if misplaced
            else "",
            f"out of saved order for (municipality, client): {unordered[:2]}" if unordered else "",
            f"{len(drafts_sent)} forms never saved reached a system: {drafts_sent[:3]}"
            if drafts_sent
            else "",
            f"{len(phantoms)} records no child saved: {phantoms[:3]}" if final and phantoms else "",
        ]
        found = [problem for problem in problems if problem]
        if found:
            counts = (
                f"saved {len(self.saved)}, delivered {self.tally.delivered}, "
                f"records {self.tally.records}"
            )
            self.fail("; ".join(found) + f" ({counts})", trial)

    def check_drafts(
        self,
        found: dict[str, tuple[str, ...]],
        items: set[str],
        previous: Trial | None,
        child: Child | None = None,
    ) -> None:
        """The drafts an opener found after a kill: each as expected, none an item too.

        First the form a killed drafts child was in is resolved: its last draft printed
        as saved is there with at least that text, or (after the whole text) its entry
        was saved or its draft discarded, never both a draft and an item.
        """
        typing, self.typing = self.typing, None
        if typing is not None:
            self.resolve_typing(typing, found, items, previous, child)
        wrong = sorted(
            key
            for key in found.keys() | self.drafts.keys()
            if found.get(key) != self.drafts.get(key)
        )
        if wrong:
            details = [
                f"{key}: found {found.get(key)}, expected {self.drafts.get(key)}" for key in wrong
            ]
            self.fail(f"{len(wrong)} draft(s) not as saved: {details[:3]}", previous, child)
        if items & self.unsent:
            self.fail(
                f"forms never saved are items: {sorted(items & self.unsent)[:3]}", previous, child
            )

    def resolve_typing(
        self,
        typing: Typing,
        found: dict[str, tuple[str, ...]],
        items: set[str],
        previous: Trial | None,
        child: Child | None,
    ) -> None:
        form, acked = typing.form, typing.acked
        key = str(form.key)
        draft = found.get(key)
        saved = key in items or self.records_of(key) > 0
        if draft is not None and saved:
            self.fail(f"form {key} is both a draft and a saved entry", previous, child)
        if draft is not None:
            # The last printed, or the next one committed but not printed; nothing else.
            index = form.lengths.index(acked) if acked else -1
            allowed = [form.reported(length) for length in form.lengths[max(index, 0) : index + 2]]
            if draft not in allowed:
                self.fail(
                    f"form {key}: draft {draft}, not one of the texts typed since the last "
                    f"printed ({acked} characters)",
                    previous,
                    child,
                )
            self.drafts[key] = draft
            self.unsent.add(key)
            how = "a draft" if acked else "a first draft not printed"
        elif saved:
            if form.outcome != SAVE or acked != form.lengths[-1]:
                self.fail(
                    f"form {key} ({form.outcome}) is an entry before its text was done",
                    previous,
                    child,
                )
            # Committed, not printed: it must be delivered like every saved entry.
            self.saved[key] = Saved(form.code, form.proc, form.n)
            how = "an entry not printed"
        elif acked == 0:
            self.unsent.add(key)
            how = "nothing yet"
        elif form.outcome == DISCARD and acked == form.lengths[-1]:
            self.unsent.add(key)
            how = "discarded, not printed"
        else:
            self.fail(
                f"form {key}: its draft of {acked} characters printed as saved is gone and "
                "no entry was saved (text lost)",
                previous,
                child,
            )
        if typing.expect is not None and how != typing.expect:
            self.fail(f"form {key} found as {how}, not {typing.expect}", previous, child)
        self.tally.cut[how] += 1

    def absorb_typing(self, child: Child, forms: Sequence[Form], trial: Trial) -> None:
        """What a killed drafts child printed: every form it finished, and where it was."""
        acked, ended, last = self.typed(child, forms, trial)
        for form in forms[: last + 1]:
            complete = form.outcome == KEEP and acked[form.n] == list(form.lengths)
            done = ended.get(form.n) or (KEEP if complete else None)
            if done is None:
                if form.n != last:
                    self.fail(f"form {form.n} was left unfinished for the next", trial, child)
                self.typing = Typing(form, acked[form.n][-1])
                break
            key = str(form.key)
            if done == SAVE:
                self.saved[key] = Saved(form.code, form.proc, form.n)
                self.tally.saved += 1
            else:
                self.unsent.add(key)
            if done == KEEP:
                self.drafts[key] = form.reported(form.lengths[-1])
        else:
            if last + 1 < len(forms):  # its first draft may be committed, not printed
                self.typing = Typing(forms[last + 1], 0)
        # A killed child may have saved (not printed) the entry of the form it was in.
        self.last_saved[trial.proc] = last - 1
        self.tally.draft_forms += last + 1

    def typed(
        self, child: Child, forms: Sequence[Form], trial: Trial
    ) -> tuple[dict[int, list[int]], dict[int, str], int]:
        """Per form, the text lengths printed as saved drafts and how it ended; the last
        form with a line. Each line must be the plan's next step."""
        acked: dict[int, list[int]] = collections.defaultdict(list)
        ended: dict[int, str] = {}
        order = {str(form.key): form for form in forms}
        last = -1
        for line in child.lines:
            word, *words = line.split()
            if word not in ("drafted", "saved", "discarded"):
                continue
            form = order.get(words[0])
            if form is None or form.n < last or form.n in ended:
                self.fail(f"'{line}' is not the next step of the planned forms", trial, child)
            last = form.n
            if word == "drafted":
                acked[form.n].append(int(words[1]))
                if acked[form.n] != list(form.lengths[: len(acked[form.n])]):
                    self.fail(f"form {form.n}: drafts {acked[form.n]} not as planned", trial, child)
                self.tally.draft_saves += 1
                continue
            ended[form.n] = SAVE if word == "saved" else DISCARD
            if ended[form.n] != form.outcome or acked[form.n] != list(form.lengths):
                self.fail(f"form {form.n}: '{line}' not as planned", trial, child)
        return acked, ended, last

    # -- trials ------------------------------------------------------------------

    def step_trial(self, step: str, previous: Trial | None) -> Trial:
        items = self.rng.randint(1, 3)
        target = self.rng.randrange(items)
        args = ["--step", step, "--items", str(items), "--target", str(target)]
        child, proc = self.spawn("step", *args, keys=items)
        key = entry_key(self.seed, self.lane, proc, target)
        trial = Trial(step, proc, f"target=entry {target} of {items} ({key})", str(key))
        with child:
            code = child.finish()
            if code != KILLED:
                self.fail(f"the child was not killed at '{step}' (exit {code})", trial, child)
            self.check_recovery(child, previous)
            self.absorb(child, proc, trial)
        # The state the kill left, before anyone recovers it.
        held = self.records_of(str(key))
        if held != (1 if step in SERVER_HAS_IT else 0):
            self.fail(
                f"after the kill at '{step}' the server holds the entry {held} time(s)", trial
            )
        return self.count(trial)

    def random_trial(self, codes: Sequence[str], previous: Trial | None) -> Trial:
        delay = self.rng.uniform(0.0, RANDOM_KILL_WINDOW)
        args = ["--items", str(LOAD_ITEMS)]
        outage = self.rng.choice(codes) if self.rng.random() < OUTAGE_SHARE else None
        if outage is not None:
            args += ["--outage", outage]
        child, proc = self.spawn("load", *args, keys=LOAD_ITEMS)
        trial = Trial(RANDOM, proc, f"kill {delay * 1000:.0f} ms after ready, outage={outage}")
        with child:
            child.wait_for("ready")
            self.check_recovery(child, previous)
            self.kill_after(child, delay, trial)
            self.absorb(child, proc, trial)
        return self.count(trial)

    def drafts_trial(self, previous: Trial | None) -> Trial:
        """A worker types into forms (a draft saved at each step) and saves, discards or
        keeps each, while the background sender delivers; killed at a random moment."""
        forms = typing_plan(self.seed, self.lane, self.procs, self.policy)
        deaths = list(DRAFT_DEATHS)
        death = (
            deaths[self.tally.by_kind[DRAFTS] // 2 % 3] if self.tally.by_kind[DRAFTS] % 2 else None
        )
        if death is None:
            saves = self.rng.randint(1, DRAFT_KILL_SAVES)
            delay = self.rng.uniform(0.0, DRAFT_KILL_DELAY)
            child, proc = self.spawn("drafts", keys=DRAFT_FORMS)
            detail = f"kill {delay * 1000:.0f} ms after draft save {saves}"
        else:
            ending = DISCARD if death == "after_discard" else SAVE
            first = self.rng.randint(0, 8)
            target = next(form for form in forms[first:] if form.outcome == ending)
            args = ["--die", death, "--die-form", str(target.n)]
            child, proc = self.spawn("drafts", *args, keys=DRAFT_FORMS)
            detail = f"dies {death} of form {target.n} ({target.key})"
        trial = Trial(DRAFTS, proc, detail)
        with child:
            child.wait_for("ready")
            self.check_recovery(child, previous)
            if death is None:
                for _ in range(saves):
                    child.wait_for("drafted")
                self.kill_after(child, delay, trial)
            elif (code := child.finish()) != KILLED:
                self.fail(f"the child did not die {death} (exit {code})", trial, child)
            self.absorb_typing(child, forms, trial)
        if death is not None:
            if self.typing is None or self.typing.form != target:
                self.fail(f"the child did not die in form {target.n}", trial, child)
            self.typing = dataclasses.replace(self.typing, expect=DRAFT_DEATHS[death])
        return self.count(trial)

    def kill_after(self, child: Child, delay: float, trial: Trial) -> None:
        """SIGKILL ``delay`` seconds from now; the child must not have ended before."""
        try:
            code = child.process.wait(delay)
        except subprocess.TimeoutExpired:
            child.kill()
            code = child.finish()
        else:
            child.finish()
            self.fail(f"the child ended by itself (exit {code}) before the kill", trial, child)
        if code != KILLED:
            self.fail(f"the child was not killed (exit {code})", trial, child)

    def count(self, trial: Trial) -> Trial:
        self.trials.append(trial)
        self.tally.trials += 1
        self.tally.by_kind[trial.kind] += 1
        return trial

    def app_flush(self) -> subprocess.Popen[bytes]:
        """Start the real headless ``outbox flush`` on this lane's training outbox."""
        argv = ["outbox", "flush", "--training", "--training-server", self.server_url, "--json"]
        argv = app_command(self.home, *argv)
        return subprocess.Popen(
            argv, cwd=ROOT, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )

    def app_flush_report(
        self, process: subprocess.Popen[bytes], expected: Sequence[int], trial: Trial | None
    ) -> dict[str, Any]:
        try:
            stdout, stderr = process.communicate(timeout=CHILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
        if process.returncode not in expected:
            self.fail(
                f"outbox flush exited {process.returncode}, expected one of {list(expected)}:"
                f"\n{stdout.decode()}\n{stderr.decode()[-1500:]}",
                trial,
            )
        report: dict[str, Any] = json.loads(stdout)
        return report

    def recover_with_app(self, previous: Trial | None) -> None:
        """The real headless command recovers the last kill; then the outbox is checked."""
        with _Reaper(self.app_flush()) as reaper:
            report = self.app_flush_report(reaper.process, [EXIT_OK], previous)
        counts = report["outbox"]
        left = sum(counts.get(state, 0) for state in ("waiting", "sending", "needs_attention"))
        left += counts.get("manual", 0)
        self.after_recovery(
            previous, int(report["recovered"]), left, int(bool(report["busy"])), None
        )
        self.check_empty(previous)
        if counts.get("drafts") != len(self.drafts):
            self.fail(f"outbox flush counted {counts.get('drafts')} drafts", previous)
        self.tally.drafts_kept += len(self.drafts)
        self.tally.chains += 1

    def check_empty(self, trial: Trial | None) -> None:
        """The final checks of a chain: records exact, no item left, drafts as kept, intact."""
        with Outbox.open(self.outbox_path, self.key) as outbox:
            problems = outbox.integrity_check()
            items = outbox.items()
            drafts = outbox.drafts()
        found = {str(draft.key): describe_draft(draft) for draft in drafts}
        self.check_drafts(found, {str(item.key) for item in items}, trial)
        self.verify(trial, final=True)
        if problems or items:
            self.fail(f"after recovery: integrity {problems}, {len(items)} item(s) left", trial)

    # -- two senders on one outbox -------------------------------------------

    def save_directly(self, count: int) -> list[str]:
        """Save ``count`` entries into the lane's outbox from this process (no sender)."""
        proc = self.procs
        self.procs += 1
        _, policy = join(self.server_url)
        rng = child_rng(self.seed, self.lane, proc)
        keys = []
        with Outbox.open(self.outbox_path, self.key) as outbox:
            service = SendingService(outbox, Workstation(policy, trainee))
            for n in range(count):
                key = entry_key(self.seed, self.lane, proc, n)
                code, client = pick(rng, policy)
                service.save_entry(
                    code, make_entry(key, client.hetu, f"Kaksi lähettäjää {n}"), saved_by=SAVED_BY
                )
                self.made[str(key)] = (proc, n)
                self.saved[str(key)] = Saved(code, proc, n)
                self.last_saved[proc] = n
                keys.append(str(key))
        self.tally.saved += count
        return keys

    def sent_by(self, child: Child, trial: Trial) -> list[str]:
        """The keys a flushing child delivered; none may have been recorded before."""
        sent = child.words("sent")
        again = [key for key, already in sent if already != "0"]
        if again:
            self.fail(f"delivered although already recorded (sent twice): {again[:3]}", trial)
        return [key for key, _ in sent]

    def lock_exclusion_trial(self) -> None:
        """While one sender holds the locks mid-send, another child and the headless
        flush are both locked out, and nobody puts the item being sent back in line."""
        keys = self.save_directly(6)
        trial = Trial("lock_exclusion", self.procs, f"{len(keys)} items")
        first, _ = self.spawn("flush", "--pause-first", "--once")
        with first:
            first.wait_for("ready")
            first.say("go")
            (held,) = first.wait_for("holding")
            second, _ = self.spawn("flush", "--once")
            with second:
                second.wait_for("ready")
                second.say("go")
                locked_out, put_back, delivered = second.wait_for("flushed")
                if (locked_out, put_back, delivered) != ("1", "0", "0") or second.finish():
                    self.fail("a second sender was not locked out", trial, second)
            with _Reaper(self.app_flush()) as reaper:
                report = self.app_flush_report(reaper.process, [EXIT_BUSY], trial)
            if not report["locked_out"] or report["recovered"]:
                self.fail(f"the headless flush was not locked out: {report}", trial)
            with Outbox.open(self.outbox_path, self.key) as outbox:
                states = {str(item.key): item.state for item in outbox.items()}
            sent = [key for key in keys if self.records_of(key)]
            if states.get(held) is not ItemState.SENDING or sent:
                self.fail(
                    f"while the sender paused, its item was {states.get(held)} and "
                    f"{len(sent)} item(s) reached the system",
                    trial,
                    first,
                )
            first.say("continue")
            first.wait_for("done")
            if first.finish():
                self.fail("the first sender failed", trial, first)
            if sorted(self.sent_by(first, trial)) != sorted(keys):
                self.fail("the first sender did not deliver each item once", trial, first)
        self.check_empty(trial)
        self.tally.scenarios[trial.kind] += 1

    def sender_race_trial(self, send_delay: float) -> None:
        """Two children (one municipality per flush, so the lock changes hands often)
        and the headless flush, started together: every item is delivered once."""
        keys = self.save_directly(24)
        trial = Trial("sender_race", self.procs, f"{len(keys)} items, delay {send_delay}")
        delay = ["--send-delay", str(send_delay)]
        children = [self.spawn("flush", *delay)[0] for _ in range(2)]
        with contextlib.ExitStack() as stack:
            for child in children:
                stack.enter_context(child)
                child.wait_for("ready")
            reaper = stack.enter_context(_Reaper(self.app_flush()))
            # The headless flush needs about half a second to start: the children start
            # at a seeded moment in that time, so each of the three is sometimes first.
            time.sleep(self.rng.uniform(0.0, 0.6))
            for child in children:
                child.say("go")
            for child in children:
                child.wait_for("done")
                if child.finish():
                    self.fail("a flushing child failed", trial, child)
            expected = [EXIT_OK, EXIT_NEEDS_ACTION, EXIT_BUSY]
            report = self.app_flush_report(reaper.process, expected, trial)
        sent = [key for child in children for key in self.sent_by(child, trial)]
        headless = int(report["results"]["delivered"])
        if len(sent) + headless != len(keys) or len(set(sent)) != len(sent):
            self.fail(
                f"{len(sent)} deliveries by the children and {headless} by the headless flush "
                f"for {len(keys)} items",
                trial,
            )
        self.check_empty(trial)
        self.tally.scenarios[trial.kind] += 1
        self.tally.headless_delivered += headless
        self.tally.headless_locked_out += int(report["locked_out"])

    def sender_handover_trial(self) -> None:
        """A sender killed mid-send, holding the lock: the next one takes over and
        delivers the item it left 'sending' (once: the dead one never sent it)."""
        keys = self.save_directly(4)
        first, proc = self.spawn("flush", "--pause-first", "--once")
        trial = Trial("sender_killed", proc, f"{len(keys)} items")
        with first:
            first.wait_for("ready")
            first.say("go")
            (held,) = first.wait_for("holding")
            first.kill()
            if first.finish() != KILLED:
                self.fail("the sender was not killed", trial, first)
        second, _ = self.spawn("flush", "--once")
        with second:
            second.wait_for("ready")
            second.say("go")
            locked_out, put_back, delivered = (int(w) for w in second.wait_for("flushed"))
            second.wait_for("done")
            # The dead sender had marked one item per municipality sending, sent none.
            sending = [key for key, state in second.words("pending") if state == "sending"]
            if held not in sending or put_back != len(sending):
                self.fail(f"{put_back} put back of {len(sending)} left sending", trial, second)
            if second.finish() or locked_out or delivered != len(keys):
                self.fail("the next sender did not take over", trial, second)
            self.tally.recovered_sending += put_back
            self.check_integrity(second, trial)
            if held not in self.sent_by(second, trial):
                self.fail("the item left sending was not delivered", trial, second)
        self.count(trial)
        self.check_empty(trial)

    def records_of(self, key: str) -> int:
        return sum(
            1
            for records in self.inspect().values()
            for record in records
            if record["idempotency_key"] == key
        )

    def run_chain(
        self, kinds: Sequence[str], codes: Sequence[str], stop: threading.Event | None = None
    ) -> Tally:
        """The trials one after the other, then the headless recovery and final checks.

        ``stop`` set (another lane failed) ends the chain early, unchecked.
        """
        started = time.monotonic()
        previous: Trial | None = None
        for kind in kinds:
            if stop is not None and stop.is_set():
                return self.tally
            if kind == RANDOM:
                previous = self.random_trial(codes, previous)
            elif kind == DRAFTS:
                previous = self.drafts_trial(previous)
            else:
                previous = self.step_trial(kind, previous)
        self.recover_with_app(previous)
        self.tally.seconds = time.monotonic() - started
        return self.tally


# -- campaigns -------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Plan:
    """How many kill trials of each kind, and over how many parallel lanes."""

    step_rounds: int  # each round kills once at every step
    random_trials: int
    lanes: int = 2
    chain_length: int = CHAIN_LENGTH
    draft_trials: int = 0

    @property
    def trials(self) -> int:
        return self.step_rounds * len(STEPS) + self.random_trials + self.draft_trials

    @classmethod
    def for_trials(cls, trials: int, lanes: int = 2, draft_share: float = DRAFT_SHARE) -> Plan:
        """``draft_share`` of them drafts trials; of the rest, about half at the named
        steps (whole rounds) and the others at random moments."""
        drafts = round(trials * draft_share)
        rest = max(0, trials - drafts)
        rounds = -(-rest // (2 * len(STEPS)))
        return cls(rounds, max(0, rest - rounds * len(STEPS)), lanes, draft_trials=drafts)

    def chains(self, seed: int) -> list[list[str]]:
        """The trials, shuffled (a step's kill is recovered by any kind of child), in chains."""
        kinds = [step for _ in range(self.step_rounds) for step in STEPS]
        kinds += [RANDOM] * self.random_trials
        kinds += [DRAFTS] * self.draft_trials
        random.Random(f"paivystys-crash/{seed}/plan").shuffle(kinds)
        size = self.chain_length
        return [kinds[start : start + size] for start in range(0, len(kinds), size)]


def run_campaign(
    server_url: str,
    inspect: Inspect,
    codes: Sequence[str],
    workdir: Path,
    plan: Plan,
    seed: int,
    *,
    progress: Callable[[str], None] | None = None,
    first_lane: int = 0,
) -> Tally:
    """Run every chain of the plan, ``plan.lanes`` at a time; raise at the first failure.

    Chain i runs as lane ``first_lane + i``: campaigns sharing a server and a seed
    keep their keys apart by giving distinct lane numbers.
    """
    started = time.monotonic()
    total = Tally()
    lock = threading.Lock()
    stop = threading.Event()

    def chain(index: int, kinds: list[str]) -> None:
        if stop.is_set():
            return
        number = first_lane + index
        lane = Lane(server_url, inspect, workdir / f"lane-{number}", seed, number)
        try:
            tally = lane.run_chain(kinds, codes, stop)
        except BaseException:
            stop.set()  # the other lanes end their chains early: the first failure is the news
            raise
        with lock:
            total.add(tally)
            if progress is not None:
                progress(f"lane {number}: {tally.trials} trials ok; total {total.trials}")

    with ThreadPoolExecutor(max_workers=max(1, plan.lanes)) as pool:
        futures = [pool.submit(chain, i, kinds) for i, kinds in enumerate(plan.chains(seed))]
        for future in futures:
            future.result()
    total.seconds = time.monotonic() - started
    return total


def run_sender_rounds(
    server_url: str, inspect: Inspect, workdir: Path, seed: int, rounds: int, lane: int
) -> Tally:
    """Two senders and the headless flush on one outbox, ``rounds`` times (in one lane)."""
    started = time.monotonic()
    lane_ = Lane(server_url, inspect, workdir / f"senders-{lane}", seed, lane)
    for round_ in range(rounds):
        lane_.lock_exclusion_trial()
        lane_.sender_race_trial(send_delay=0.01 * (round_ % 3))
        lane_.sender_handover_trial()
    lane_.tally.seconds = time.monotonic() - started
    return lane_.tally


@contextlib.contextmanager
def training_server() -> Iterator[Any]:
    """The example policy's training systems on 127.0.0.1 (one for a whole campaign)."""
    from app.services.paths import EXAMPLE_POLICY
    from app.services.policy.load import load_policy
    from app.training.server import TrainingServer

    with TrainingServer(load_policy(EXAMPLE_POLICY)) as server:
        yield server


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.crash_campaign",
        description="The full crash-safety campaign: kill -9 at every step and at random.",
    )
    parser.add_argument("--trials", type=int, default=1000, help="kill trials (default 1000)")
    parser.add_argument("--seed", type=int, default=None, help="default: a random one, printed")
    parser.add_argument("--lanes", type=int, default=2, help="chains run in parallel (default 2)")
    parser.add_argument("--workdir", type=Path, default=None, help="default: a temporary dir")
    parser.add_argument(
        "--sender-rounds", type=int, default=10, help="two-sender scenarios (default 10)"
    )
    parser.add_argument(
        "--draft-share",
        type=float,
        default=DRAFT_SHARE,
        help=f"share of drafts trials (default {DRAFT_SHARE}; 1 for drafts only)",
    )
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else secrets.randbelow(2**31)
    plan = Plan.for_trials(args.trials, args.lanes, args.draft_share)

    def say(text: str) -> None:
        sys.stderr.write(text + "\n")

    say(f"crash campaign: seed {seed}, {plan.trials} trials, {plan.lanes} lanes")
    with contextlib.ExitStack() as stack:
        workdir = args.workdir or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        server = stack.enter_context(training_server())
        codes = [m.code for m in server.policy.municipalities]
        try:
            tally = run_campaign(
                server.url, server.inspect, codes, workdir, plan, seed, progress=say
            )
            senders = run_sender_rounds(
                server.url, server.inspect, workdir, seed, args.sender_rounds, lane=100_000
            )
        except CampaignFailure as failure:
            say(f"FAILED (seed {seed}): {failure}")
            return 1
    sys.stdout.write(f"crash campaign passed (seed {seed}): {tally.summary()}\n")
    sys.stdout.write(f"two senders, {args.sender_rounds} rounds: {senders.summary()}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
