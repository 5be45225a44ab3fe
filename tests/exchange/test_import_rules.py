"""Import refuses what the window refuses, by the same rule (desktop_app/rules), naming
the place of the fault, and writes nothing (issue 12)."""

from __future__ import annotations

import json

import pytest

from desktop_app.errors import ValidationError
from desktop_app.exchange import import_data, import_file
from desktop_app.services.decisions import resolutions
from desktop_app.services.meeting_cycle import agenda, meeting_status
from desktop_app.storage.models import AgendaItem, Meeting, Resolution
from tests.exchange.databases import every_row
from tests.exchange.databases import refused_import as refused

MEETING = "bodies[0].meetings[1]"
ITEM_35 = f"{MEETING}.items[5]"  # “Kent Commissioning Plan”, a resolution proposed by Cooke


@pytest.fixture
def example(database, example_path) -> dict:
    """The example imported once, and as data to change."""
    import_file(example_path)
    return json.loads(example_path.read_text(encoding="utf-8"))


def window_refusal(call) -> str:
    """The window's (the service's) sentence for the same value."""
    with pytest.raises(ValidationError) as caught:
        call()
    return str(caught.value).rstrip(".")


def resolution_35() -> Resolution:
    item = AgendaItem.get(AgendaItem.number == "35")
    return Resolution.get(Resolution.item == item.id)


def test_a_million_votes_are_refused_as_the_window_refuses_them(example, example_path):
    example["bodies"][0]["meetings"][1]["items"][5]["resolutions"][0]["votes"] = {"for": 1_000_000}
    message = refused(example, example_path.parent)
    window = window_refusal(
        lambda: resolutions.update_resolution(resolution_id=resolution_35().id, votes_for=1_000_000)
    )
    assert window.endswith("may vote on item 35, but 1,000,000 votes were recorded")
    assert message == f"{ITEM_35}.resolutions[0]: {window}"


def test_more_votes_than_members_present_are_refused(example, example_path):
    resolution = example["bodies"][0]["meetings"][1]["items"][5]["resolutions"][0]
    resolution["votes"] = {"for": 10, "against": 5, "abstain": 5}
    message = refused(example, example_path.parent)
    assert message.startswith(f"{ITEM_35}.resolutions[0]: Only ")
    assert message.endswith("may vote on item 35, but 20 votes were recorded")


def test_named_votes_that_outnumber_their_count_are_refused(example, example_path):
    resolution = example["bodies"][0]["meetings"][1]["items"][5]["resolutions"][0]
    resolution["votes"] = {"for": 1, "against": 0}
    resolution["named_votes"] = [
        {"person": "stockell", "vote": "for"},
        {"person": "garland", "vote": "for"},
    ]
    message = refused(example, example_path.parent)
    window = window_refusal(
        lambda: resolutions.set_named_votes(
            resolution_id=_with_counts(votes_for=1, votes_against=0),
            votes={_key("stockell"): "for", _key("garland"): "for"},
        )
    )
    assert window == "Only 1 vote for was recorded, but 2 members are named as voting for"
    assert message == f"{ITEM_35}.resolutions[0].named_votes: {window}"


def test_unopposed_with_votes_against_is_refused(example, example_path):
    resolution = example["bodies"][0]["meetings"][1]["items"][5]["resolutions"][0]
    resolution["votes"] = {"for": 6, "against": 2}
    resolution["unopposed"] = True
    message = refused(example, example_path.parent)
    window = window_refusal(
        lambda: resolutions.update_resolution(
            resolution_id=resolution_35().id, votes_for=6, votes_against=2, unopposed=True
        )
    )
    assert window == "A motion carried unopposed has no votes against"
    assert message == f"{ITEM_35}.resolutions[0].unopposed: {window}"


def test_a_proposer_seconding_their_own_motion_is_refused(example, example_path):
    example["bodies"][0]["meetings"][1]["items"][5]["resolutions"][0]["seconder"] = "cooke"
    message = refused(example, example_path.parent)
    cooke = resolution_35().proposer_id
    window = window_refusal(
        lambda: resolutions.update_resolution(resolution_id=resolution_35().id, seconder_id=cooke)
    )
    assert window == "The proposer cannot also second the motion"
    assert message == f"{ITEM_35}.resolutions[0].seconder: {window}"


@pytest.mark.parametrize("paragraph", ["8", "0", "12A", "x" * 300])
def test_an_exempt_paragraph_outside_schedule_12a_is_refused(example, example_path, paragraph):
    example["bodies"][0]["meetings"][1]["items"][6]["exempt_paragraph"] = paragraph
    message = refused(example, example_path.parent)
    item = AgendaItem.get(AgendaItem.number == "36")
    window = window_refusal(lambda: agenda.update_item(item_id=item.id, exempt_paragraph=paragraph))
    assert "is not a paragraph of Schedule 12A; give a number from 1 to 7" in window
    assert message == f"{MEETING}.items[6].exempt_paragraph: {window}"


def test_a_confidential_item_on_a_published_agenda_without_its_paragraph_is_refused(
    example, example_path
):
    example["bodies"][0]["meetings"][1]["items"][7]["confidential"] = True
    message = refused(example, example_path.parent)
    item = AgendaItem.get(AgendaItem.number == "37")
    window = window_refusal(lambda: agenda.update_item(item_id=item.id, confidential=True))
    assert window == (
        "“Duration of Meeting” is confidential but gives no paragraph of Schedule 12A (1 to 7) "
        "as the reason, which a published agenda must give"
    )
    assert message == f"{MEETING}.items[7].exempt_paragraph: {window}"


def test_a_confidential_item_on_an_agenda_not_yet_published_may_wait_for_its_paragraph(
    example, example_path
):
    meeting = example["bodies"][0]["meetings"][1]
    for item in meeting["items"]:
        item.pop("number", None)
        for sub in item.get("items", []):
            sub.pop("number", None)
    meeting["items"][7]["confidential"] = True
    meeting["status"] = "scheduled"
    import_data(example, base_dir=example_path.parent)
    assert AgendaItem.get(AgendaItem.title == "Duration of Meeting").confidential


def test_two_items_of_one_meeting_with_one_minute_number_are_refused(example, example_path):
    example["bodies"][0]["meetings"][1]["items"][1]["number"] = "30"
    message = refused(example, example_path.parent)
    assert message == (
        f"{MEETING}.items[1].number: “30” is already the minute number of “Apologies for "
        "Absence” at the meeting of 2012-12-17; the body gives each number once"
    )


def number_in_october(example: dict, restart: str) -> None:
    """An item of the October meeting numbered 30, as is December's first item."""
    example["bodies"][0]["numbering"]["restart"] = restart
    example["bodies"][0]["meetings"][0]["items"] = [{"number": "30", "title": "Apologies"}]


def test_a_number_used_by_another_meeting_of_a_continuous_run_is_refused(example, example_path):
    number_in_october(example, "never")
    message = refused(example, example_path.parent)
    assert message.startswith(
        f"{MEETING}.items[0].number: “30” is already the minute number of “Apologies” at the "
        "meeting of 2012-10-01"
    )


def test_a_body_numbering_each_meeting_afresh_may_repeat_a_number(example, example_path):
    number_in_october(example, "per-meeting")
    import_data(example, base_dir=example_path.parent)
    numbered = AgendaItem.live().where(AgendaItem.number == "30").count()
    assert numbered == 2


def test_minutes_marked_signed_without_a_signed_version_are_refused(example, example_path):
    example["bodies"][0]["meetings"][0]["status"] = "minutes signed"
    message = refused(example, example_path.parent)
    october = Meeting.get(Meeting.date == "2012-10-01")
    window = window_refusal(
        lambda: meeting_status.change_status(meeting_id=october.id, status="minutes signed")
    )
    assert window.startswith("The minutes are marked signed, but no version of them is signed")
    assert message == f"bodies[0].meetings[0].status: {window}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"format": "minute-book/1", "format": "minute-book/1"}',
            "format: given twice in one object; give each field once",
        ),
        (
            '{"format": "minute-book/1", "bodies": [{"name": "A", "venue": "x", "name": "B"}]}',
            "bodies[0].name: given twice in one object; give each field once",
        ),
        (
            '{"format": "minute-book/1", "bodies": [{"name": "A", "meetings": [{"date": '
            '"2012-12-17", "items": [{"title": "x", "kind": "report", "kind": "urgent item"}]}]}]}',
            "bodies[0].meetings[0].items[0].kind: given twice in one object",
        ),
    ],
)
def test_a_field_given_twice_in_one_object_is_refused(database, tmp_path, text, expected):
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    before = every_row()
    with pytest.raises(ValidationError) as caught:
        import_file(path)
    assert str(caught.value).startswith(expected)
    assert every_row() == before


def _key(person_key: str) -> str:
    from desktop_app.storage.models import Person

    return Person.get(Person.key == person_key).id


def _with_counts(**counts) -> str:
    """Resolution 35 recorded with these counts through the window; its id."""
    row = resolution_35()
    resolutions.update_resolution(resolution_id=row.id, **counts)
    return row.id
