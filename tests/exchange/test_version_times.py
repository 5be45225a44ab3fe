"""A minutes version keeps the time it was made through export and import, so undoing a
step after an import acts as it would have before: circulated minutes that were a draft
first go back to being a draft; minutes made by circulating them go away."""

from __future__ import annotations

import pytest

from desktop_app.exchange import export_data, export_file, import_data, import_file
from desktop_app.services.decisions import minutes_versions
from desktop_app.storage.models import Meeting, MinutesVersion
from tests.exchange.databases import opened
from tests.signing.record import make_board


def _versions() -> list[tuple]:
    meeting = Meeting.get()
    states = [(v.version, v.state) for v in minutes_versions.list_versions(meeting.id)]
    return [meeting.status, states]


def _withdrawn() -> list:
    minutes_versions.withdraw_circulation(meeting_id=Meeting.get().id)
    return _versions()


@pytest.fixture(params=["drafted first", "circulated at once"])
def exported(request, tmp_path):
    path = tmp_path / "out" / "board.json"
    path.parent.mkdir()
    with opened(tmp_path / "first"):
        meeting = make_board(1).meetings[0]
        if request.param == "drafted first":
            minutes_versions.draft_version(meeting_id=meeting.id)
        minutes_versions.circulate(meeting_id=meeting.id)
        export_file(path)
    return path


def test_withdrawing_imported_circulated_minutes_does_what_it_did_before(tmp_path, exported):
    with opened(tmp_path / "first"):
        made_at = MinutesVersion.get().created_at
        expected = _withdrawn()
    with opened(tmp_path / "second"):
        import_file(exported)
        assert MinutesVersion.get().created_at == made_at
        assert _withdrawn() == expected


def test_a_draft_circulated_later_goes_back_to_a_draft(tmp_path):
    path = tmp_path / "board.json"
    with opened(tmp_path / "first"):
        meeting = make_board(1).meetings[0]
        minutes_versions.draft_version(meeting_id=meeting.id)
        minutes_versions.circulate(meeting_id=meeting.id)
        export_file(path)
    with opened(tmp_path / "second"):
        import_file(path)
        assert _withdrawn() == ["minutes drafted", [(1, "draft")]]


def test_a_version_given_no_time_is_taken_as_made_before_its_first_step(tmp_path, exported):
    data = export_data_of(tmp_path / "first")
    version = data["bodies"][0]["meetings"][0]["minutes_versions"][0]
    del version["created_at"]
    with opened(tmp_path / "second"):
        import_data(data, base_dir=tmp_path)
        row = MinutesVersion.get()
        assert row.created_at < row.circulated_at
        assert _withdrawn() == ["minutes drafted", [(1, "draft")]]


def test_a_time_left_out_later_keeps_the_time_here(tmp_path, exported):
    with opened(tmp_path / "second"):
        import_file(exported)
        made_at = MinutesVersion.get().created_at
        data = export_data()
        del data["bodies"][0]["meetings"][0]["minutes_versions"][0]["created_at"]
        assert not import_data(data, base_dir=tmp_path).changed
        assert MinutesVersion.get().created_at == made_at


def test_a_time_that_is_no_moment_is_refused(tmp_path, exported):
    data = export_data_of(tmp_path / "first")
    data["bodies"][0]["meetings"][0]["minutes_versions"][0]["created_at"] = "2012-10-08"
    with opened(tmp_path / "second"), pytest.raises(Exception, match="created_at: “2012-10-08”"):
        import_data(data, base_dir=tmp_path)


def export_data_of(folder) -> dict:
    with opened(folder):
        return export_data()
