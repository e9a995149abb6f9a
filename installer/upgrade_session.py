"""An upgrade with items waiting, against the installed packages (issue 12, safe upgrades).

Run by ``installer/ci-upgrade.sh`` under Xvfb and a D-Bus session of its own, as root
(it installs packages)::

    xvfb-run -a dbus-run-session -- python installer/upgrade_session.py OLD.deb NEW.deb

What a worker and helpdesk do on a real night, in order, each step checked:

1. Version N is installed (``apt-get install ./OLD.deb``). A classroom training server
   runs from the source tree (it must outlive the upgrade).
2. The installed window is driven by keyboard under Xvfb (xdotool): the worker signs in
   (the browser is ``tests/browser_login.py``), finds a client, the client's system goes
   offline (the classroom server's outage control), the worker saves an entry (it waits),
   types another one and closes the window keeping it as a draft.
3. Version N+1 is installed over it (``apt-get install ./NEW.deb``); ``outbox status``
   of the new build counts the same waiting entry and draft.
4. The system comes back; helpdesk's ``paivystys outbox flush`` of the new build delivers
   the entry under the worker's kept sign-in. The system holds it exactly once; a second
   flush sends nothing; the draft stays.
5. Every deliverable golden outbox (``tests/golden/deliverable/manifest.json``, one per
   schema version and cipher profile, each made by that version's code) is put in the
   training profile in turn: the installed build counts its items and drafts as the
   manifest says, delivers the waiting ones of the signed-in organisation, each exactly
   once, and sends nothing on a second flush.
6. The package is purged: the worker's outbox stays in the profile.

Only the standard library: the installed build is what is tested, this only drives it.
Exits 0 when every check held; otherwise 1 with the step that failed. Screenshots of
the window go to ``$UPGRADE_SHOTS`` (default a temporary folder) when ``import`` exists.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
MANIFEST = REPO / "tests" / "golden" / "deliverable" / "manifest.json"
MUNICIPALITY = "186"  # Järvenpää: Effica, signs in with oidc in the example policy
SWITCH_KEY = "ctrl+2"
CLIENT = "140317A9139"
MARKER = "UPGRADE-ENTRY-5E1F"
DRAFT_MARKER = "UPGRADE-DRAFT-9C2B"
# The kinds whose delivered record carries the item's text (events and access events
# are logged by the systems without it).
RECORDED_KINDS = frozenset({"entry", "notification", "mail"})
KEYRING_SERVICE = "paivystys"
# The training outbox key's credential name, as the app computes it on this machine
# (app.services.outbox.keys: the machine's name is in it).
TRAINING_KEY_USER_CODE = (
    "from app.services.outbox.keys import KeyStore; print(KeyStore(training=True).username)"
)


class Failed(Exception):
    pass


def step(text: str) -> None:
    print(f"\n== upgrade: {text}", file=sys.stderr, flush=True)


def run(args: Sequence[str], *, timeout: float = 120, check: bool = True) -> str:
    result = subprocess.run(
        list(args), capture_output=True, text=True, timeout=timeout, check=False
    )
    if check and result.returncode != 0:
        raise Failed(f"{' '.join(args)}: exit {result.returncode}\n{result.stdout}{result.stderr}")
    return result.stdout


def wait_for(what: str, probe: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if probe():
            return
        time.sleep(0.5)
    raise Failed(f"timed out waiting for {what}")


def http(url: str, method: str = "GET") -> Any:
    request = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(request, timeout=10) as answer:  # 127.0.0.1 only
        body = answer.read()
    return json.loads(body) if body else None


def installed_version() -> str:
    return run(["paivystys", "--version"]).strip()


def install(deb: Path) -> None:
    run(["apt-get", "install", "-y", "-qq", "--allow-downgrades", str(deb)], timeout=600)


def package_version(deb: Path) -> str:
    return run(["dpkg-deb", "-f", str(deb), "Version"]).strip().rsplit("-", 1)[0]


class Night:
    """One worker's profile, the classroom server and the installed app."""

    def __init__(self, work: Path) -> None:
        self.work = work
        home = work / "home"
        home.mkdir()
        self.env = dict(os.environ)
        self.env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(work / "config"),
            XDG_DATA_HOME=str(work / "data"),
            XDG_STATE_HOME=str(work / "state"),
            XDG_CACHE_HOME=str(work / "cache"),
            BROWSER=f"{PYTHON} {REPO / 'tests' / 'browser_login.py'} %s",
            QT_QPA_PLATFORM="xcb",
        )
        self.env.pop("PAIVYSTYS_LOG_LEVEL", None)
        self.server: subprocess.Popen[str] | None = None
        self.index = ""
        self.shots = Path(os.environ.get("UPGRADE_SHOTS") or tempfile.mkdtemp(prefix="shots-"))
        self.shots.mkdir(parents=True, exist_ok=True)

    # The classroom server (from the source tree: it outlives the upgrade).
    def start_server(self) -> None:
        out = self.work / "server.out"
        self.server = subprocess.Popen(
            [PYTHON, "-m", "app", "training-server"],
            cwd=REPO,
            env=self.env,
            stdout=out.open("w"),
            stderr=(self.work / "server.err").open("w"),
            text=True,
        )
        wait_for("the training server", lambda: "control" in out.read_text(encoding="utf-8"))
        urls = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
        self.index = urls["control"].rsplit("/", 1)[0]

    def stop_server(self) -> None:
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=30)

    def set_online(self, code: str, online: bool) -> None:
        http(f"{self.index}/control/{code}/{'online' if online else 'offline'}", method="POST")

    def inspect(self, code: str) -> dict[str, Any]:
        answer: dict[str, Any] = http(f"{self.index}/inspect/{code}")
        return answer

    def records_with(self, code: str, marker: str) -> int:
        records = self.inspect(code)["records"]
        return sum(marker in json.dumps(record, ensure_ascii=False) for record in records)

    # The installed program.
    def paivystys(self, *args: str, timeout: float = 120, check: bool = True) -> str:
        result = subprocess.run(
            ["paivystys", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if check and result.returncode not in (0, 1):
            raise Failed(f"paivystys {' '.join(args)}: exit {result.returncode}\n{result.stderr}")
        return result.stdout

    def status(self) -> dict[str, Any]:
        out = self.paivystys("outbox", "status", "--training-server", self.index, "--json")
        outbox: dict[str, Any] = json.loads(out)["outbox"]
        if not outbox.get("ok"):
            raise Failed(f"outbox status: {outbox}")
        return outbox

    def flush(self) -> None:
        result = subprocess.run(
            ["paivystys", "outbox", "flush", "--training-server", self.index, "--json"],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        if result.returncode != 0:
            raise Failed(f"outbox flush: exit {result.returncode}\n{result.stdout}{result.stderr}")

    # The window.
    def key(self, *keys: str) -> None:
        run(["xdotool", "key", "--delay", "80", *keys])

    def type(self, text: str) -> None:
        run(["xdotool", "type", "--delay", "20", text])

    def window(self, name: str, timeout: float = 60) -> str:
        out = run(["xdotool", "search", "--sync", "--onlyvisible", "--name", name], timeout=timeout)
        return out.split()[0]

    def shot(self, name: str) -> None:
        if shutil.which("import"):
            run(["import", "-window", "root", str(self.shots / f"{name}.png")], check=False)

    def save_offline_and_close(self) -> None:
        app = subprocess.Popen(
            ["paivystys", "--training-server", self.index],
            env=self.env,
            stdout=(self.work / "app.out").open("w"),
            stderr=(self.work / "app.err").open("w"),
        )
        try:
            main = self.window("Päivystys")
            time.sleep(2)  # the first show fills in after it
            run(["xdotool", "windowfocus", "--sync", main])
            self.key(SWITCH_KEY, "ctrl+shift+k")
            # A first online sign-in offers the lock's PIN: the worker skips it.
            self.window("PIN", timeout=60)
            self.shot("1-signed-in")
            self.key("Escape")
            time.sleep(1)
            run(["xdotool", "windowfocus", "--sync", main])
            self.key("alt+h")
            self.type(CLIENT)
            self.key("Return")
            wait_for(
                "the client's card (its access event)",
                lambda: any(
                    event["action"] == "view" for event in self.inspect(MUNICIPALITY)["access"]
                ),
            )
            self.set_online(MUNICIPALITY, False)
            self.key("ctrl+n")
            time.sleep(1)
            self.type(f"{MARKER}: poliisi soitti klo 3, lapsi turvassa. Ŋ Đ Ž")
            self.key("ctrl+Return")
            wait_for("the entry waiting in the outbox", lambda: self.status()["waiting"] == 1)
            self.shot("2-waiting")
            self.key("ctrl+n")
            time.sleep(1)
            self.type(f"{DRAFT_MARKER}: kesken, jatkan aamulla. Šž")
            self.key("ctrl+q")
            time.sleep(2)
            self.shot("3-close")
            self.key("alt+l")  # Säilytä luonnoksena
            app.wait(timeout=60)
        finally:
            if app.poll() is None:
                self.shot("failed")
                app.terminate()
                app.wait(timeout=30)


def expect(what: str, actual: object, wanted: object) -> None:
    if actual != wanted:
        raise Failed(f"{what}: {actual!r}, expected {wanted!r}")
    print(f"   ok  {what}: {actual!r}", file=sys.stderr)


def counts(outbox: dict[str, Any]) -> dict[str, Any]:
    keys = ("waiting", "sending", "needs_attention", "manual", "drafts", "per_municipality")
    return {key: outbox[key] for key in keys}


def upgrade_with_items_waiting(night: Night, old: Path, new: Path) -> None:
    step(f"install version N ({old.name})")
    install(old)
    expect("installed version", installed_version(), f"paivystys {package_version(old)}")

    step("the worker signs in, saves an entry offline and keeps a draft (window, keyboard)")
    night.save_offline_and_close()
    before = night.status()
    expect("waiting before the upgrade", before["per_municipality"], {MUNICIPALITY: 1})
    expect("drafts before the upgrade", before["drafts"], 1)
    expect("records before the upgrade", night.records_with(MUNICIPALITY, MARKER), 0)

    step(f"install version N+1 over it ({new.name})")
    install(new)
    expect("installed version", installed_version(), f"paivystys {package_version(new)}")
    expect("outbox after the upgrade", counts(night.status()), counts(before))

    step("the system comes back; helpdesk flushes with the new build")
    night.set_online(MUNICIPALITY, True)
    night.flush()
    after = night.status()
    expect("waiting after the flush", after["waiting"], 0)
    expect("the draft stays", after["drafts"], 1)
    expect("the entry recorded", night.records_with(MUNICIPALITY, MARKER), 1)
    expect("the draft never sent", night.records_with(MUNICIPALITY, DRAFT_MARKER), 0)
    night.flush()
    expect("recorded after a second flush", night.records_with(MUNICIPALITY, MARKER), 1)


def python_line(night: Night, code: str, *args: str) -> str:
    """``python -c code args`` of the source tree in the night's session; its stdout."""
    return subprocess.run(
        [PYTHON, "-c", code, *args],
        cwd=REPO,
        env=night.env,
        check=True,
        timeout=60,
        capture_output=True,
        text=True,
    ).stdout.strip()


def training_key_user(night: Night) -> str:
    return python_line(night, TRAINING_KEY_USER_CODE)


def get_training_key(night: Night) -> str:
    code = "import keyring, sys; print(keyring.get_password(sys.argv[1], sys.argv[2]))"
    out = python_line(night, code, KEYRING_SERVICE, training_key_user(night))
    if len(out) != 64:
        raise Failed("the training outbox key is not in the keyring")
    return out


def set_training_key(night: Night, hex_key: str) -> None:
    code = (
        "import keyring, sys; keyring.set_password(sys.argv[1], sys.argv[2], sys.argv[3]);"
        "assert keyring.get_password(sys.argv[1], sys.argv[2]) == sys.argv[3]"
    )
    python_line(night, code, KEYRING_SERVICE, training_key_user(night), hex_key)


def one_golden_outbox(night: Night, profile: Path, file_name: str, golden: Any) -> None:
    """One golden outbox as the training outbox: counted, delivered once, nothing twice."""
    step(f"golden outbox {file_name} (schema {golden['schema']}, cipher {golden['cipher']})")
    shutil.copyfile(MANIFEST.parent / file_name, profile / "outbox.db")
    os.chmod(profile / "outbox.db", 0o600)
    key = (MANIFEST.parent / file_name).with_suffix(".key").read_text(encoding="utf-8")
    set_training_key(night, key.strip())
    outbox = night.status()
    expect("cipher kept", outbox["format"]["cipher"], golden["cipher"])
    wanted = golden["expected_status"]
    expect("status after open", {k: outbox[k] for k in wanted}, wanted)
    items = golden["items"]
    alive = [item for item in items if item["state"] != "gone"]
    night.flush()
    after = night.status()
    expect(
        "left after the flush",
        (after["waiting"], after["sending"], after["needs_attention"]),
        (0, 0, 0),
    )
    expect("drafts after the flush", after["drafts"], len(golden["drafts"]))
    for item in items:
        if item["kind"] not in RECORDED_KINDS:
            continue
        once = int(item["state"] != "gone")
        expect(
            f"{item['marker']} ({item['state']}) recorded",
            night.records_with(item["municipality"], item["marker"]),
            once,
        )
    night.flush()
    for item in alive:
        if item["kind"] in RECORDED_KINDS:
            count = night.records_with(item["municipality"], item["marker"])
            expect(f"{item['marker']} after a second flush", count, 1)
    for draft in golden["drafts"]:
        count = night.records_with(draft["municipality"], draft["marker"])
        expect(f"draft {draft['marker']} never sent", count, 0)


def golden_outboxes(night: Night) -> None:
    """Each deliverable golden outbox in the installed build: counted as the manifest
    says, every waiting item delivered by helpdesk's flush (the oidc municipalities under
    the worker's kept sign-in, the password ones under training's own password), each
    once, never a gone one; nothing sent on a second flush."""
    if not MANIFEST.exists():
        raise Failed(f"{MANIFEST} is missing")
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    profile = Path(night.env["XDG_DATA_HOME"]) / "paivystys" / "training"
    own_key = get_training_key(night)
    kept = night.work / "kept-outbox"
    kept.mkdir()
    files = ("outbox.db", "outbox.db-wal", "outbox.db-shm")
    for name in files:
        if (profile / name).exists():
            shutil.move(str(profile / name), str(kept / name))
    for file_name, golden in manifest["files"].items():
        for name in files:
            (profile / name).unlink(missing_ok=True)
        one_golden_outbox(night, profile, file_name, golden)
    for name in files:
        (profile / name).unlink(missing_ok=True)
        if (kept / name).exists():
            shutil.move(str(kept / name), str(profile / name))
    set_training_key(night, own_key)


def purge_keeps_the_outbox(night: Night) -> None:
    step("purge: the program goes, the worker's outbox stays")
    run(["apt-get", "purge", "-y", "-qq", "paivystys"], timeout=300)
    if shutil.which("paivystys"):
        raise Failed("paivystys still on PATH after purge")
    outbox = Path(night.env["XDG_DATA_HOME"]) / "paivystys" / "training" / "outbox.db"
    expect("the outbox after purge", outbox.exists(), True)


def main(argv: Sequence[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 64
    old, new = (Path(a).resolve() for a in argv)
    work = Path(tempfile.mkdtemp(prefix="upgrade-"))
    night = Night(work)
    subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
        input="ci",
        text=True,
        env=night.env,
        capture_output=True,
        check=True,
        timeout=30,
    )
    try:
        night.start_server()
        upgrade_with_items_waiting(night, old, new)
        golden_outboxes(night)
        purge_keeps_the_outbox(night)
    except (Failed, subprocess.SubprocessError) as error:
        print(f"upgrade: FAIL: {error}", file=sys.stderr)
        for log in ("app.err", "server.err"):
            path = work / log
            if path.exists():
                print(f"--- {log}\n{path.read_text(encoding='utf-8')[-3000:]}", file=sys.stderr)
        print(f"screenshots: {night.shots}", file=sys.stderr)
        return 1
    finally:
        night.stop_server()
    print("upgrade: OK", file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
