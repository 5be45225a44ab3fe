"""The badge that says whether signed minutes verify: valid / changed / unknown signer /
not valid, with who signed, when, and the certificate's fingerprint (issue 7).

Verifying takes 10–100 ms (and loads pyHanko the first time, about 0.4 s), so it runs off
the GUI thread: the page or preview opens at once and the badge fills in when the answer
comes. Only whether a meeting is signed at all is asked on the GUI thread (one query).
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel

from desktop_app.services.signatures import verification
from desktop_app.services.signatures.verification import SignatureReport
from desktop_app.signing.keys import short_fingerprint
from desktop_app.signing.signatures import CHANGED, NOT_VALID, UNKNOWN_SIGNER, UNSIGNED, VALID
from ui.tasks import run_quietly

GREY = "#555555"
CHECKING = ("Checking the signature…", GREY)
# (what the badge says, its colour) per status
LOOKS = {
    VALID: ("✔ Signed and unchanged", "#1b5e20"),
    CHANGED: ("✖ Changed since signing", "#b71c1c"),
    NOT_VALID: ("✖ Signature not valid", "#b71c1c"),
    UNKNOWN_SIGNER: ("? Signed by an unknown signer", "#8a5a00"),
    verification.MISSING: ("Signed — the file has not reached this computer yet", GREY),
}


class SignatureBadge(QLabel):
    """Hidden until what it is shown turns out to be signed; then says whether it verifies.
    `status` is the verified status (None while hidden or checking)."""

    checked = Signal()  # the answer is shown (or the badge hidden): tests wait for it

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("signatureBadge")
        self.setWordWrap(True)
        self.status: str | None = None
        self._asked = 0  # numbers each request, so a late answer to an old one is dropped
        self.hide()

    def show_meeting(self, meeting_id: str | None) -> None:
        """The meeting's signed minutes, verified; hidden if they are not signed."""
        if not meeting_id or not verification.is_signed(meeting_id):
            self._answer(self._ask(), None)
            return
        asked = self._ask()
        self._paint(*CHECKING, details="", tip="")
        run_quietly(
            self,
            lambda: verification.verify_meeting(meeting_id),
            lambda report: self._answer(asked, report),
        )

    def show_pdf(self, data: bytes) -> None:
        """Any PDF's signature, verified against the known signers; hidden if unsigned."""
        asked = self._ask()
        self.hide()
        run_quietly(
            self, lambda: verification.verify_pdf(data), lambda report: self._answer(asked, report)
        )

    def _ask(self) -> int:
        self._asked += 1
        self.status = None
        return self._asked

    def _answer(self, asked: int, report: SignatureReport | None) -> None:
        if asked != self._asked:
            return
        if report is None or report.status == UNSIGNED:
            self.clear()
            self.hide()
        else:
            self.status = report.status
            words, colour = LOOKS.get(report.status, (report.status, GREY))
            self._paint(words, colour, details=_details(report), tip="\n".join(report.lines()))
        self.checked.emit()

    def _paint(self, words: str, colour: str, *, details: str, tip: str) -> None:
        red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        self.setStyleSheet(
            f"QLabel#signatureBadge {{ border: 1px solid {colour}; border-radius: 4px; "
            f"padding: 3px 8px; background: rgba({red}, {green}, {blue}, 20); }}"
        )
        self.setText(f'<span style="color:{colour}"><b>{escape(words)}</b></span>{details}')
        self.setToolTip(tip)
        self.show()


def _details(report: SignatureReport) -> str:
    """Who signed, when, with which certificate; and why, when the signature fails."""
    found = report.verification
    parts = [report.signer] if report.signer else []
    if found.signed_at is not None:
        parts.append(f"signed {found.signed_at.astimezone(dt.UTC):%d %b %Y %H:%M} UTC")
    if found.fingerprint:
        parts.append(f"certificate {short_fingerprint(found.fingerprint)}")
    text = f" — {escape(', '.join(parts))}" if parts else ""
    if not report.ok and found.detail:
        text += f"<br>{escape(found.detail)}"
    return text
