"""The verification badge of a meeting's signed minutes: valid / changed / unknown signer,
with who signed, when, and the certificate's fingerprint (issue 7)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop_app.services import verification
from desktop_app.signing.keys import short_fingerprint
from desktop_app.signing.signatures import CHANGED, UNKNOWN_SIGNER, VALID

# (what the badge says, its colour) per status
LOOKS = {
    VALID: ("✔ Signed and unchanged", "#1b5e20"),
    CHANGED: ("✖ Changed since signing", "#b71c1c"),
    UNKNOWN_SIGNER: ("? Signed by an unknown signer", "#8a5a00"),
    verification.MISSING: ("Signed — the file has not reached this computer yet", "#555555"),
}


class SignatureBadge(QLabel):
    """Hidden until the meeting's minutes are signed; then says whether they verify."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("signatureBadge")
        self.status: str | None = None
        self.hide()

    def show_meeting(self, meeting_id: str | None) -> None:
        report = verification.verify_meeting(meeting_id) if meeting_id else None
        self.status = report.status if report else None
        if report is None:
            self.clear()
            self.hide()
            return
        words, colour = LOOKS.get(report.status, (report.status, "#555555"))
        found = report.verification
        details = [report.signer] if report.signer else []
        if found.signed_at is not None:
            details.append(found.signed_at.strftime("%d %b %Y %H:%M UTC"))
        if found.fingerprint:
            details.append(f"certificate {short_fingerprint(found.fingerprint)}")
        self.setText(
            f'<span style="color:{colour}"><b>{words}</b></span>'
            + (f" — {', '.join(details)}" if details else "")
        )
        self.setToolTip("\n".join(report.lines()))
        self.show()
