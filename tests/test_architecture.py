"""The layers read top-down, and Qt stays in app/ui and the entry point.

Layers, bottom up (docs/architecture.md): ``app.domain`` imports nothing else
from ``app``; ``app.connectors`` only the domain; ``app.services`` the domain and
connectors; ``app.training`` only the domain; ``app.ui`` everything below it but
training; ``app.main`` and ``app.wiring`` wire them all. An import under ``TYPE_CHECKING`` counts,
and so does a ``"module:Name"`` string that is imported by name at run time.

The tests share helpers through helper modules (``tests/helpers.py``,
``tests/gui_helpers.py``, ...) and fixtures through ``tests/conftest.py``: no module
under ``tests/`` imports a test module.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
APP = TESTS.parent / "app"
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
        "import sys, app.main, app.services.workstation, app.training.server as s, "
        "app.connectors.registry as r\n"
        "[r.connector_class(t) for t in r.known_systems()]\n"
        "[s.simulator_class(t) for t in r.known_systems()]\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"


# layer -> the layers it may import (its own included)
ALLOWED = {
    "domain": {"domain"},
    "connectors": {"domain", "connectors"},
    "services": {"domain", "connectors", "services"},
    "training": {"domain", "training"},
    "ui": {"domain", "connectors", "services", "ui"},
}
# The root package (only the version) may be imported from anywhere.
WIRING = {"main", "__main__", "__init__", "wiring"}
_IMPORTED_BY_NAME = re.compile(r"(app(?:\.\w+)+):\w+")


def app_imports(path: Path, module: str) -> list[str]:
    """Every ``app`` module ``path`` imports: statements anywhere, and "module:Name" strings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module.split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], *filter(None, [base])])
            found += [f"{base}.{alias.name}" for alias in node.names] if base == "app" else [base]
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and (match := _IMPORTED_BY_NAME.fullmatch(node.value))
        ):
            found.append(match[1])
    return [name for name in found if name == "app" or name.startswith("app.")]


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) < 2 or parts[1] in WIRING:
        return None
    return parts[1]


def layer_offences(root: Path) -> dict[str, list[str]]:
    offences: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent).with_suffix("")
        module = ".".join(relative.parts).removesuffix(".__init__")
        layer = layer_of(module)
        if layer is None:
            continue
        allowed = ALLOWED.get(layer, set())
        bad = [
            name
            for name in app_imports(path, module)
            if name != "app" and layer_of(name) not in allowed
        ]
        if layer not in ALLOWED:
            bad.insert(0, f"(unknown layer {layer!r})")
        if bad:
            offences[module] = bad
    return offences


def test_every_import_follows_the_layers() -> None:
    assert layer_offences(APP) == {}


def test_every_module_is_in_a_layer() -> None:
    tops = {path.name.removesuffix(".py") for path in APP.iterdir() if path.name != "__pycache__"}
    assert tops == set(ALLOWED) | WIRING


def test_the_layer_check_finds_offences(tmp_path: Path) -> None:
    app = tmp_path / "app"
    for layer in ("domain", "connectors", "training", "services"):
        (app / layer).mkdir(parents=True)
    (app / "domain" / "model.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from app.services.outbox import store\n",
        encoding="utf-8",
    )
    (app / "connectors" / "registry.py").write_text(
        'TARGETS = {"x": "app.training.sim:Handler"}\nfrom app.domain import model\n',
        encoding="utf-8",
    )
    (app / "training" / "server.py").write_text("from app import services\n", encoding="utf-8")
    (app / "services" / "ok.py").write_text(
        "from app.connectors import registry\nfrom . import ok\nfrom ..domain import model\n",
        encoding="utf-8",
    )
    assert layer_offences(app) == {
        "app.domain.model": ["app.services.outbox"],
        "app.connectors.registry": ["app.training.sim"],
        "app.training.server": ["app.services"],
    }


def imported_test_modules(path: Path, package: str = "tests") -> list[str]:
    """The test modules (``tests.test_*``, ``tests.ui.test_*``…) that the module at
    ``path``, in ``package``, imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join([*parts[: len(parts) - node.level + 1], *filter(None, [base])])
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        found += [name for name in names if re.fullmatch(r"tests(\.\w+)*\.test_\w+", name)]
    return found


def test_no_test_module_imports_another() -> None:
    offenders = {}
    for path in sorted(TESTS.rglob("*.py")):
        package = ".".join(["tests", *path.relative_to(TESTS).parent.parts])
        if imports := imported_test_modules(path, package):
            offenders[path.relative_to(TESTS).as_posix()] = imports
    assert offenders == {}


def test_the_check_itself_finds_imports_of_test_modules(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import tests.test_cli as cli\n"
        "from tests.helpers import entry_for\n"
        "from tests import gui_helpers, test_hetu\n"
        "from .test_policy import example_data\n"
        "def late():\n    from tests.services.test_outbox import run_child\n"
        "from ..connectors.test_http import GOOD\n",
        encoding="utf-8",
    )
    assert sorted(imported_test_modules(sample, "tests.ui")) == [
        "tests.connectors.test_http",
        "tests.services.test_outbox",
        "tests.test_cli",
        "tests.test_hetu",
        "tests.ui.test_policy",
    ]
