"""Qt stays in app/ui and the entry point; services and connectors are plain Python."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")


def qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [name for name in names if name.split(".")[0] in QT_MODULES]
    return found


def test_no_qt_import_outside_ui_and_entry_point() -> None:
    offenders = {}
    for path in APP.rglob("*.py"):
        relative = path.relative_to(APP).as_posix()
        if relative.startswith("ui/") or relative in ("main.py", "__main__.py"):
            continue
        if imports := qt_imports(path):
            offenders[relative] = imports
    assert offenders == {}


def test_the_check_itself_finds_qt(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QObject\n", encoding="utf-8")
    assert qt_imports(sample) == ["PySide6.QtCore"]


def test_headless_paths_never_load_qt() -> None:
    code = (
        "import sys, app.main, app.services.workstation, app.training.server, "
        "app.connectors.registry as r\n"
        "[r.connector_class(t) for t in r.known_systems()]\n"
        "[r.training_handler_class(t) for t in r.known_systems()]\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
