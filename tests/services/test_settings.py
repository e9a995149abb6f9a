from __future__ import annotations

from pathlib import Path

import pytest

from app.services.settings import SettingsStore, UserSettings


def test_defaults_without_a_file(tmp_path: Path) -> None:
    assert SettingsStore(tmp_path / "settings.json").load() == UserSettings()
    assert UserSettings().language is None  # not chosen: the policy's, else Finnish


def test_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "deep" / "settings.json")
    settings = UserSettings(
        language="sv", policy_language="en", last_municipality="245", window_geometry="AdnQyw=="
    )
    store.save(settings)
    assert store.load() == settings
    assert [p.name for p in store.path.parent.iterdir()] == ["settings.json"]


@pytest.mark.parametrize(
    "content",
    [
        b"{",
        b'{"language": "de"}',
        b'{"last_municipality": 106}',
        b'{"colour": "red"}',
        b"\xff\xfe",
        b"[]",
        b"[" * 40_000 + b"]" * 40_000,  # under the size limit, nested too deeply
    ],
)
def test_broken_file_gives_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    assert SettingsStore(path).load() == UserSettings()
