"""``python -m bench``: every benchmark of issue 3 in one run, into docs/performance.md.

1. durable save latency, the app's ``Outbox.put`` against a bare SQLCipher commit of the
   same statements (a plain sqlite3 one beside them);
2. flush of 1,000 waiting items against a raw ``requests.Session`` loop;
3. the largest GUI event-loop stall while a system hangs, the VPN drops and
   1,000 items flush;
4. save latency with 100,000 items waiting against an empty outbox;
5. (issue 10) an entry's delivery while another municipality's system drips;
6. (issue 13) start-up: the app's launch to its first shown window and its peak memory,
   pair by pair against a bare PySide6 program showing one ``QMainWindow``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.common import Section, progress
from bench.training import REPO, child_environment

DEFAULT_OUTPUT = REPO / "docs" / "performance.md"
MEASUREMENTS = ("1", "2", "3", "4", "5", "6")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Run the outbox, delivery and GUI benchmarks; write docs/performance.md.",
    )
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="report file (default: %(default)s)"
    )
    parser.add_argument(
        "--directory",
        type=Path,
        default=None,
        help="where the temporary databases go (default: the system's temporary directory)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="small counts: a smoke run, not for the record"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=MEASUREMENTS,
        help="run only this measurement (repeatable); the report then holds only these",
    )
    return parser


def _quiet_qt() -> None:
    """Drop the offscreen platform's note about size hints; pass everything else on."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        sys.stderr.write(f"qt: {message}\n")

    qInstallMessageHandler(handler)


def run(args: argparse.Namespace, argv: Sequence[str]) -> int:
    started = time.perf_counter()
    quick: bool = args.quick
    saves = 300 if quick else 3000
    start_pairs = 3 if quick else 20
    directory = Path(tempfile.mkdtemp(prefix="paivystys-bench-", dir=args.directory))
    profile = directory / "profile"
    env = child_environment(profile)
    # This process's profile too: the window's training outbox and settings go there.
    os.environ.update({k: v for k, v in env.items() if k.startswith("XDG_")})
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _quiet_qt()

    from bench.report import Machine, render
    from bench.save import measure_save
    from bench.startup import measure_startup

    wanted = set(args.only or MEASUREMENTS)
    progress(f"databases in {directory}; report to {args.output}")
    sections: dict[str, Section] = {}
    try:
        machine = Machine.describe(directory).with_load("at the start")
        if "6" in wanted:
            # First, while nothing else of this run is resident or running.
            (directory / "startup").mkdir()
            sections["6"] = measure_startup(directory / "startup", start_pairs)
        if "1" in wanted:
            (directory / "save").mkdir()
            sections["1"] = measure_save(directory / "save", saves)
        if wanted & {"2", "3", "4", "5"}:
            sections |= _with_training_systems(env, directory, wanted, quick, saves)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    machine = machine.with_load("at the end")
    ordered = [sections[key] for key in sorted(sections)]
    seconds = time.perf_counter() - started
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(machine, ordered, seconds, list(argv)), encoding="utf-8")
    for section in ordered:
        for result in section.results:
            if result.target:
                progress(f"{result.verdict.value:4s} {result.key} {result.name}: {result.value}")
    progress(f"done in {seconds:.0f} s; wrote {args.output}")
    return 0


def _with_training_systems(
    env: dict[str, str], directory: Path, wanted: set[str], quick: bool, saves: int
) -> dict[str, Section]:
    """Measurements 2–5: on the training systems of a child process (4 needs their codes)."""
    from bench.flush import measure_flush
    from bench.gui import measure_gui
    from bench.lanes import measure_lanes
    from bench.save import measure_backlog
    from bench.training import TrainingProcess

    backlog, items, rounds = (10_000, 200, 1) if quick else (100_000, 1000, 5)
    lane_runs = 3 if quick else 10
    sections: dict[str, Section] = {}
    with TrainingProcess(env) as server:
        codes = [m.code for m in server.training_policy.municipalities]
        if "2" in wanted:
            (directory / "flush").mkdir()
            sections["2"] = measure_flush(directory / "flush", server, items, rounds)
        if "3" in wanted:
            sections["3"] = measure_gui(server, directory, items)
        if "5" in wanted:
            (directory / "lanes").mkdir()
            sections["5"] = measure_lanes(directory / "lanes", server, lane_runs)
    if "4" in wanted:
        (directory / "backlog").mkdir()
        sections["4"] = measure_backlog(directory / "backlog", min(saves, 1000), backlog, codes)
    return sections


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    return run(build_parser().parse_args(argv), argv)


if __name__ == "__main__":
    sys.exit(main())
