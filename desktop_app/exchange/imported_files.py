"""The files an import reads besides its JSON (issue 12): each document's file and each
signed minutes PDF, named relative to the JSON file.

Only a file beside the JSON or in a folder under it may be named: an absolute path, `..`
that leaves the folder, or a link pointing out of it is refused, so that a file cannot make
an import copy into the store (and a later export write out again) something that is not
part of it, such as a signing key. Each must be a PDF the window would attach: the check
is the window's own, documents.read_pdf.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PureWindowsPath

from desktop_app.errors import ValidationError
from desktop_app.exchange.values import fail
from desktop_app.services.papers.documents import read_pdf

BESIDE = "name a file beside the JSON file, or in a folder under it"


def file_beside(base_dir: Path, name: str, path: str) -> Path:
    """The file `name` (given at `path` in the JSON), with every link in it followed; a
    refusal if it is not beside the JSON or under its folder, or is no file."""
    # On Windows "\\x" and "C:x" are not relative to the folder either.
    if Path(name).is_absolute() or PureWindowsPath(name).anchor:
        fail(path, f"“{name}” is a full path; {BESIDE}")
    given = base_dir / name
    try:
        folder = base_dir.resolve()
        source = given.resolve()
        if source.is_relative_to(folder) and source.is_file():
            return source
        outside = not source.is_relative_to(folder)
    except (OSError, RuntimeError) as error:  # RuntimeError: links in a loop
        fail(path, f"{given} cannot be read ({getattr(error, 'strerror', None) or error})")
    if outside:
        fail(path, f"“{name}” leads out of the folder of the JSON file; {BESIDE}")
    fail(path, f"there is no file {given}")


def pdf_sha256(source: Path, path: str) -> str:
    """The SHA-256 of the PDF at `source`, once it is found to be a PDF the window would
    attach; else a refusal at `path` in its words."""
    try:
        pdf = read_pdf(source)
    except ValidationError as error:
        fail(path, str(error).rstrip("."))
    return hashlib.sha256(pdf.data).hexdigest()
