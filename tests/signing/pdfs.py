"""PDFs and keys for the signing tests: a small reportlab document, poppler's tools (pdfsig
with an NSS database that trusts the known signers), and the ways a signed file can be
tampered with (tests/reliability/test_tampering.py tries each)."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from desktop_app.paths import RESOURCES
from desktop_app.signing import keys, signatures

PASSPHRASE = "correct horse battery"
FONT = "LiberationSans"


def small_pdf(pages: int = 3) -> bytes:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(
            TTFont(FONT, str(RESOURCES / "fonts" / "LiberationSans-Regular.ttf"))
        )
    out = io.BytesIO()
    page = canvas.Canvas(out, initialFontName=FONT, invariant=True)
    for n in range(pages):
        page.setFont(FONT, 12)
        page.drawString(72, 760, f"Minutes, page {n + 1}: “resolved” — £10")
        page.showPage()
    page.save()
    return out.getvalue()


def pdfsig(path: Path, *, nssdir: Path | None = None) -> str:
    """pdfsig's report on the file; with `nssdir`, certificates are checked against it."""
    options = ["-nssdir", f"sql:{nssdir}"] if nssdir else []
    done = subprocess.run(
        ["pdfsig", *options, str(path)], capture_output=True, text=True, timeout=60
    )
    return done.stdout + done.stderr


def nss_trusting(folder: Path, certificates_pem: list[str]) -> Path:
    """An NSS database in `folder` that trusts these certificates as signers of documents
    (S/MIME trusted peers), as a clerk checking minutes with pdfsig would set one up."""
    folder.mkdir(parents=True)
    certutil = ["certutil", "-d", f"sql:{folder}"]
    subprocess.run([*certutil, "-N", "--empty-password"], check=True, timeout=60)
    for n, pem in enumerate(certificates_pem):
        path = folder / f"signer-{n}.pem"
        path.write_text(pem, encoding="ascii")
        subprocess.run(
            [*certutil, "-A", "-n", f"signer-{n}", "-t", ",P,", "-i", str(path)],
            check=True,
            timeout=60,
        )
    return folder


# pdfsig 22.12 (Debian 12) reads NSS's last error code even after the certificate check
# succeeded, and when an earlier call left one it prints "Unknown issue…" for a trusted
# certificate (in gdb: CERT_PKIXVerifyCert returned SECSuccess). Later versions say trusted.
TRUSTED_BY_PDFSIG = (
    "Certificate is Trusted.",
    "Unknown issue with Certificate or corrupted data.",
)


def pdfsig_accepts(report: str) -> bool:
    """Whether pdfsig found one signature, valid, covering the whole file, by a certificate
    its NSS database trusts."""
    lines = [line.strip().removeprefix("- ") for line in report.splitlines()]
    return (
        "Signature #1:" in lines
        and "Signature #2:" not in lines
        and "Total document signed" in lines
        and "Signature Validation: Signature is Valid." in lines
        and any(f"Certificate Validation: {trusted}" in lines for trusted in TRUSTED_BY_PDFSIG)
    )


def pdffonts(path: Path) -> list[str]:
    done = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, timeout=60)
    return done.stdout.splitlines()[2:]


def flip_page_content(signed: bytes) -> bytes:
    """One byte of what the first page shows changed: the middle byte of its longest
    content stream, well inside the signed range."""
    contents = PdfReader(io.BytesIO(signed)).pages[0].raw_get("/Contents")
    streams = list(contents.get_object()) if isinstance(contents.get_object(), list) else [contents]
    longest = max(streams, key=lambda ref: len(ref.get_object().get_data()))
    *_, header = re.finditer(rb"\b%d %d obj\b" % (longest.idnum, longest.generation), signed)
    start = re.compile(rb"stream\r?\n").search(signed, header.end()).end()
    return flip_byte(signed, (start + signed.index(b"endstream", start)) // 2)


def append_update(signed: bytes) -> bytes:
    """An incremental update after the signature: the title changed in the metadata."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    info = writer.trailer["/Info"].get_object() if "/Info" in writer.trailer else None
    if info is None:
        info = generic.DictionaryObject()
        writer.trailer["/Info"] = writer.add_object(info)
    info[generic.NameObject("/Title")] = generic.TextStringObject("Quietly changed")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def replace_page(signed: bytes) -> bytes:
    """An incremental update giving the first page other content."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    stream = generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 760 Td (Other minutes) Tj ET")
    page[generic.NameObject("/Contents")] = writer.add_object(stream)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def flip_byte(signed: bytes, at: int) -> bytes:
    """The lowest bit of the byte at offset `at` flipped."""
    return signed[:at] + bytes([signed[at] ^ 1]) + signed[at + 1 :]


def add_page(signed: bytes) -> bytes:
    """An incremental update adding a page at the end, which says something else."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    pages = writer.root["/Pages"]
    first = pages["/Kids"][0].get_object()
    content = writer.add_object(
        generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 760 Td (A minute added later) Tj ET")
    )
    page = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Page"),
            generic.NameObject("/Parent"): writer.root.raw_get("/Pages"),
            generic.NameObject("/MediaBox"): first["/MediaBox"],
            generic.NameObject("/Resources"): first.raw_get("/Resources"),
            generic.NameObject("/Contents"): content,
        }
    )
    pages["/Kids"].append(writer.add_object(page))
    pages[generic.NameObject("/Count")] = generic.NumberObject(pages["/Count"] + 1)
    writer.update_container(pages)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def change_text(signed: bytes) -> bytes:
    """An incremental update painting over the first page's text and writing other words
    there: the page keeps its own content, and shows something else."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    cover = writer.add_object(
        generic.StreamObject(
            stream_data=b"q 1 1 1 rg 40 80 515 700 re f Q "
            b"BT /F1 12 Tf 72 760 Td (Resolved: the opposite.) Tj ET"
        )
    )
    contents = page.raw_get("/Contents")
    parts = list(contents) if isinstance(contents, generic.ArrayObject) else [contents]
    page[generic.NameObject("/Contents")] = generic.ArrayObject([*parts, cover])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def rewrite_replacing_page(signed: bytes) -> bytes:
    """The file rewritten whole (not an update) with its first page swapped for another
    document's page."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(signed)))
    writer.insert_page(PdfReader(io.BytesIO(small_pdf(1))).pages[0], 0)
    writer.remove_page(1)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def strip_signature(signed: bytes) -> bytes:
    """The file rewritten without its signature: the signature field, the form holding it
    and the certification (DocMDP) entry gone; the stamp drawn on the page stays."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(signed)))
    for page in writer.pages:
        if "/Annots" in page:
            kept = [a for a in page["/Annots"] if a.get_object().get("/FT") != "/Sig"]
            if kept:
                page[NameObject("/Annots")] = type(page["/Annots"])(kept)
            else:
                del page["/Annots"]
    for entry in ("/AcroForm", "/Perms"):
        if entry in writer.root_object:
            del writer.root_object[entry]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def resign(signed: bytes, key: keys.KeyFile) -> bytes:
    """The signature stripped and the file signed again with `key`, its box naming the
    certificate's holder."""
    found = keys.facts(key.certificate)
    stamp = signatures.StampText(name=found.name, role=found.role, date="")
    return signatures.sign_pdf(strip_signature(signed), key, stamp)


def same_name_key(certificate: x509.Certificate) -> keys.KeyFile:
    """A key of someone else's making whose self-signed certificate carries the same name,
    role and organisation as `certificate`."""
    found = keys.facts(certificate)
    data = keys.make_key_file(
        name=found.name, role=found.role, organisation=found.organisation, passphrase=PASSPHRASE
    )
    return keys.open_key_file(data, PASSPHRASE)


def copied_certificate_key(certificate: x509.Certificate) -> keys.KeyFile:
    """A new key with a certificate copying everything of `certificate` that can be copied
    without its private key: subject, issuer, serial number, validity and extensions (the
    key identifier too)."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    builder = (
        x509.CertificateBuilder()
        .subject_name(certificate.subject)
        .issuer_name(certificate.issuer)
        .public_key(private.public_key())
        .serial_number(certificate.serial_number)
        .not_valid_before(certificate.not_valid_before_utc)
        .not_valid_after(certificate.not_valid_after_utc)
    )
    for extension in certificate.extensions:
        builder = builder.add_extension(extension.value, extension.critical)
    return keys.KeyFile(private_key=private, certificate=builder.sign(private, hashes.SHA256()))
