"""`render update`: a group's quarterly update as the window prints it, a board's quarter
combined, and one plain sentence with exit code 2 for what cannot be rendered."""

from __future__ import annotations

import pytest

from desktop_app.cli import main
from desktop_app.services.updates import writing
from desktop_app.storage.database import close_database, open_database
from tests.documents.test_report_pdf import flat
from tests.updates.seed import QUARTER, TODAY, WRITTEN, seed_quarter

GROUP = ["--body", "Economic Development and Regeneration"]


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    open_database(folder)
    seed = seed_quarter()
    made = writing.draft_update(
        body_id=seed.group_id, quarter=QUARTER, prepared_by_id=seed.officer_id, today=TODAY
    )
    writing.edit_update(update_id=made.id, **WRITTEN)
    close_database()
    return folder


def test_a_groups_update_renders_for_the_quarter_of_a_day(data, tmp_path, capsys):
    out = tmp_path / "update.pdf"
    for dated in ([], ["--date", "15/08/2011"]):
        arguments = ["render", "update", *GROUP, *dated, "--out", str(out)]
        assert main(["--data-dir", str(data), *arguments]) == 0
        assert capsys.readouterr().out.startswith("Wrote “Quarter 2 update: Regeneration” to ")
    text = flat(out.read_bytes())
    assert "Report Prepared by: Sarah Robson Overall status: RED" in text
    assert "2.0 Quarter 2 delivery group update" in text


def test_a_boards_quarter_renders_its_groups_updates_combined(data, tmp_path, capsys):
    out = tmp_path / "board.pdf"
    arguments = ["render", "update", "--body", "Maidstone Locality Board", "--date", "2011-09-30"]
    assert main(["--data-dir", str(data), *arguments, "--out", str(out)]) == 0
    assert "the Quarter 2 2011/12 updates to Maidstone Locality Board" in capsys.readouterr().out
    assert "2.0 Delivery Group Priorities" in flat(out.read_bytes())  # no overview: 1.0 the groups


@pytest.mark.parametrize(
    ("arguments", "sentence"),
    [
        ([*GROUP, "--date", "2011-11-01"], "has no quarterly update for Quarter 3 2011/12."),
        (["--body", "Maidstone Locality Board"], "Give --date, a day in the quarter"),
        ([*GROUP, "--public"], "An update takes only --body, --out and --date"),
    ],
)
def test_what_cannot_be_rendered_is_said_in_one_sentence(
    data, tmp_path, capsys, arguments, sentence
):
    out = tmp_path / "x.pdf"
    assert main(["--data-dir", str(data), "render", "update", *arguments, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert sentence in err and err.count("\n") == 1
    assert not out.exists()
