"""`python main.py chair`: who chaired a meeting, as the Attendance tab records it."""

from __future__ import annotations

from desktop_app.cli import main
from desktop_app.services.meeting_cycle.meetings import find_meeting
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import Body, Person

BOARD = ["--body", "Maidstone Locality Board", "--date", "2012-12-17"]


def chair_of(folder):
    open_database(folder)
    try:
        board = Body.get(Body.name == "Maidstone Locality Board")
        chair = find_meeting(body_id=board.id, date="2012-12-17").__data__["chair"]
        return Person.get_by_id(chair).key if chair else None
    finally:
        close_database()


def test_chair_records_who_presided(tmp_path, capsys):
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "chair", *BOARD, "--name", "garland"]) == 0
    assert (
        capsys.readouterr().out == "Cllr Chris Garland chaired the meeting of 17 December 2012.\n"
    )
    assert chair_of(folder) == "garland"


def test_someone_who_sent_apologies_cannot_chair(tmp_path, capsys):
    folder = tmp_path / "data"
    main(["--data-dir", str(folder), "check"])
    capsys.readouterr()

    assert main(["--data-dir", str(folder), "chair", *BOARD, "--name", "gooch"]) == 2

    assert capsys.readouterr().err == (
        "Cllr Fay Gooch is not marked present at this meeting; "
        "mark them present before making them chair.\n"
    )
    assert chair_of(folder) is None


def test_an_unknown_person_is_named_in_the_refusal(tmp_path, capsys):
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "chair", *BOARD, "--name", "Nobody"]) == 2
    assert capsys.readouterr().err.endswith("There is no person called Nobody.\n")
