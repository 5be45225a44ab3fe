"""Import reads only what the exchange file brings (issue 12): a paper or signed PDF is
named beside the JSON or in a folder under it, and must be a PDF the window would attach."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop_app.errors import ValidationError
from desktop_app.exchange import import_file
from desktop_app.services.papers import documents
from desktop_app.storage import store
from desktop_app.storage.models import Document
from tests.exchange.databases import every_row
from tests.exchange.papers import paper_pdf

DOCUMENT = "bodies[0].meetings[1].items[4].documents[0]"


@pytest.fixture
def folder(tmp_path) -> Path:
    """The exchange file's folder, one level under tmp_path, with a PDF beside it."""
    inside = tmp_path / "exchange"
    inside.mkdir()
    (inside / "paper.pdf").write_bytes(paper_pdf("Priorities"))
    return inside


@pytest.fixture
def secret(tmp_path) -> Path:
    """A file outside the exchange folder that no import may copy: a (stand-in) key."""
    path = tmp_path / "chair-key.pdf"
    path.write_bytes(paper_pdf("The chair's signing key"))
    return path


def write_example(folder: Path, example_path: Path, file: str) -> Path:
    data = json.loads(example_path.read_text(encoding="utf-8"))
    item = data["bodies"][0]["meetings"][1]["items"][4]
    item["documents"] = [{"title": "Priorities paper", "file": file}]
    path = folder / "board.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def refused(path: Path) -> str:
    before = every_row()
    with pytest.raises(ValidationError) as caught:
        import_file(path)
    assert every_row() == before
    return str(caught.value)


def test_an_absolute_path_is_refused(database, folder, secret, example_path):
    message = refused(write_example(folder, example_path, str(secret)))
    assert message == (
        f"{DOCUMENT}.file: “{secret}” is a full path; name a file beside the JSON file, or in "
        "a folder under it"
    )
    assert not store.has(store.sha256_of(secret))


def test_dot_dot_leaving_the_folder_is_refused(database, folder, secret, example_path):
    message = refused(write_example(folder, example_path, "../chair-key.pdf"))
    assert message.startswith(f"{DOCUMENT}.file: “../chair-key.pdf” leads out of the folder")
    assert not store.has(store.sha256_of(secret))


def test_a_link_pointing_out_of_the_folder_is_refused(database, folder, secret, example_path):
    os.symlink(secret, folder / "innocent.pdf")
    message = refused(write_example(folder, example_path, "innocent.pdf"))
    assert message.startswith(f"{DOCUMENT}.file: “innocent.pdf” leads out of the folder")
    assert not store.has(store.sha256_of(secret))


def test_a_linked_folder_pointing_out_is_refused(database, folder, tmp_path, example_path):
    os.symlink(tmp_path, folder / "papers")
    message = refused(write_example(folder, example_path, "papers/chair-key.pdf"))
    assert "leads out of the folder of the JSON file" in message


def test_a_file_in_a_folder_under_the_json_is_imported(database, folder, example_path):
    (folder / "papers").mkdir()
    (folder / "papers" / "report.pdf").write_bytes(paper_pdf("Report"))
    import_file(write_example(folder, example_path, "papers/report.pdf"))
    assert Document.get().sha256 == store.sha256_of(folder / "papers" / "report.pdf")


def test_dot_dot_that_stays_inside_and_a_link_inside_are_allowed(database, folder, example_path):
    (folder / "papers").mkdir()
    os.symlink(folder / "paper.pdf", folder / "papers" / "same.pdf")
    import_file(write_example(folder, example_path, "papers/../papers/same.pdf"))
    assert Document.get().sha256 == store.sha256_of(folder / "paper.pdf")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"%PDF-1.4 priorities\n", "is not a PDF that can be read"),
        (b"#!/bin/sh\nrm -rf ~\n", "is not a PDF that can be read (it does not begin as one)"),
    ],
)
def test_a_paper_that_is_not_a_pdf_is_refused_as_the_window_refuses_it(
    database, folder, example_path, content, reason
):
    (folder / "paper.pdf").write_bytes(content)
    message = refused(write_example(folder, example_path, "paper.pdf"))
    with pytest.raises(ValidationError) as window:
        documents.read_pdf(folder / "paper.pdf")
    assert reason in str(window.value)
    assert message == f"{DOCUMENT}.file: {str(window.value).rstrip('.')}"


def test_a_signed_pdf_outside_the_folder_is_refused(database, folder, secret, example_path):
    data = json.loads(example_path.read_text(encoding="utf-8"))
    version = data["bodies"][0]["meetings"][0]["minutes_versions"][0]
    version["signed_pdf"] = "../chair-key.pdf"
    version["pdf_sha256"] = store.sha256_of(secret)
    path = folder / "board.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    message = refused(path)
    assert message.startswith(
        "bodies[0].meetings[0].minutes_versions[0].signed_pdf: “../chair-key.pdf” leads out"
    )
    assert not store.has(store.sha256_of(secret))
