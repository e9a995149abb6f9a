"""The main window: municipality switcher beside the duty desk, menus, settings.

Beside the window run the outbox (opened in the background once the window
shows, with its sender) and the connectivity monitor; both stop when the
window closes. ``now`` is the clock of the duty hours, the new entry's contact time,
the notification's time and printouts (tests set it); every time is shown in the
policy's zone (:mod:`app.domain.clock`), whatever the machine's.
"""

from __future__ import annotations

import importlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow

from app.domain.clock import Clock, utc_now
from app.services.scrub import frames_of

# The window's parts are imported when it is filled in (``fill``): the app shows its
# frame first, while a thread reads the policy, starts the session and imports these
# (``load_parts``), and fills the window in after (docs/performance.md, measurement 6).
if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
    from PySide6.QtWidgets import QLabel, QMenu

    from app.domain.policy import Policy
    from app.services.connectivity import VpnResult
    from app.services.context import AppContext
    from app.services.outbox.delivery import DeliveryEvent
    from app.services.outbox.store import StoredItem
    from app.services.settings import UserSettings
    from app.ui.client.desk import DutyDesk
    from app.ui.connectivity_controller import ConnectivityController
    from app.ui.duty_banner import DutyDisplay
    from app.ui.followup.menu import FollowupController
    from app.ui.indicators import ConnectivitySummary, OutboxBanner, OutboxCount
    from app.ui.lock import SessionLock
    from app.ui.message_bar import MessageBar, MessageBridge
    from app.ui.outage_practice import OutagePractice
    from app.ui.outbox.controller import OutboxController, OutboxSnapshot
    from app.ui.outbox.drafts import DraftsDialog
    from app.ui.outbox.view import OutboxView
    from app.ui.recent_messages import RecentMessagesDialog
    from app.ui.sign_in import SignInBanner, SignInController
    from app.ui.status_watch import StatusWatch
    from app.ui.switcher import MunicipalitySwitcher
    from app.ui.tasks import TaskRunner
    from app.ui.tray import Tray

PARTS = (
    "app.services.connectivity",
    "app.services.outbox.delivery",
    "app.services.outbox.drafts",
    "app.ui.client.desk",
    "app.ui.connectivity_controller",
    "app.ui.duty_banner",
    "app.ui.focus",
    "app.ui.followup.menu",
    "app.ui.indicators",
    "app.ui.lock",
    "app.ui.message_bar",
    "app.ui.outage_practice",
    "app.ui.outbox.controller",
    "app.ui.outbox.drafts",
    "app.ui.outbox.messages",
    "app.ui.outbox.view",
    "app.ui.recent_messages",
    "app.ui.shortcuts",
    "app.ui.sign_in",
    "app.ui.switcher",
    "app.ui.tasks",
    "app.ui.tray",
)
"""The modules :meth:`MainWindow.fill` imports: :func:`load_parts` imports them ahead,
off the GUI thread, so that filling the window in only builds widgets."""


def load_parts(policy: Policy | None = None) -> None:
    """Import the window's parts, and with ``policy`` make its duty calendar (which
    reads the holiday names from disk); on any thread but the GUI thread, which then
    finds them ready."""
    for name in PARTS:
        importlib.import_module(name)
    if policy is not None:
        from app.services.duty_hours import duty_hours_for
        from app.ui.duty_banner import holiday_language

        duty_hours_for(policy.duty_hours, holiday_language())


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
        entry_delivered(str, str): the municipality's system holds an entry
            saved in this window (municipality code, the system's record id).
        reachability_changed(str, str): the connectivity monitor found the
            municipality's system in a new state (code, :class:`Reachability` value).
        settings_applied(): the saved settings were read and applied.
    """

    municipality_selected = Signal(str)
    client_loaded = Signal(str)
    entry_delivered = Signal(str, str)
    reachability_changed = Signal(str, str)
    settings_applied = Signal()

    def __init__(
        self,
        context: AppContext | None,
        initial_settings: UserSettings | None = None,
        now: Clock = utc_now,
        *,
        training: bool = False,
    ) -> None:
        """The window on ``context``; with None, only its frame (the title says whether
        this is ``training``), to be shown at once and filled in by :meth:`fill`."""
        super().__init__()
        self.setObjectName("mainWindow")
        self._training = training
        self._closed = False
        self._filled = False
        self._started = False
        self._set_title()
        self.resize(1200, 780)
        if context is not None:
            self.fill(context, initial_settings, now)

    def _make_indicators(self) -> None:
        from app.ui.indicators import ConnectivitySummary, OutboxBanner, OutboxCount

        self.banner: OutboxBanner = OutboxBanner(self)
        self.connectivity_summary: ConnectivitySummary = ConnectivitySummary(self)
        self.outbox_count: OutboxCount = OutboxCount(self)

    def _sign_in_controller(self, context: AppContext) -> SignInController | None:
        from app.ui.sign_in import SignInController

        if context.sign_ins is None:
            return None
        return SignInController(
            context.sign_ins,
            self.runner,
            self.messages,
            self.sign_in_banner,
            self,
            forget_connector=context.workstation.forget,
            pins=context.pins,
            worker=context.worker_name,
        )

    @property
    def filled(self) -> bool:
        """Whether the window's contents are built (:meth:`fill`), not only its frame."""
        return self._filled

    def _set_title(self) -> None:
        title = self.tr("Päivystys")
        if self._training:
            title += " – " + self.tr("HARJOITTELU")
        self.setWindowTitle(title)

    def fill(
        self,
        context: AppContext,
        initial_settings: UserSettings | None = None,
        now: Clock = utc_now,
    ) -> None:
        """Build the window's contents on ``context``; once shown, its outbox, monitor
        and sign-ins start. Its parts are imported here unless :func:`load_parts` has."""
        from app.ui.client.desk import DutyDesk
        from app.ui.connectivity_controller import ConnectivityController
        from app.ui.duty_banner import DutyDisplay
        from app.ui.focus import show_focus
        from app.ui.followup.menu import install_followup
        from app.ui.message_bar import MessageBar, MessageBridge
        from app.ui.outbox.controller import OutboxController
        from app.ui.sign_in import SignInBanner, draft_filter, showing_filter
        from app.ui.switcher import MunicipalitySwitcher
        from app.ui.tasks import Pool, TaskRunner

        self.context = context
        self._training = context.policy.training or context.training is not None
        # Set once the worker picks a municipality, so that settings read
        # late in the background do not override the worker's choice.
        self._user_chose = False
        self._current: str | None = None
        self._outbox_view: OutboxView | None = None
        self.drafts_dialog: DraftsDialog | None = None
        self._recent_messages: RecentMessagesDialog | None = None

        # Components report through the bridge; only the window holds the bar.
        self.messages: MessageBridge = MessageBridge(self)
        self.message_bar: MessageBar = MessageBar(self.messages, context.policy.zone, now, self)
        self.runner: TaskRunner = TaskRunner(default_failure=self._show_unexpected, parent=self)
        workstation = context.workstation
        self.connectivity: ConnectivityController = ConnectivityController(
            context.policy, workstation, self.runner, self
        )
        self.sign_in_banner: SignInBanner = SignInBanner(self)
        self.sign_in: SignInController | None = self._sign_in_controller(context)
        sign_ins = context.sign_ins
        self.outbox: OutboxController = OutboxController(
            context.outbox,
            workstation,
            self.runner,
            self._outbox_skips,
            self,
            may_send=None if sign_ins is None else sign_ins.item_may_send,
        )
        self.switcher: MunicipalitySwitcher = MunicipalitySwitcher(
            context.policy.municipalities, self, zone=context.policy.zone
        )
        self.desk: DutyDesk = DutyDesk(
            context, self.runner, self.messages, self.outbox, self.connectivity.state, self, now
        )
        # Which outbox items the window's lists (outbox view, open handoffs) show: not
        # another worker's.
        self.shows_item: Callable[[StoredItem], bool] | None = None
        if sign_ins is not None:
            self.desk.drafts.shows = draft_filter(sign_ins)
            self.shows_item = showing_filter(sign_ins)
        self.duty: DutyDisplay = DutyDisplay(context.policy, now, self)
        self._make_indicators()
        self._build_layout()
        show_focus(self)
        self._build_menus()
        self._connect()
        self.followup: FollowupController = install_followup(self, now)
        self._finish(now)
        self._filled = True
        if initial_settings is not None:
            self._apply_settings(initial_settings)
        else:
            store = context.settings
            self.runner.run(store.load, self._apply_settings, self._settings_failed, pool=Pool.DISK)
        if self.isVisible():
            self._start()

    def _finish(self, now: Clock) -> None:
        """The lock (F12, idle); the status watch (the tray's and the screen reader's)
        and the tray icon, whose menu has the lock's action; and, the menus complete,
        every action's shortcut in its tooltip."""
        from app.ui.lock import install_lock
        from app.ui.shortcuts import show_keys_in_tooltips
        from app.ui.tray import install_tray

        self.lock: SessionLock = install_lock(self, now)
        status: tuple[StatusWatch, Tray | None] = install_tray(self)
        self.status_watch, self.tray = status
        show_keys_in_tooltips(self.menuBar())

    def _build_layout(self) -> None:
        from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

        self._set_title()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        if self._training:
            layout.addWidget(self._training_banner())
        layout.addWidget(self.banner)
        layout.addWidget(self.sign_in_banner)
        layout.addWidget(self.message_bar)
        split = QSplitter(central)
        split.setChildrenCollapsible(False)
        split.addWidget(self.switcher)
        split.addWidget(self.desk)
        split.setStretchFactor(1, 1)
        split.setSizes([240, 960])
        layout.addWidget(split, 1)
        self.desk.notices.addWidget(self.duty.note)
        self.setCentralWidget(central)
        worker = QLabel(self)
        worker.setObjectName("workerInfo")
        self.worker_info = worker
        self._show_worker(self.context.worker_name)
        bar = self.statusBar()
        bar.addPermanentWidget(self.duty.label)
        bar.addPermanentWidget(self.connectivity_summary)
        bar.addPermanentWidget(self.outbox_count)
        bar.addPermanentWidget(worker)

    def _training_banner(self) -> QLabel:
        import html

        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel

        from app.ui.colours import LINK_ON_YELLOW

        text = html.escape(self.tr("HARJOITTELU – harjoitusjärjestelmät ja keksityt asiakkaat."))
        training = self.context.training
        if training is not None:
            url = html.escape(training.inspect_url)
            text += " " + html.escape(self.tr("Tallennetut kirjaukset:"))
            # The banner's own yellow: a dark link whatever the palette's link colour.
            text += f' <a href="{url}" style="color: {LINK_ON_YELLOW}">{url}</a>'
        banner = QLabel(text, self)
        banner.setObjectName("trainingBanner")
        banner.setAccessibleName(self.tr("Harjoittelutila"))
        banner.setTextFormat(Qt.TextFormat.RichText)
        banner.setOpenExternalLinks(True)
        banner.setWordWrap(True)
        banner.setStyleSheet(_BANNER_STYLE)
        return banner

    def _build_menus(self) -> None:
        from app.ui.outage_practice import OutagePractice
        from app.ui.sign_in import SHORTCUT as SIGN_IN_KEYS

        duty = self.menuBar().addMenu(self.tr("&Päivystys"))
        self._add_action(duty, self.tr("&Hae asiakas"), "Ctrl+F", self.desk.focus_search)
        self._add_action(duty, self.tr("&Vaihda kotikuntaan"), "Ctrl+K", self.switch_to_home)
        self._add_action(duty, self.tr("&Uusi kirjaus"), "Ctrl+N", self.desk.new_entry)
        self._add_action(
            duty, self.tr("Uusi &asiakas tähän kuntaan"), "Ctrl+Shift+N", self.desk.new_client
        )
        self._add_action(
            duty,
            self.tr("Henkilö &ilman henkilötunnusta…"),
            "Ctrl+Shift+U",
            self.desk.person_without_code,
        )
        self._add_action(duty, self.tr("&Tulosta kirjaus"), "Ctrl+P", self.desk.printing.print_last)
        self._add_action(duty, self.tr("&Lähtevät"), "Ctrl+L", self.show_outbox)
        self._add_action(duty, self.tr("L&uonnokset"), "Ctrl+Shift+L", self.show_drafts)
        duty.addSeparator()
        if self.sign_in is not None:
            self._add_action(
                duty, self.tr("&Kirjaudu…"), SIGN_IN_KEYS, self.sign_in.sign_in_current
            )
        self._add_action(duty, self.tr("&Lopeta"), "Ctrl+Q", self.close)
        municipalities = self.menuBar().addMenu(self.tr("&Kunta"))
        for index, municipality in enumerate(self.context.policy.municipalities[:9]):
            self._add_action(
                municipalities,
                municipality.name_fi,
                f"Ctrl+{index + 1}",
                partial(self.select_municipality_at, index),
            )
        self._build_connection_menu()
        self.outage_practice: OutagePractice | None = None
        training = self.context.training
        if training is not None and training.control_url:
            practice = self.menuBar().addMenu(self.tr("&Harjoittelu"))
            self.outage_practice = OutagePractice(
                practice, self.context.policy.municipalities, training.control_url, self.runner
            )
        help_menu = self.menuBar().addMenu(self.tr("&Ohje"))
        self._add_action(help_menu, self.tr("&Pikanäppäimet"), "F1", self._show_shortcuts)
        self._add_action(
            help_menu, self.tr("&Viimeisimmät viestit"), "Ctrl+Shift+M", self.show_recent_messages
        )
        from app.ui.language_menu import add_language_menu

        add_language_menu(
            help_menu, lambda code: self._save_settings(language=code), self.messages.info
        )

    def _show_shortcuts(self) -> None:
        from app.ui.shortcuts import show_shortcuts

        show_shortcuts(self)

    def _build_connection_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Yhteys"))
        menu.setToolTipsVisible(True)
        self.open_vpn_action = self._add_action(
            menu, self.tr("&Avaa VPN-yhteys"), "Ctrl+Shift+V", self.connectivity.open_vpn
        )
        self.open_vpn_action.setObjectName("openVpnAction")
        if not self.connectivity.vpn_command_configured:
            self.open_vpn_action.setEnabled(False)
            why = self.tr(
                "VPN-yhteyden avauskomentoa ei ole määritetty tämän koneen asetuksissa "
                "(policy: vpn.connect_command). Avaa VPN tavalliseen tapaan tai ota yhteys tukeen."
            )
            self.open_vpn_action.setToolTip(why)
            self.open_vpn_action.setStatusTip(why)
        self._add_action(menu, self.tr("&Tarkista yhteydet nyt"), "F5", self.connectivity.probe_now)

    def _connect(self) -> None:
        self.desk.client_loaded.connect(self.client_loaded)
        self.desk.entry_delivered.connect(self.entry_delivered)
        self.desk.reachability_learned.connect(self._on_reachability_learned)
        self.switcher.municipality_selected.connect(self._on_municipality_selected)
        self.desk.population.offer.switch_requested.connect(self.switch_to_home)
        self.connectivity.reachability_changed.connect(self._on_reachability_changed)
        self.connectivity.came_online.connect(lambda code: self.outbox.nudge(force=[code]))
        self.connectivity.came_online.connect(self.desk.system_back)
        self.desk.drafts.loaded.connect(self._offer_drafts)
        self.connectivity.vpn_opened.connect(self._on_vpn_opened)
        self.outbox.opened.connect(self.banner.hide)
        self.outbox.open_failed.connect(self._on_outbox_failed)
        self.outbox.snapshot_changed.connect(self._on_outbox_snapshot)
        self.outbox.delivery_reported.connect(self._on_delivery)
        self.banner.retry_requested.connect(self.outbox.open)
        self.outbox_count.clicked.connect(self.show_outbox)
        if self.sign_in is not None:
            # A sign-in's waiting items go at once.
            self.sign_in.signed_in.connect(lambda codes: self.outbox.nudge(force=codes))
            # Who works here may have changed: the open lists show their items now.
            self.sign_in.signed_in.connect(lambda _codes: self.outbox.items_changed.emit())
            self.sign_in.worker_named.connect(self._show_worker)
        if self.outage_practice is not None:
            self.outage_practice.outage_changed.connect(self._on_outage_changed)
            self.outage_practice.outage_failed.connect(self._on_outage_failed)

    def _show_worker(self, name: str) -> None:
        """The status bar names the worker: as signed in, once they have."""
        unit = self.context.policy.duty_unit.name
        self.worker_info.setText(
            self.tr("Päivystäjä: {worker} · {unit}").format(worker=name, unit=unit)
        )
        lock = getattr(self, "lock", None)
        if lock is not None:
            lock.screen.worker.setText(self.tr("Päivystäjä: {worker}").format(worker=name))

    def _outbox_skips(self, code: str) -> bool:
        """The sender leaves a municipality alone while its system is known to be down
        or its sign-in is missing (its items wait; nothing is tried or counted)."""
        if self.connectivity.known_unreachable(code):
            return True
        return self.sign_in is not None and self.sign_in.waiting(code)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._filled:
            self._start()

    def _start(self) -> None:
        if not self._started and not self._closed:
            # Started once the window is up, so that start-up shows a window at once.
            self._started = True
            self.connectivity.start()
            self.outbox.open()
            if self.sign_in is not None:
                self.sign_in.start()

    def _add_action(self, menu: QMenu, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if keys:
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

    def switch_to_home(self) -> None:
        """Ctrl+K: to the home municipality the register gave, and the same search there."""
        offer = self.desk.population.offered()
        if offer is None:
            self.messages.info(self.tr("Ei kotikuntaehdotusta: hae ensin henkilötunnuksella."))
            return
        code, hetu = offer
        if self.desk.has_unsaved_text():
            why = self.tr("Kotikuntaan vaihto sulkee avoimen kirjauksen.")
            self.desk.settle_form(why, self.switch_to_home)
            return
        self.switcher.select(code)
        if self._current == code:  # not refused (an entry being saved)
            self.desk.search_for(hetu)

    def _on_municipality_selected(self, code: str) -> None:
        if code == self._current:
            return
        if self.desk.saving:
            self.switcher.select(self._current, notify=False)
            self.messages.warning(
                self.tr("Kirjausta tallennetaan. Vaihda kuntaa, kun tallennus on valmis.")
            )
            return
        if self.desk.has_unsaved_text():
            # The switcher shows the old municipality until the question is answered.
            self.switcher.select(self._current, notify=False)
            why = self.tr("Kunnan vaihto sulkee avoimen kirjauksen.")
            self.desk.settle_form(why, partial(self._switch_to, code))
            return
        self._switch_to(code)

    def _switch_to(self, code: str) -> None:
        if self.switcher.current_code() != code:
            self.switcher.select(code, notify=False)
        municipality = self.context.policy.municipality(code)
        self._user_chose = True
        self._current = code
        self.desk.set_municipality(municipality)
        self.duty.set_municipality(municipality)
        if self.sign_in is not None:
            self.sign_in.set_municipality(code)
        self.messages.info(self.tr("Kunta: {name}.").format(name=municipality.name_fi))
        self.connectivity.probe_now(code)
        self._save_settings(last_municipality=code)
        self.municipality_selected.emit(code)

    def _on_reachability_learned(self, code: str, reachable: bool) -> None:
        from app.services.connectivity import Reachability

        # A lookup disagreed with what the monitor last saw: ask again now.
        if reachable != (self.connectivity.state(code) is Reachability.ONLINE):
            self.connectivity.probe_now(code)

    def _on_reachability_changed(self, code: str, value: str) -> None:
        from app.services.connectivity import Reachability

        self.switcher.set_reachability(code, Reachability(value))
        self.connectivity_summary.show_states(self.connectivity.states())
        self.desk.system_down(code, value)
        self.reachability_changed.emit(code, value)

    def _on_delivery(self, event: DeliveryEvent) -> None:
        from app.services.outbox.delivery import Outcome

        if event.outcome is Outcome.RETRY:
            self.connectivity.probe_now(event.municipality)

    def _on_outbox_snapshot(self, snapshot: OutboxSnapshot) -> None:
        self.outbox_count.show_snapshot(snapshot)
        self.switcher.set_outbox(snapshot.counts.per_municipality, snapshot.last_delivery)

    def _on_outbox_failed(self, error: Exception) -> None:
        self.banner.show_failure(error)
        self.outbox_count.show_unavailable()

    def show_outbox(self) -> OutboxView:
        """Open (or raise) the non-modal outbox view."""
        from app.ui.outbox.view import OutboxView

        if self._outbox_view is None:
            self._outbox_view = OutboxView(
                self.context.policy,
                self.outbox,
                self.context.author,
                self,
                fax_actions=self.followup.fax,
                shows=self.shows_item,
            )
        view = self._outbox_view
        if view.isVisible():
            view.raise_()
            view.activateWindow()
        else:
            view.show()
        return view

    def show_recent_messages(self) -> RecentMessagesDialog:
        """Ctrl+Shift+M: open (or raise) the list of the message bar's last messages."""
        from app.ui.recent_messages import RecentMessagesDialog

        if self._recent_messages is None:
            self._recent_messages = RecentMessagesDialog(self.message_bar, self)
        dialog = self._recent_messages
        dialog.refresh()
        if dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
        else:
            dialog.show()
        return dialog

    def _on_vpn_opened(self, result: VpnResult) -> None:
        if result.ok:
            self.messages.info(self.tr("VPN-yhteys avattu. Tarkistetaan kuntien järjestelmiä…"))
        else:
            self.messages.error(
                self.tr(
                    "VPN-yhteyttä ei saatu avattua ({detail}). Avaa VPN tavalliseen tapaan; "
                    "jos se ei onnistu, ota yhteys tukeen."
                ).format(detail=result.message)
            )

    def _on_outage_changed(self, code: str, online: bool) -> None:
        self.connectivity.probe_now(code)
        name = self.context.policy.municipality(code).name_fi
        if online:
            text = self.tr("Harjoittelu: {name} on taas verkossa.")
        else:
            text = self.tr("Harjoittelu: {name} on nyt poissa verkosta, kuin VPN olisi katki.")
        self.messages.info(text.format(name=name))

    def _on_outage_failed(self, code: str) -> None:
        self.messages.warning(self.tr("Harjoituspalvelin ei vastannut. Yritä uudelleen."))

    def _apply_settings(self, settings: UserSettings) -> None:
        if settings.window_geometry:
            from PySide6.QtCore import QByteArray

            self.restoreGeometry(QByteArray.fromBase64(settings.window_geometry.encode("ascii")))
        code = settings.last_municipality
        if code in self.switcher.codes() and not self._user_chose:
            self.switcher.select(code)
        self.settings_applied.emit()

    def _settings_failed(self, error: Exception) -> None:
        log.warning("settings could not be read: %s", type(error).__name__)
        self.settings_applied.emit()

    def _save_settings(self, **changes: Any) -> None:
        from app.ui.tasks import Pool

        store = self.context.settings
        # Read-modify-write inside the job: the disk pool is serial, so two
        # saves cannot lose each other's change.
        self.runner.run(
            lambda: store.save(replace(store.load(), **changes)),
            lambda _result: None,
            lambda error: log.warning("settings not saved: %s", type(error).__name__),
            pool=Pool.DISK,
        )

    def _show_unexpected(self, error: Exception) -> None:
        log.error("unexpected %s in background work\n%s", type(error).__name__, frames_of(error))
        self.messages.error(
            self.tr("Odottamaton virhe. Yritä uudelleen; jos virhe toistuu, ilmoita IT-tukeen.")
        )

    def _may_close(self) -> bool:
        """Ctrl+Q, Alt+F4, the title bar: an open entry with text is asked about first,
        then every follow-up window with text."""
        why = self.tr("Päivystys suljetaan.")
        if self.desk.has_unsaved_text() or self.desk.saving:
            return self.desk.settle_form(why, lambda: None) and self._may_close()
        return self.followup.settle_windows(why)

    def show_drafts(self) -> None:
        """Ctrl+Shift+L: the drafts kept in the outbox, to continue one."""
        self._offer_drafts(always=True)

    def _offer_drafts(self, always: bool = False) -> None:
        from app.ui.outbox import messages as outbox_messages
        from app.ui.outbox.drafts import DraftsDialog

        entries = list(self.desk.drafts.known.values())
        if not entries:
            if always:
                self.messages.info(self.tr("Ei tallentamattomia luonnoksia."))
            return
        dialog = DraftsDialog(
            sorted(entries, key=lambda pair: pair[0].updated),
            self.context.policy,
            lambda moment: outbox_messages.moment(moment, self.context.policy.zone),
            self,
        )
        dialog.continue_requested.connect(self._continue_draft)
        self.drafts_dialog = dialog
        dialog.open()

    def _continue_draft(self, key: uuid.UUID) -> None:
        from app.services.outbox.drafts import ENTRY_FORM, NOTIFICATION_FORM

        content = self.desk.drafts.content(key)
        if content is None:
            return
        self.activateWindow()
        if content.form == NOTIFICATION_FORM:  # its own window: nothing here changes
            self.followup.continue_draft(key)
            return
        if self.desk.has_unsaved_text():
            self.messages.warning(self.tr("Tallenna tai sulje avoin kirjaus ennen luonnosta."))
            return
        if content.municipality != self._current:
            self.switcher.select(content.municipality)
        if content.municipality == self._current and content.form == ENTRY_FORM:
            self.desk.continue_draft(key)
        elif content.municipality == self._current:
            self.followup.continue_draft(key)

    def close_client_windows(self) -> None:
        """The window locks: the outbox view, the drafts list and the recent messages
        close and leave memory (their rows name clients)."""
        for dialog in (self._outbox_view, self.drafts_dialog, self._recent_messages):
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
        self._outbox_view = self.drafts_dialog = self._recent_messages = None

    def shutdown(self) -> None:
        """Save the geometry, wait for background work, stop the sender and the
        monitor and close the outbox; safe to call twice.

        Bounded: the runner, the sender and the monitor each wait at most their
        own stop timeouts.
        """
        if self._closed:
            return
        self._closed = True
        if not self._filled:
            return  # a frame closed before it was filled in: nothing runs yet
        if self._outbox_view is not None:
            self._outbox_view.close()
        if self._recent_messages is not None:
            self._recent_messages.close()
        # Only now: the close was accepted, each follow-up window's text settled first.
        self.followup.close_windows()
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self._save_settings(window_geometry=geometry)
        self.duty.stop()
        self.lock.stop()
        if self.tray is not None:
            self.tray.hide()
        # The runner first: a save under way lands before the outbox closes.
        self.runner.shutdown()
        self.outbox.shutdown()
        self.connectivity.shutdown()
        # The client leaves memory with the window.
        self.desk.set_municipality(None)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._filled and not self._closed and not self._may_close():
            event.ignore()
            return
        # Out of sight at once: the bounded waits below (a delivery in flight may take
        # its read timeout) must not look like a frozen window.
        self.hide()
        self.shutdown()
        super().closeEvent(event)
