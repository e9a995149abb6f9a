"""Which language a run speaks: --lang, else the worker's choice, else the policy's, else fi."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.language import LANGUAGES, choose_language
from app.services.policy.load import PolicyError, load_policy
from app.services.settings import SettingsStore, UserSettings
from tests.helpers import example_data, write_toml


def test_the_run_the_worker_the_policy_then_finnish() -> None:
    assert choose_language("en", "sv", "sv") == "en"
    assert choose_language(None, "sv", "en") == "sv"
    assert choose_language(None, None, "en") == "en"
    assert choose_language(None, None, None) == "fi"
    assert LANGUAGES == ("fi", "sv", "en")


def test_a_worker_who_never_chose_has_no_language(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    assert store.load().language is None
    store.save(UserSettings(language="sv"))
    assert store.load().language == "sv"


def test_the_policy_names_the_units_language(tmp_path: Path) -> None:
    data = example_data()
    assert load_policy(write_toml(tmp_path / "default.toml", data)).duty_unit.language is None
    data["duty_unit"]["language"] = "sv"
    assert load_policy(write_toml(tmp_path / "sv.toml", data)).duty_unit.language == "sv"
    data["duty_unit"]["language"] = "de"
    with pytest.raises(PolicyError, match="language"):
        load_policy(write_toml(tmp_path / "de.toml", data))
