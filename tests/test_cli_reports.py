"""`render report ITEM`: the example board's report of seed 003 as the window prints it, and
one plain sentence with exit code 2 for what cannot be rendered."""

from __future__ import annotations

import pytest

from desktop_app.cli import main
from desktop_app.paths import EXAMPLE_FILE
from tests.documents.test_report_pdf import flat

BOARD = ["--body", "Maidstone Locality Board", "--date", "2012-12-17"]


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "import", str(EXAMPLE_FILE)]) == 0
    return folder


@pytest.mark.parametrize("item", ["34", "locality board priorities and performance"])
def test_the_example_report_renders_by_the_items_number_or_title(data, tmp_path, capsys, item):
    out = tmp_path / "report.pdf"
    assert main(["--data-dir", str(data), "render", "report", item, *BOARD, "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Wrote the report “Local Strategic Partnership - Written Update” on ")
    assert "item 34 of Maidstone Locality Board, 17 December 2012" in said
    text = flat(out.read_bytes())
    assert text.startswith("DRAFT Maidstone Borough Council Maidstone Locality Board")
    assert "3.5 The Local Strategic Partnership was dissolved in September 2011" in text
    assert "Submitted — not yet approved for publication" in text


@pytest.mark.parametrize(
    ("arguments", "sentence"),
    [
        (
            ["35", *BOARD],
            "Item 35, “Kent Commissioning Plan for Education Provision”, has no report.",
        ),
        (["99", *BOARD], "The meeting has no item numbered or called “99”."),
        ([*BOARD], "Name the item whose report to render, by its number or title."),
        (["34", "--body", "Maidstone Locality Board"], "Give the date of the meeting"),
        (["34", *BOARD, "--confidential"], "A report takes only its item"),
    ],
)
def test_what_cannot_be_rendered_is_one_sentence(data, tmp_path, capsys, arguments, sentence):
    out = tmp_path / "report.pdf"
    code = main(["--data-dir", str(data), "render", "report", *arguments, "--out", str(out)])
    assert code == 2
    assert capsys.readouterr().err.startswith(sentence)
    assert not out.exists()


def test_another_document_takes_no_item(data, tmp_path, capsys):
    out = tmp_path / "agenda.pdf"
    assert main(["--data-dir", str(data), "render", "agenda", "34", *BOARD, "--out", str(out)]) == 2
    assert capsys.readouterr().err == "Only a report is of one item; the agenda takes no ITEM.\n"
