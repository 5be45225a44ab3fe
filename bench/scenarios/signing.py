"""Sign, and verify, the minutes PDF of a 15-item meeting (issue 7): the Bench Board's first
benchmark meeting rendered once, then signed as the window signs it (open the PKCS#12 key
with its passphrase, certify with a visible box in the embedded font) and verified as
`verify` does (pyHanko: integrity, coverage, changes since, trust). The baselines are bare
pyHanko: a signature of the same file (invisible, no certification, key already loaded), and
a validation of the signed file's signature against the same trust root."""

from __future__ import annotations

import io
import time

from bench import budgets
from bench.results import Result, median
from bench.scenarios.meeting import bench_meetings
from bench.workspace import Workspace
from desktop_app.storage.database import close_database, open_database

RUNS = 7
PASSPHRASE = "bench passphrase"
BUDGETS = (budgets.SIGN, budgets.VERIFY)


def measure(workspace: Workspace) -> list[Result]:
    try:
        from desktop_app.documents.minutes_pdf import render_minutes
        from desktop_app.documents.signature_block import SIGNATURE_FIELD
    except ImportError:
        why = "documents/minutes_pdf.py is not there yet"
        return [Result.unavailable(b, why) for b in BUDGETS]
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    from desktop_app.signing import keys, signatures

    meeting_id = bench_meetings(workspace)[0]
    open_database(workspace.data_dir)
    try:
        pdf = render_minutes(meeting_id)
    finally:
        close_database()
    key_file = keys.make_key_file(
        name="Cllr Bench Chair", role="Chair", organisation="Bench Council", passphrase=PASSPHRASE
    )
    stamp = signatures.StampText(name="Cllr Bench Chair", role="Chair", date="1 October 2012")

    signing, verifying, baseline, bare_verifying = [], [], [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        key = keys.open_key_file(key_file, PASSPHRASE)
        signed = signatures.sign_pdf(pdf, key, stamp, box=SIGNATURE_FIELD)
        signing.append(time.perf_counter() - started)

        started = time.perf_counter()
        found = signatures.verify_pdf(signed, [key.certificate])
        verifying.append(time.perf_counter() - started)
        assert found.ok, found

        bare = signers.SimpleSigner.load_pkcs12_data(key_file, [], PASSPHRASE.encode())
        started = time.perf_counter()
        signers.sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(pdf)),
            signers.PdfSignatureMetadata(field_name="Bare"),
            signer=bare,
        )
        baseline.append(time.perf_counter() - started)

        started = time.perf_counter()
        _bare_validate(signed, key.certificate)
        bare_verifying.append(time.perf_counter() - started)

    sign_budget, verify_budget = budgets.SIGN, budgets.VERIFY
    size = f"{len(pdf) / 1000:.0f} kB unsigned, {len(signed) / 1000:.0f} kB signed"
    return [
        Result(
            sign_budget.scenario,
            measured=f"{sign_budget.format(median(signing))} (median)",
            value=median(signing),
            runs=RUNS,
            budget=sign_budget.describe(),
            baseline=f"{sign_budget.format(median(baseline))} (median)",
            baseline_value=median(baseline),
            met=sign_budget.met(median(signing)),
            notes=[
                f"15-item minutes, {size}; first (cold: stamp font cut and rescaled) "
                f"{sign_budget.format(signing[0])}, slowest {sign_budget.format(max(signing))}",
                "includes opening the passphrase-protected key file; baseline: bare pyHanko "
                "sign_pdf, invisible, key loaded",
            ],
        ),
        Result(
            verify_budget.scenario,
            measured=f"{verify_budget.format(median(verifying))} (median)",
            value=median(verifying),
            runs=RUNS,
            budget=verify_budget.describe(),
            baseline=f"{verify_budget.format(median(bare_verifying))} (median)",
            baseline_value=median(bare_verifying),
            met=verify_budget.met(median(verifying)),
            notes=[
                f"slowest {verify_budget.format(max(verifying))}; integrity, whole-file "
                "coverage, modification analysis and trust in the known certificate"
            ],
        ),
    ]


def _bare_validate(signed: bytes, certificate) -> None:
    """pyHanko's own validation of the one signature, trusting the signer's certificate."""
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    root = asn1_x509.Certificate.load(certificate.public_bytes(Encoding.DER))
    reader = PdfFileReader(io.BytesIO(signed))
    context = ValidationContext(trust_roots=[root])
    validate_pdf_signature(reader.embedded_signatures[0], context)
