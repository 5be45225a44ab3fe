"""The real minutes PDF, signed: valid for pyHanko and pdfsig, fonts embedded, the box in
the signature block the minutes leave on their last page."""

from __future__ import annotations

import io

from pypdf import PdfReader

from desktop_app.documents.minutes_pdf import render_minutes
from desktop_app.documents.signature_block import SIGNATURE_FIELD
from desktop_app.services.signatures import signing, verification
from tests.signing.pdfs import PASSPHRASE, pdffonts, pdfsig


def test_signed_minutes_are_valid_embedded_and_stamped_in_the_signature_block(
    board, chair_key, tmp_path
):
    first = board.meetings[0]
    signing.sign_minutes(
        meeting_id=first.id, key_path=chair_key, passphrase=PASSPHRASE, render=render_minutes
    )
    signed = signing.signed_pdf(first.id)
    path = tmp_path / "minutes.pdf"
    path.write_bytes(signed)

    assert verification.verify_pdf(signed).ok
    report = pdfsig(path)
    assert "Signature is Valid" in report and "Total document signed" in report
    assert all(line.split()[-5] == "yes" for line in pdffonts(path))
    last = PdfReader(io.BytesIO(signed)).pages[-1]
    [widget] = [a.get_object() for a in last["/Annots"] if a.get_object().get("/FT") == "/Sig"]
    assert [round(float(v)) for v in widget["/Rect"]] == [round(v) for v in SIGNATURE_FIELD]
    assert "DRAFT" not in last.extract_text()
