"""The UI tests' fixtures: the interface in Swedish and in English."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from app.services.documents import wording
from app.ui.app import install_translations
from tests.gui_helpers import LANGUAGES, TRANSLATIONS_SCRIPT


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .qm files built from the committed .ts files, as ./dev and the installers do."""
    out = tmp_path_factory.mktemp("i18n")
    subprocess.run([sys.executable, str(TRANSLATIONS_SCRIPT), "build", str(out)], check=True)
    return out


@pytest.fixture(params=LANGUAGES)
def language(
    request: pytest.FixtureRequest, qapp: QApplication, compiled_translations: Path
) -> Iterator[str]:
    """The app's translations (and Qt's) installed for the test, then removed."""
    before = QLocale()
    installed = install_translations(qapp, request.param, compiled_translations)
    assert len(installed) >= 1
    # The app's own translator is the last one installed.
    assert QCoreApplication.translate("MainWindow", "&Kunta") != "&Kunta"
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)
    wording.set_translate(None)


@pytest.fixture(params=["fi", "sv", "en"])
def any_language(
    request: pytest.FixtureRequest, qapp: QApplication, compiled_translations: Path
) -> Iterator[str]:
    """The interface in Finnish, Swedish or English, as the app installs it; removed after."""
    before = QLocale()
    installed = install_translations(qapp, request.param, compiled_translations)
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)
    wording.set_translate(None)
