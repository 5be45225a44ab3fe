"""`render plan` and `render progress`: the example board's plan of seed 001 as the window
prints it, and one plain sentence with exit code 2 for what cannot be rendered."""

from __future__ import annotations

import pytest

from desktop_app.cli import main
from desktop_app.paths import EXAMPLE_FILE
from tests.documents.test_report_pdf import flat

BOARD = ["--body", "Maidstone Locality Board"]


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "import", str(EXAMPLE_FILE)]) == 0
    return folder


def test_the_example_plan_renders_with_or_without_its_title(data, tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    for named in ([], ["community development strategy"]):
        arguments = ["render", "plan", *named, *BOARD, "--out", str(out)]
        assert main(["--data-dir", str(data), *arguments]) == 0
        said = capsys.readouterr().out
        assert said.startswith("Wrote the plan “Community Development Strategy” to ")
    text = flat(out.read_bytes())
    assert "Priority 1: Tackling disadvantage" in text
    assert "Reduce percentage of obese adults, currently 26.5%" in text


def test_the_progress_report_renders_for_the_quarter_of_a_day(data, tmp_path, capsys):
    out = tmp_path / "progress.pdf"
    arguments = ["render", "progress", *BOARD, "--date", "14/02/2013", "--out", str(out)]
    assert main(["--data-dir", str(data), *arguments]) == 0
    assert "for Quarter 4 2012/13" in capsys.readouterr().out
    text = flat(out.read_bytes())
    assert "Progress report: Quarter 4 2012/13 (January–March 2013)" in text
    assert "4 Grey – not started" in text


@pytest.mark.parametrize(
    ("arguments", "sentence"),
    [
        (["plan", "Housing Strategy", *BOARD], "The body has no plan called “Housing Strategy”."),
        (["plan", "--body", "Education Provision Focus Group"], "The body has no plan."),
        (["plan", *BOARD, "--date", "2013-01-01"], "A plan is printed whole: give no --date"),
        (["progress", *BOARD, "--date", "31/02/2013"], "February 2013 has 28 days"),
    ],
)
def test_what_cannot_be_rendered_is_said_in_one_sentence(
    data, tmp_path, capsys, arguments, sentence
):
    out = tmp_path / "x.pdf"
    assert main(["--data-dir", str(data), "render", *arguments, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert sentence in err and err.count("\n") == 1
    assert not out.exists()
