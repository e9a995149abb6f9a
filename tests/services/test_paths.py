"""Where the shipped resources are found, from source and in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.services import paths


def test_resources_from_source_are_beside_the_app_package() -> None:
    assert paths.resources_dir() == Path(paths.__file__).resolve().parents[2] / "resources"
    assert paths.resources_dir() == paths.RESOURCES
    assert paths.EXAMPLE_POLICY.is_file()
    assert (paths.RESOURCES / "fonts" / "DejaVuSans.ttf").is_file()


def test_frozen_resources_are_in_the_bundle_directory(tmp_path: Path) -> None:
    # PyInstaller's sys._MEIPASS: the spec puts resources/ at the bundle's top.
    assert paths.resources_dir(str(tmp_path)) == tmp_path / "resources"


def test_the_bundle_is_read_only_when_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.frozen_bundle() is None
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert paths.frozen_bundle() == str(tmp_path)
