"""Signing in from the window: a banner for the active municipality, one key to sign in.

The banner shows whenever the active municipality's sign-in is missing or has
ended ("kirjaudu uudelleen"); Ctrl+Shift+K (or its button) signs in: the
browser at the organisation's identity provider (oidc, in the background: the
window never waits for it), a small dialog for a legacy system's password,
nothing to ask for Kerberos. Waiting items of the organisation go at once after
the sign-in. Kept sign-ins of an earlier session resume silently at start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.author import SignInMethod
from app.domain.policy import Municipality
from app.services.auth.oidc import Outcome, SignInResult
from app.services.auth.pin import PinState, PinStore, WeakPin
from app.services.auth.signins import SignIn, SignIns, State
from app.services.outbox.items import Draft
from app.services.outbox.store import StoredItem
from app.ui.message_bar import Level, MessageBridge
from app.ui.tasks import Pool, TaskRunner

SHORTCUT = "Ctrl+Shift+K"

_BANNER_STYLE = (
    "#signInBanner { background: #fff4d6; border: 1px solid #b58900; border-radius: 4px; }"
)


class SignInBanner(QWidget):
    """Shown while the active municipality waits for the worker's sign-in."""

    sign_in_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_BANNER_STYLE)
        self.text = QLabel(self)
        self.text.setObjectName("signInBannerText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(self.tr("Kirjaudu ({keys})").format(keys=SHORTCUT), self)
        self.button.setObjectName("signInButton")
        self.button.setAccessibleName(self.tr("Kirjaudu sisään"))
        self.button.clicked.connect(self.sign_in_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.setVisible(False)

    def show_text(self, text: str, busy: bool) -> None:
        self.text.setText(text)
        self.setAccessibleDescription(text)
        self.button.setEnabled(not busy)
        self.setVisible(True)


class PasswordDialog(QDialog):
    """A legacy system's user name and password; the password is never stored."""

    def __init__(self, municipality: Municipality, hint: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(self.tr("Kirjaudu: {name}").format(name=municipality.name_fi))
        self.user = QLineEdit(self)
        self.user.setObjectName("passwordUser")
        self.user.setAccessibleName(self.tr("Käyttäjätunnus"))
        self.user.setPlaceholderText(municipality.help.login_format)
        self.password = QLineEdit(self)
        self.password.setObjectName("passwordSecret")
        self.password.setAccessibleName(self.tr("Salasana"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Käyttäjätunnus:"), self.user)
        form.addRow(self.tr("&Salasana:"), self.password)
        note = QLabel(
            self.tr(
                "Järjestelmän oma salasana. Sitä ei tallenneta: se on muistissa vain tämän "
                "istunnon ajan. Tunnuksen muoto: {format}. Tuki: {phone}."
            ).format(format=municipality.help.login_format, phone=municipality.help.helpdesk_phone),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        if hint:
            layout.addWidget(QLabel(hint, self))
        layout.addWidget(buttons)
        self.setTabOrder(self.user, self.password)

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self.password.clear()
        super().done(result)


class PinDialog(QDialog):
    """The PIN that unlocks the idle lock while the organisation cannot be reached."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("Lukituksen PIN-koodi"))
        self.pin = QLineEdit(self)
        self.pin.setObjectName("pinNew")
        self.pin.setAccessibleName(self.tr("Uusi PIN-koodi"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setObjectName("pinAgain")
        self.again.setAccessibleName(self.tr("PIN-koodi uudelleen"))
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("&PIN-koodi:"), self.pin)
        form.addRow(self.tr("&Uudelleen:"), self.again)
        note = QLabel(
            self.tr(
                "Valitse PIN-koodi (vähintään 6 merkkiä), jolla avaat lukituksen silloin, "
                "kun kirjautumispalveluun ei saada yhteyttä. Koodista tallennetaan vain "
                "tiiviste. Voit ohittaa tämän (Esc)."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if self.pin.text() != self.again.text():
            self.problem.setText(self.tr("Koodit eivät ole samat."))
            self.again.clear()
            self.again.setFocus()
            return
        self.accept()

    def clear(self) -> None:
        self.pin.clear()
        self.again.clear()


class SignInController(QObject):
    """Keeps the banner true for the active municipality and runs the sign-ins.

    Signals:
        signed_in(list): the municipality codes (and ``population``) of a sign-in that
            just succeeded; their waiting items may go.
        worker_named(str): the name the organisation gave for the worker who signed in.
    """

    signed_in = Signal(list)
    worker_named = Signal(str)  # the signed-in worker's name, for the status bar
    _changed = Signal(object)  # a SignIn, from any thread

    def __init__(  # noqa: PLR0913 - the options are keyword-only
        self,
        sign_ins: SignIns,
        runner: TaskRunner,
        messages: MessageBridge,
        banner: SignInBanner,
        parent: QWidget,
        *,
        forget_connector: Callable[[str], None],
        pins: PinStore | None = None,
        worker: str = "",
    ) -> None:
        super().__init__(parent)
        self.sign_ins = sign_ins
        self._runner = runner
        self._messages = messages
        self._banner = banner
        self._window = parent
        self._forget_connector = forget_connector
        self._pins = pins
        self._worker = worker
        self._current: str | None = None
        self._busy: set[str] = set()
        self._changed.connect(self._on_changed, Qt.ConnectionType.QueuedConnection)
        sign_ins.listen(self._changed.emit)
        banner.sign_in_requested.connect(self.sign_in_current)

    def start(self) -> None:
        """Resume kept sign-ins in the background (no browser, nothing asked)."""
        self._runner.run(self.sign_ins.resume_all, lambda _none: self._update())

    def set_municipality(self, code: str) -> None:
        self._current = code
        self._update()

    def waiting(self, code: str) -> bool:
        return self.sign_ins.waiting_for_sign_in(code)

    def sign_in_current(self) -> None:
        code = self._current
        sign_in = None if code is None else self.sign_ins.of(code)
        if code is None:
            self._messages.info(self.tr("Valitse ensin kunta (Ctrl+1…9)."))
            return
        if sign_in is None:
            self._messages.error(
                self.tr(
                    "Tähän järjestelmään kirjautumista ei ole määritetty tämän koneen "
                    "asetuksissa (policy: auth). Soita tukeen."
                )
            )
            return
        if sign_in.key in self._busy:
            return
        if sign_in.method is SignInMethod.PASSWORD:
            self._ask_password(code, sign_in)
            return
        self._busy.add(sign_in.key)
        self._update()
        self._messages.info(self.tr("Kirjaudu selaimessa. Ikkuna odottaa kirjautumista taustalla."))
        self._runner.run(
            sign_in.sign_in,
            lambda result: self._done(sign_in, result),
            lambda _error: self._done(sign_in, SignInResult(Outcome.REFUSED, "error")),
        )

    def _ask_password(self, code: str, sign_in: SignIn) -> None:
        municipality = self.sign_ins.policy.municipality(code)
        hint = ""
        if self.sign_ins.training_password is not None:
            user, password = self.sign_ins.training_password
            hint = self.tr("Harjoittelu: tunnus {user}, salasana {password}.").format(
                user=user, password=password
            )
        dialog = PasswordDialog(municipality, hint, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        user, password = dialog.user.text(), dialog.password.text()
        dialog.password.clear()
        for each in sign_in.codes:
            self._forget_connector(each)
        # On the disk thread: the sign-in remembers who signed in (a small file).
        self._runner.run(
            lambda: sign_in.sign_in_with_password(user, password, ""),
            lambda result: self._done(sign_in, result),
            lambda _error: self._done(sign_in, SignInResult(Outcome.REFUSED, "error")),
            pool=Pool.DISK,
        )

    def _done(self, sign_in: SignIn, result: SignInResult) -> None:
        self._busy.discard(sign_in.key)
        self._messages.show_message(*_message(self, result))
        if result.outcome is Outcome.SIGNED_IN:
            self.signed_in.emit(list(sign_in.codes))
            if result.worker is not None and result.worker.name:
                self.worker_named.emit(result.worker.name)
            if sign_in.method is not SignInMethod.PASSWORD:
                self._online_sign_in()
        self._update()

    def _online_sign_in(self) -> None:
        """An online sign-in renews the PIN's offline time; without a PIN, offer one.
        The PIN file is read and written on the disk thread, never here."""
        pins, worker = self._pins, self._worker
        if pins is None:
            return
        now = dt.datetime.now(dt.UTC)

        def renew() -> bool:
            if pins.state(worker, now, 1e9) is PinState.NOT_SET:
                return False
            pins.signed_in_online(worker, now)
            return True

        def renewed(had_pin: bool) -> None:
            if not had_pin:
                self._offer_pin(pins, worker, now)

        self._runner.run(renew, renewed, pool=Pool.DISK)

    def _offer_pin(self, pins: PinStore, worker: str, now: dt.datetime) -> None:
        dialog = PinDialog(self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pin = dialog.pin.text()
        dialog.clear()
        self._runner.run(
            lambda: pins.set_pin(pin, worker, now),
            lambda _none: self._messages.success(self.tr("PIN-koodi asetettu.")),
            lambda error: self._messages.error(_pin_refused(self, error)),
            pool=Pool.DISK,
        )

    def _on_changed(self, sign_in: SignIn) -> None:
        if sign_in.state is State.SIGN_IN_AGAIN:
            self._messages.warning(
                self.tr(
                    "Kirjaudu uudelleen ({keys}): istunto päättyi. Odottavat kirjaukset "
                    "säilyvät ja lähtevät, kun olet kirjautunut."
                ).format(keys=SHORTCUT)
            )
        self._update()

    def _update(self) -> None:
        code = self._current
        sign_in = None if code is None else self.sign_ins.of(code)
        if code is None or (sign_in is not None and sign_in.state is State.SIGNED_IN):
            self._banner.setVisible(False)
            return
        name = self.sign_ins.policy.municipality(code).name_fi
        busy = sign_in is not None and sign_in.key in self._busy
        if sign_in is None:
            text = self.tr("{name}: kirjautumista ei ole määritetty. Soita tukeen.")
        elif busy:
            text = self.tr("{name}: kirjaudu selaimessa…")
        elif sign_in.state is State.SIGN_IN_AGAIN:
            text = self.tr(
                "{name}: kirjaudu uudelleen. Istunto päättyi; odottavat kirjaukset lähtevät "
                "kirjautumisen jälkeen."
            )
        else:
            text = self.tr("{name}: et ole kirjautunut. Kirjaudu, niin voit hakea ja kirjata.")
        self._banner.show_text(text.format(name=name), busy or sign_in is None)


def _pin_refused(owner: QObject, error: Exception) -> str:
    if isinstance(error, WeakPin):
        return QCoreApplication.translate(
            "SignInController",
            "PIN-koodia ei asetettu: se on liian lyhyt tai helposti arvattava (esim. 111111 "
            "tai 123456). Aseta uusi kirjautumalla uudelleen.",
        )
    return QCoreApplication.translate(
        "SignInController", "PIN-koodia ei voitu tallentaa. Lukituksen avaat kirjautumalla."
    )


def _message(owner: QObject, result: SignInResult) -> tuple[Level, str]:
    match result.outcome:
        case Outcome.SIGNED_IN:
            name = "" if result.worker is None else result.worker.name
            return Level.SUCCESS, QCoreApplication.translate(
                "SignInController", "Kirjauduttu sisään. {name}"
            ).format(name=name).strip()
        case Outcome.OFFLINE:
            return Level.WARNING, QCoreApplication.translate(
                "SignInController",
                "Tunnistuspalveluun ei saada yhteyttä. Tarkista VPN ja yritä hetken päästä "
                "uudelleen; kirjaukset odottavat.",
            )
        case Outcome.FORBIDDEN:
            return Level.ERROR, QCoreApplication.translate(
                "SignInController",
                "Organisaatio ei ole antanut sinulle oikeuksia tähän järjestelmään. Ota "
                "yhteys esihenkilöösi.",
            )
        case Outcome.SIGN_IN_AGAIN:
            return Level.WARNING, QCoreApplication.translate(
                "SignInController", "Kirjautuminen ei onnistunut. Yritä uudelleen."
            )
        case _:
            return Level.ERROR, QCoreApplication.translate(
                "SignInController",
                "Kirjautuminen keskeytyi tai vastaus ei kelvannut. Yritä uudelleen; jos se "
                "toistuu, soita tukeen.",
            )


def showing_filter(sign_ins: SignIns) -> Callable[[StoredItem], bool]:
    """The outbox view's filter: another worker's items are not shown."""

    def shows(item: StoredItem) -> bool:
        author = item.author
        return sign_ins.shows(item.municipality, None if author is None else author.worker_id)

    return shows


def draft_filter(sign_ins: SignIns) -> Callable[[Draft], bool]:
    """The drafts offered back: another worker's drafts are not shown."""

    def shows(draft: Draft) -> bool:
        author = draft.author
        return sign_ins.shows(draft.municipality, None if author is None else author.worker_id)

    return shows
