"""Ohje → Kieli: the worker picks the interface's language, kept in their settings.

The language is read before the first widget is made (app/ui/app.py), so the choice
takes effect at the next start; ``paivystys --lang`` still overrides it for one run.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

# Each language named in itself, as language pickers do: never translated.
LANGUAGES = (("fi", "Suomi"), ("sv", "Svenska"), ("en", "English"))


def current_language() -> str:
    """The interface's language now (QLocale's default follows it)."""
    code = QLocale().name()[:2]
    return code if code in {"sv", "en"} else "fi"


def add_language_menu(
    menu: QMenu, save: Callable[[str], None], tell: Callable[[str], None]
) -> QMenu:
    """A "Kieli" submenu in ``menu``; a choice is saved with ``save(code)`` and the worker
    is told (``tell``) that it takes effect at the next start."""
    languages = menu.addMenu(QCoreApplication.translate("LanguageMenu", "&Kieli"))
    languages.setObjectName("languageMenu")
    group = QActionGroup(languages)
    current = current_language()
    for code, name in LANGUAGES:
        action = QAction(name, languages)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setActionGroup(group)
        action.triggered.connect(lambda _checked=False, code=code: _chosen(code, save, tell))
        languages.addAction(action)
    return languages


def _chosen(code: str, save: Callable[[str], None], tell: Callable[[str], None]) -> None:
    save(code)
    tell(
        QCoreApplication.translate(
            "LanguageMenu",
            "Kieli tallennettu: se vaihtuu, kun Päivystys käynnistetään seuraavan kerran.",
        )
    )
