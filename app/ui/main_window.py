"""The main window: municipality switcher beside the duty desk, menus, settings."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.connectors.errors import ConnectorError
from app.services.context import AppContext
from app.services.settings import UserSettings
from app.ui.desk import DutyDesk
from app.ui.status import StatusArea
from app.ui.switcher import MunicipalitySwitcher, Reachability
from app.ui.tasks import Generation, Pool, TaskRunner

log = logging.getLogger(__name__)

_BANNER_STYLE = "background: #ffd54f; color: #000000; font-weight: bold; padding: 6px;"


class MainWindow(QMainWindow):
    """The duty workstation's window.

    ``initial_settings`` are the worker's settings when the caller has read
    them already (it needs the language first); otherwise they are read in
    the background.

    Signals:
        municipality_selected(str): the desk now works in this municipality.
        client_loaded(str): a client's summary is on the card (municipality code).
        entry_delivered(str, str): the municipality's system holds the entry
            (municipality code, the system's record id).
        reachability_changed(str, str): a probe or call showed the municipality's
            system state (code, :class:`Reachability` value).
        settings_applied(): the saved settings were read and applied.
    """

    municipality_selected = Signal(str)
    client_loaded = Signal(str)
    entry_delivered = Signal(str, str)
    reachability_changed = Signal(str, str)
    settings_applied = Signal()

    def __init__(self, context: AppContext, initial_settings: UserSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._context = context
        self._training = context.policy.training or context.training is not None
        self._closed = False
        # Set once the worker picks a municipality, so that settings read
        # late in the background do not override the worker's choice.
        self._user_chose = False
        self._current: str | None = None
        self._probes = {m.code: Generation() for m in context.policy.municipalities}

        self.status = StatusArea(self)
        self.runner = TaskRunner(default_failure=self._show_unexpected, parent=self)
        self.switcher = MunicipalitySwitcher(context.policy.municipalities, self)
        self.desk = DutyDesk(context, self.runner, self.status, self)
        self._build_layout()
        self._build_menus()
        self.desk.client_loaded.connect(self.client_loaded)
        self.desk.entry_delivered.connect(self.entry_delivered)

        self.switcher.municipality_selected.connect(self._on_municipality_selected)
        self.desk.reachability_learned.connect(self._on_reachability_learned)
        for code in self.switcher.codes():
            self._probe(code)
        if initial_settings is not None:
            self._apply_settings(initial_settings)
        else:
            store = context.settings
            self.runner.run(store.load, self._apply_settings, self._settings_failed, pool=Pool.DISK)

    def _build_layout(self) -> None:
        title = self.tr("Päivystys")
        if self._training:
            title += " – " + self.tr("HARJOITTELU")
        self.setWindowTitle(title)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        if self._training:
            layout.addWidget(self._training_banner())
        layout.addWidget(self.status)
        split = QSplitter(central)
        split.setChildrenCollapsible(False)
        split.addWidget(self.switcher)
        split.addWidget(self.desk)
        split.setStretchFactor(1, 1)
        split.setSizes([240, 960])
        layout.addWidget(split, 1)
        self.setCentralWidget(central)
        unit = self._context.policy.duty_unit.name
        worker = QLabel(
            self.tr("Päivystäjä: {worker} · {unit}").format(
                worker=self._context.worker_name, unit=unit
            ),
            self,
        )
        worker.setObjectName("workerInfo")
        self.statusBar().addPermanentWidget(worker)
        self.resize(1200, 780)

    def _training_banner(self) -> QLabel:
        text = html.escape(self.tr("HARJOITTELU – harjoitusjärjestelmät ja keksityt asiakkaat."))
        training = self._context.training
        if training is not None:
            url = html.escape(training.inspect_url)
            text += " " + html.escape(self.tr("Tallennetut kirjaukset:"))
            text += f' <a href="{url}">{url}</a>'
        banner = QLabel(text, self)
        banner.setObjectName("trainingBanner")
        banner.setAccessibleName(self.tr("Harjoittelutila"))
        banner.setTextFormat(Qt.TextFormat.RichText)
        banner.setOpenExternalLinks(True)
        banner.setWordWrap(True)
        banner.setStyleSheet(_BANNER_STYLE)
        return banner

    def _build_menus(self) -> None:
        duty = self.menuBar().addMenu(self.tr("&Päivystys"))
        self._add_action(duty, self.tr("&Hae asiakas"), "Ctrl+F", self.desk.focus_search)
        self._add_action(duty, self.tr("&Uusi kirjaus"), "Ctrl+N", self.desk.new_entry)
        duty.addSeparator()
        self._add_action(duty, self.tr("&Lopeta"), "Ctrl+Q", self.close)
        municipalities = self.menuBar().addMenu(self.tr("&Kunta"))
        for index, municipality in enumerate(self._context.policy.municipalities[:9]):
            self._add_action(
                municipalities,
                municipality.name_fi,
                f"Ctrl+{index + 1}",
                partial(self.select_municipality_at, index),
            )
        help_menu = self.menuBar().addMenu(self.tr("&Ohje"))
        self._add_action(help_menu, self.tr("&Pikanäppäimet"), "F1", self._show_help)

    def _add_action(self, menu: QMenu, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def select_municipality_at(self, index: int) -> None:
        """Ctrl+1…Ctrl+9: select by policy order, then straight to the code field."""
        self.switcher.select_index(index)
        codes = self.switcher.codes()
        if 0 <= index < len(codes) and self._current == codes[index]:
            self.desk.focus_search()

    def _on_municipality_selected(self, code: str) -> None:
        if code == self._current:
            return
        if self.desk.saving:
            self.switcher.select(self._current, notify=False)
            self.status.warning(
                self.tr("Kirjausta tallennetaan. Vaihda kuntaa, kun tallennus on valmis.")
            )
            return
        discarded = self.desk.has_unsaved_text()
        municipality = self._context.policy.municipality(code)
        self._user_chose = True
        self._current = code
        self.desk.set_municipality(municipality)
        if discarded:
            self.status.warning(self.tr("Tallentamaton kirjaus poistettiin, koska kunta vaihtui."))
        else:
            self.status.info(self.tr("Kunta: {name}.").format(name=municipality.name_fi))
        self._probe(code)
        self._save_settings(last_municipality=code)
        self.municipality_selected.emit(code)

    def _probe(self, code: str) -> None:
        self._set_reachability(code, Reachability.CHECKING)
        workstation = self._context.workstation
        self.runner.run(
            lambda: workstation.probe(code),
            lambda _health: self._set_reachability(code, Reachability.REACHABLE),
            partial(self._probe_failed, code),
            is_current=self._probes[code].guard(),
        )

    def _probe_failed(self, code: str, error: Exception) -> None:
        if not isinstance(error, ConnectorError):
            log.error("probe of %s failed unexpectedly: %s", code, type(error).__name__)
        self._set_reachability(code, Reachability.UNREACHABLE)

    def _on_reachability_learned(self, code: str, reachable: bool) -> None:
        self._set_reachability(
            code, Reachability.REACHABLE if reachable else Reachability.UNREACHABLE
        )

    def _set_reachability(self, code: str, state: Reachability) -> None:
        # Newer knowledge wins: a probe still on its way becomes stale.
        self._probes[code].advance()
        self.switcher.set_reachability(code, state)
        self.reachability_changed.emit(code, state.value)

    def _apply_settings(self, settings: UserSettings) -> None:
        if settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(settings.window_geometry.encode("ascii")))
        code = settings.last_municipality
        if code in self.switcher.codes() and not self._user_chose:
            self.switcher.select(code)
        self.settings_applied.emit()

    def _settings_failed(self, error: Exception) -> None:
        log.warning("settings could not be read: %s", type(error).__name__)
        self.settings_applied.emit()

    def _save_settings(self, **changes: Any) -> None:
        store = self._context.settings
        # Read-modify-write inside the job: the disk pool is serial, so two
        # saves cannot lose each other's change.
        self.runner.run(
            lambda: store.save(replace(store.load(), **changes)),
            lambda _result: None,
            lambda error: log.warning("settings not saved: %s", type(error).__name__),
            pool=Pool.DISK,
        )

    def _show_unexpected(self, error: Exception) -> None:
        log.error("unexpected %s in background work", type(error).__name__)
        self.status.error(
            self.tr("Odottamaton virhe. Yritä uudelleen; jos virhe toistuu, ilmoita IT-tukeen.")
        )

    def _show_help(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Pikanäppäimet"))
        box.setText(
            self.tr(
                "Ctrl+1…Ctrl+9  valitse kunta\n"
                "Ctrl+F  henkilötunnus\n"
                "Enter  hae asiakas\n"
                "Ctrl+N  uusi kirjaus\n"
                "Ctrl+Enter  tallenna kirjaus\n"
                "Ctrl+Q  lopeta"
            )
        )
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    def shutdown(self) -> None:
        """Save the geometry and wait for background work; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self._save_settings(window_geometry=geometry)
        self.runner.shutdown()
        # The client leaves memory with the window.
        self.desk.set_municipality(None)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)
