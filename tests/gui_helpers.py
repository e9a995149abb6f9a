"""Helpers for the GUI tests: contexts on the training systems, reading the screen."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.connectors.base import Credentials
from app.services.context import AppContext, TrainingInfo
from app.services.policy import Policy
from app.services.profile import OutboxSetup
from app.services.settings import SettingsStore
from app.services.workstation import Workstation
from app.training.server import TRAINING_PASSWORD, TRAINING_USERNAME, TrainingServer

WORKER = "Päivystäjä Testi"


def training_context(
    training: TrainingServer, settings_path: Path, policy: Policy | None = None
) -> AppContext:
    """A context on the training systems, as the entry point wires it in training mode."""
    policy = policy or training.policy
    credentials = Credentials(TRAINING_USERNAME, TRAINING_PASSWORD)
    return AppContext(
        policy=policy,
        workstation=Workstation(policy, lambda _municipality: credentials),
        settings=SettingsStore(settings_path),
        worker_name=WORKER,
        outbox=OutboxSetup.for_mode(training=True),
        training=TrainingInfo.from_description(training.url, training.description),
    )


def with_endpoint(policy: Policy, code: str, url: str) -> Policy:
    """``policy`` with municipality ``code``'s system moved to ``url``."""
    municipalities = tuple(
        replace(m, system=replace(m.system, endpoint=url)) if m.code == code else m
        for m in policy.municipalities
    )
    return replace(policy, municipalities=municipalities)


def inspect(training: TrainingServer) -> dict[str, list[dict[str, Any]]]:
    """Everything the training systems hold, fetched over HTTP as a trainer would."""
    with urllib.request.urlopen(training.description["inspect"], timeout=5) as reply:
        records: dict[str, list[dict[str, Any]]] = json.load(reply)
    return records


def widget_texts(root: QWidget) -> list[str]:
    """Every text the window could show or read out: labels, fields, items, titles."""
    texts = [root.windowTitle(), root.toolTip(), root.accessibleName()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        texts += [widget.windowTitle(), widget.statusTip(), widget.whatsThis()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QAbstractSpinBox):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(index) for index in range(widget.count())]
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                item = widget.item(row)
                texts += [item.text(), item.toolTip()]
    return [text for text in texts if text]


def shows(root: QWidget, fragment: str) -> bool:
    return any(fragment in text for text in widget_texts(root))


def press(
    widget: QWidget,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """``qtbot.keyClick``, typed: pytest-qt passes QTest's functions through untyped."""
    QTest.keyClick(widget, key, modifiers)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; QTest synthesises ASCII only, so others are inserted."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        elif isinstance(widget, QPlainTextEdit):
            widget.insertPlainText(char)
        elif isinstance(widget, QLineEdit):
            widget.insert(char)
        else:
            raise TypeError(f"cannot insert text into {type(widget).__name__}")
