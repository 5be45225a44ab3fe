"""Export followed by import into an empty data folder gives the same record."""

from __future__ import annotations

import copy
import hashlib
import json

import pytest

from desktop_app.errors import ValidationError
from desktop_app.exchange import export_data, export_file, import_data, import_file
from desktop_app.services.decisions import resolutions, voting
from desktop_app.services.meeting_cycle import attendance
from desktop_app.storage import store
from desktop_app.storage.models import AgendaItem, Body, Document, Meeting, Person, Resolution
from tests.exchange.databases import opened
from tests.exchange.papers import paper_pdf
from tests.exchange.shapes import assert_in_format_order


def test_example_exports_and_imports_into_an_empty_folder_as_the_same_record(
    tmp_path, example_path
):
    with opened(tmp_path / "first"):
        import_file(example_path)
        first = export_data()
        (tmp_path / "out").mkdir()
        export_file(tmp_path / "out" / "board.json")
    with opened(tmp_path / "second"):
        import_file(tmp_path / "out" / "board.json")
        assert export_data() == first


def test_attendance_changed_after_a_vote_still_exports_and_imports(tmp_path, example_path):
    """A vote counts those who could vote when it was taken; marking one of them absent
    afterwards is refused (it would make the vote impossible, and the export unreadable),
    while a departure after the vote keeps the vote possible and the record round-trips."""
    with opened(tmp_path / "first"):
        import_file(example_path)
        item = AgendaItem.get(AgendaItem.number == "35")
        everyone = voting.eligible_voters(item.id)
        resolution = Resolution.get(Resolution.item == item.id)
        resolutions.update_resolution(resolution_id=resolution.id, votes_for=len(everyone))
        ring = Person.get(Person.key == "ring")
        meeting_id = item.__data__["meeting"]
        with pytest.raises(ValidationError, match="only .* may vote on item 35"):
            attendance.mark_attendance(meeting_id=meeting_id, person_id=ring.id, status="absent")
        line = attendance.row_of(meeting_id, ring.id)
        attendance.set_times(attendance_id=line.id, left="16:00")
        first = export_data()
        (tmp_path / "out").mkdir()
        export_file(tmp_path / "out" / "board.json")
    with opened(tmp_path / "second"):
        import_file(tmp_path / "out" / "board.json")
        assert export_data() == first


def test_export_keeps_the_order_of_the_format(database, example_path):
    import_file(example_path)
    assert_in_format_order(export_data())


def test_example_values_survive_the_import(database, example_path):
    import_file(example_path)
    body = Body.get(Body.name == "Maidstone Locality Board")
    assert body.quorum == "6" and body.numbering_next == 38
    meetings = list(Meeting.select().where(Meeting.body == body.id).order_by(Meeting.date))
    assert meetings[1].__data__["previous"] == meetings[0].id
    data = export_data()
    assert data["bodies"][0]["quorum"] == 6
    first_item = data["bodies"][0]["meetings"][1]["items"][0]
    assert first_item["number"] == "30"


def test_only_the_named_body_and_the_people_it_uses_are_exported(database, example_path):
    example = json.loads(example_path.read_text(encoding="utf-8"))
    example["people"].append({"key": "nobody", "name": "Not On Any Body"})
    example["bodies"].append({"name": "Another Board", "kind": "board"})
    import_data(example, base_dir=example_path.parent)
    data = export_data(body_name="maidstone locality board")
    assert [b["name"] for b in data["bodies"]] == ["Maidstone Locality Board"]
    assert "nobody" not in {p["key"] for p in data["people"]}
    assert "stockell" in {p["key"] for p in data["people"]}


def test_documents_travel_beside_the_file_and_into_the_store(tmp_path, example_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    report = papers / "priorities.pdf"
    report.write_bytes(paper_pdf("Priorities and performance"))
    data = json.loads(example_path.read_text(encoding="utf-8"))
    item = data["bodies"][0]["meetings"][1]["items"][4]
    item["documents"] = [{"title": "Priorities paper", "author": "MBC", "file": "priorities.pdf"}]
    expected = hashlib.sha256(report.read_bytes()).hexdigest()

    with opened(tmp_path / "first"):
        import_data(data, base_dir=papers)
        document = Document.get()
        assert document.sha256 == expected
        assert store.path_of(expected).read_bytes() == report.read_bytes()
        first = export_data()
        (tmp_path / "out").mkdir()
        export_file(tmp_path / "out" / "board.json")
    assert (tmp_path / "out" / "priorities.pdf").read_bytes() == report.read_bytes()

    with opened(tmp_path / "second"):
        import_file(tmp_path / "out" / "board.json")
        assert store.has(expected)
        assert export_data() == first


def test_two_documents_with_one_file_name_are_both_exported(tmp_path, example_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.pdf").write_bytes(paper_pdf("First report"))
    (tmp_path / "b" / "report.pdf").write_bytes(paper_pdf("Second report"))
    data = json.loads(example_path.read_text(encoding="utf-8"))
    item = data["bodies"][0]["meetings"][1]["items"][4]
    item["documents"] = [
        {"title": "First", "file": "a/report.pdf"},
        {"title": "Second", "file": "b/report.pdf"},
    ]
    with opened(tmp_path / "data"):
        import_data(data, base_dir=tmp_path)
        (tmp_path / "out").mkdir()
        export_file(tmp_path / "out" / "board.json")
    exported = json.loads((tmp_path / "out" / "board.json").read_text(encoding="utf-8"))
    files = exported["bodies"][0]["meetings"][1]["items"][4]["documents"]
    contents = {(tmp_path / "out" / f["file"]).read_bytes() for f in files}
    assert contents == {paper_pdf("First report"), paper_pdf("Second report")}


def test_mixed_scripts_and_emoji_in_names_round_trip(tmp_path, example_path):
    data = json.loads(example_path.read_text(encoding="utf-8"))
    names = {
        "stockell": "Paulina Стокелл-σκελ 🏛️",
        "kershaw": "Ellie 柯肖 کرشاو 👩🏽‍💼",
    }
    for person in data["people"]:
        if person["key"] in names:
            person["name"] = names[person["key"]]
    data["organisations"].append({"name": "Συμβούλιο ☕ मंडल"})
    data["people"].append({"key": "ज़ोया", "name": "ज़ोया 🦊", "organisation": "Συμβούλιο ☕ मंडल"})
    data["bodies"][0]["name"] = "Locality Board — Ωμέγα 🌳"
    for group in data["bodies"][1:]:
        group["parent"] = "Locality Board — Ωμέγα 🌳"
    with opened(tmp_path / "first"):
        import_data(copy.deepcopy(data), base_dir=example_path.parent)
        assert Person.get(Person.key == "kershaw").name == names["kershaw"]
        first = export_data()
        (tmp_path / "out").mkdir()
        export_file(tmp_path / "out" / "board.json")
    with opened(tmp_path / "second"):
        import_file(tmp_path / "out" / "board.json")
        second = export_data()
    assert second == first
    people = {p["key"]: p for p in second["people"]}
    assert people["ज़ोया"]["organisation"] == "Συμβούλιο ☕ मंडल"
    assert people["stockell"]["name"] == names["stockell"]
    assert second["bodies"][0]["name"] == "Locality Board — Ωμέγα 🌳"
