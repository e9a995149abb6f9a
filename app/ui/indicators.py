"""What stays visible all night: VPN state, the outbox count, an outbox that failed to open."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from app.services.connectivity import Reachability
from app.ui.colours import RED, readable
from app.ui.outbox import messages as outbox_messages
from app.ui.outbox.controller import OutboxSnapshot

_BANNER_STYLE = (
    "QWidget#outboxBanner { background: #b3261e; }"
    " QLabel { color: #ffffff; font-weight: bold; padding: 6px; }"
)
_ALERT = "color: {colour}; font-weight: bold;"
_OK_STYLE = ""


def _alert_style() -> str:
    return _ALERT.format(colour=readable(RED))


class ConnectivitySummary(QLabel):
    """``VPN: yhteys`` or what is wrong, for the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectivitySummary")
        self.setAccessibleName(self.tr("Yhteyden tila"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.show_states({})

    def show_states(self, states: dict[str, Reachability]) -> None:
        text = outbox_messages.connectivity_summary(states)
        self.setText(text)
        self.setAccessibleDescription(text)
        bad = {Reachability.VPN_DOWN, Reachability.NO_NETWORK, Reachability.SERVICE_DOWN}
        self.setStyleSheet(_alert_style() if bad & set(states.values()) else _OK_STYLE)


class OutboxCount(QToolButton):
    """``Lähtevät: 3, 1 vaatii toimia``; clicking opens the outbox view.

    Never takes the focus: at the end of the window's focus chain it would be where
    the focus lands when a form closes, and the next space typed would open the
    outbox. The keyboard opens the outbox with Ctrl+L, as the tooltip says.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxCount")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Lähtevät kirjaukset"))
        self.setToolTip(self.tr("Avaa lähtevät (Ctrl+L)"))
        self.setAutoRaise(True)
        self.setText(self.tr("Lähtevät: avataan…"))

    def show_snapshot(self, snapshot: OutboxSnapshot) -> None:
        text = outbox_messages.outbox_count(snapshot.undelivered, snapshot.counts.attention)
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setStyleSheet(_alert_style() if snapshot.counts.attention else _OK_STYLE)

    def show_unavailable(self) -> None:
        text = self.tr("Lähtevät: ei käytössä")
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setStyleSheet(_alert_style())


class OutboxBanner(QWidget):
    """A persistent red banner: the outbox could not be opened, and what to do.

    Signals:
        retry_requested(): the worker asked to try opening the outbox again.
    """

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_BANNER_STYLE)
        self.setAccessibleName(self.tr("Lähtevät eivät ole käytössä"))
        self.text = QLabel(self)
        self.text.setObjectName("outboxBannerText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry = QPushButton(self.tr("Yritä uudelleen"), self)
        self.retry.setObjectName("outboxRetryButton")
        self.retry.setAccessibleName(self.tr("Yritä avata lähtevät uudelleen"))
        self.retry.clicked.connect(self._retry)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry)
        self.setVisible(False)

    def show_failure(self, error: Exception) -> None:
        text = outbox_messages.open_failure(error)
        code = getattr(error, "code", "")
        self.text.setText(text)
        self.setAccessibleDescription(text)
        self.retry.setVisible(code in outbox_messages.RETRYABLE_OPEN_FAILURES)
        self.retry.setEnabled(True)
        self.setVisible(True)

    def _retry(self) -> None:
        self.retry.setEnabled(False)
        self.text.setText(self.tr("Avataan lähteviä uudelleen…"))
        self.retry_requested.emit()
