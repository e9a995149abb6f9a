"""The package as pip installs it: the wheel carries the resources and runs without the source.

The wheel is built from a copy of the project's files (the source tree is left without a
``build/`` or ``*.egg-info``) with the tests' own setuptools, without build isolation, so
nothing is downloaded. It is installed into a fresh venv whose other packages (PySide6,
SQLCipher...) come from the tests' environment through a ``.pth`` file; the ``app`` it
runs is the installed one, never the source tree's, which is on no path there.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
from packaging.version import Version

from app.services.policy.location import has_policy, platform_location
from tests.helpers import ROOT, profile_env

# What the wheel is built from: pyproject.toml's packages, package data, readme and licence.
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "app", "resources", "installer")
RESOURCES = (
    "app/resources/__init__.py",
    "app/resources/fonts/DejaVuSans.ttf",
    "app/resources/fonts/DejaVuSans-Bold.ttf",
    "app/resources/fonts/LICENSE",
    "app/resources/policy/keski-uusimaa.toml",
    "app/resources/icons/paivystys.svg",
    # Built from their .ts sources before the wheel (installer/translations.py build).
    "app/ui/i18n/paivystys_sv.qm",
    "app/ui/i18n/paivystys_en.qm",
)
BIN = "Scripts" if os.name == "nt" else "bin"

# python -c PRINT OUT: the example policy's first municipality's duty entry of a synthetic
# person printed to the PDF file OUT, as the window's "Tallenna PDF" saves one; on stdout
# where the app, the example policy and the fonts were found.
PRINT = """
import datetime as dt, json, sys
from pathlib import Path
import app
from app.domain.hetu import parse_hetu
from app.domain.model import ContactChannel, DutyEntry, TaskType
from app.services import paths
from app.services.documents import render_entry
from app.services.documents.entry import PrintedPerson
from app.services.documents.fonts import register_fonts
from app.services.files import atomic_write
from app.services.policy.load import load_policy
policy = load_policy(paths.EXAMPLE_POLICY)
municipality = policy.municipalities[0]
now = dt.datetime.now(policy.zone).replace(microsecond=0)
entry = DutyEntry(
    hetu=parse_hetu("010190-966U"), contact_time=now, contact_channel=ContactChannel.POLICE,
    task_type=TaskType.CHILD_PROTECTION, narrative="Pakettitesti: Ŋ Đ Ŧ Ž Š Č ä ö å",
    measures="Ei toimenpiteitä.", follow_up_needed=False, author="Pakettitesti Đuolbmá",
)
pdf = render_entry(
    entry, PrintedPerson(entry.hetu, "Ŋilá Šára Đuolbmá"), municipality,
    policy.registrar(municipality.registrar), "Pakettitesti", now, zone=policy.zone,
)
atomic_write(Path(sys.argv[1]), pdf)
print(json.dumps({"app": app.__file__, "policy": str(paths.EXAMPLE_POLICY),
                  "fonts": str(register_fonts())}))
"""


def packages_in_source() -> set[str]:
    """Every package of app/ (a directory with an __init__.py), dotted."""
    return {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "app").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }


def test_pyproject_lists_every_package_and_the_resources() -> None:
    with (ROOT / "pyproject.toml").open("rb") as file:
        setuptools = tomllib.load(file)["tool"]["setuptools"]
    folders = {
        f"app.resources.{folder.name}"
        for folder in (ROOT / "resources").iterdir()
        if folder.is_dir() and folder.name != "__pycache__"
    }
    assert set(setuptools["packages"]) == packages_in_source() | {"app.resources"} | folders
    assert setuptools["package-dir"] == {"app.resources": "resources"}


def run(command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=300, check=False, **options
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done


def build_wheel(tmp_path: Path) -> Path:
    setuptools = Version(importlib.metadata.version("setuptools"))
    assert setuptools >= Version("77"), (
        f"setuptools {setuptools} cannot build this project (PEP 639 licence): the test extra "
        "asks for setuptools>=77; install it (./dev test does: pip install -e '.[test]')"
    )
    source, wheels = tmp_path / "source", tmp_path / "wheels"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, source / name)
    # The interface's translations are built, not committed: built first, as ./dev does.
    run([sys.executable, str(source / "installer" / "translations.py"), "build"])
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), "."],
        cwd=source,
    )
    (wheel,) = wheels.glob("paivystys-*.whl")
    return wheel


def fresh_venv(tmp_path: Path) -> Path:
    """A venv of its own whose site-packages ends with the tests' environment's."""
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / BIN / ("python.exe" if os.name == "nt" else "python")
    purelib = Path(
        run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
        ).stdout.strip()
    )
    # The tests' site-packages (a venv on a venv has none of its base's): after the venv's
    # own on sys.path, so the wheel's app comes first. pip comes from there too.
    theirs = [entry for entry in sys.path if Path(entry).name in {"site-packages", "dist-packages"}]
    assert theirs, sys.path
    (purelib / "tests-environment.pth").write_text("\n".join(theirs) + "\n", encoding="utf-8")
    return python


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel built and installed into a fresh venv: (the wheel, the venv's python)."""
    tmp_path = tmp_path_factory.mktemp("package")
    wheel = build_wheel(tmp_path)
    python = fresh_venv(tmp_path)
    run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", "--no-deps",
         "--no-index", "--ignore-installed", str(wheel)])  # fmt: skip
    return wheel, python


def test_the_wheel_carries_the_resources_inside_the_app_package(
    installed: tuple[Path, Path],
) -> None:
    wheel, _python = installed
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert set(RESOURCES) <= names
    tops = {name.split("/", 1)[0] for name in names}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"app"}
    with zipfile.ZipFile(wheel) as archive:
        (entry_points,) = (name for name in names if name.endswith(".dist-info/entry_points.txt"))
        scripts = archive.read(entry_points).decode("utf-8").split()
    # The command (console) and the window without a console (GUI program) on Windows.
    assert scripts == [
        "[console_scripts]", "paivystys", "=", "app.main:main",
        "[gui_scripts]", "paivystys-gui", "=", "app.main:main",
    ]  # fmt: skip


def test_the_installed_wheel_self_tests_and_prints_with_its_own_fonts(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    _wheel, python = installed
    venv = python.parent.parent
    cwd = tmp_path / "elsewhere"  # not the source tree: its app must not be found
    cwd.mkdir()
    env = profile_env(tmp_path / "home")
    env.pop("PYTHONPATH", None)
    env.pop("QT_QPA_PLATFORM")  # the self-test makes Qt offscreen itself
    paivystys = python.parent / ("paivystys.exe" if os.name == "nt" else "paivystys")

    done = run([str(paivystys), "--self-test", "--training", "--json"], cwd=cwd, env=env)
    report = json.loads(done.stdout)
    assert report["ok"], report
    assert Path(report["document"]["fonts"]).is_relative_to(venv)
    if not has_policy(platform_location()):  # no machine policy: the shipped example
        assert report["policy"]["source"] == "example"

    pdf = tmp_path / "entry.pdf"
    done = run([str(python), "-c", PRINT, str(pdf)], cwd=cwd, env=env)
    found = json.loads(done.stdout)
    for where in ("app", "policy", "fonts"):
        assert Path(found[where]).is_relative_to(venv), found
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler's pdffonts is not installed")
    fonts = run(["pdffonts", str(pdf)]).stdout.splitlines()[2:]
    # name type encoding emb sub uni object ID: a subset of each face, embedded.
    embedded = {line.split()[0].split("+")[-1] for line in fonts if line.split()[3] == "yes"}
    assert embedded == {"DejaVuSans", "DejaVuSans-Bold"}, fonts
