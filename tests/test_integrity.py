"""The `check` command's findings: a sound folder passes, a lost or altered file does not."""

from __future__ import annotations

import json

from desktop_app.exchange import import_data
from desktop_app.integrity import check_integrity
from desktop_app.storage import store
from desktop_app.storage.models import Document
from tests.exchange.papers import paper_pdf


def with_document(tmp_path) -> Document:
    (tmp_path / "paper.pdf").write_bytes(paper_pdf("Paper"))
    data = {
        "format": "minute-book/1",
        "bodies": [
            {
                "name": "Board",
                "meetings": [
                    {
                        "date": "2013-01-21",
                        "items": [
                            {"title": "Paper", "documents": [{"title": "P", "file": "paper.pdf"}]}
                        ],
                    }
                ],
            }
        ],
    }
    import_data(json.loads(json.dumps(data)), base_dir=tmp_path)
    return Document.get()


def test_a_sound_data_folder_has_no_problems(database, tmp_path):
    with_document(tmp_path)
    assert check_integrity() == []


def test_a_missing_stored_file_is_a_problem(database, tmp_path):
    document = with_document(tmp_path)
    store.path_of(document.sha256).unlink()
    [problem] = check_integrity()
    assert problem.startswith("The file of the document “P” is missing from the store")


def test_an_altered_stored_file_is_a_problem(database, tmp_path):
    document = with_document(tmp_path)
    store.path_of(document.sha256).write_bytes(b"changed")
    [problem] = check_integrity()
    assert problem.startswith("The file of the document “P” has changed")
