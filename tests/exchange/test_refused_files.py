"""A damaged file is refused with the place of the first fault, and changes nothing."""

from __future__ import annotations

import json

import pytest

from desktop_app.errors import ValidationError
from desktop_app.exchange import import_data, import_file
from tests.exchange.databases import every_row
from tests.exchange.databases import refused_import as refused

MEETING = "bodies[0].meetings[1]"


@pytest.fixture
def example(database, example_path) -> dict:
    """The example imported once (so the database is not empty) and as data to damage."""
    import_file(example_path)
    return json.loads(example_path.read_text(encoding="utf-8"))


def test_bad_json_is_refused_with_its_line_and_column(database, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "minute-book/1",\n "people": [}\n', encoding="utf-8")
    before = every_row()
    with pytest.raises(ValidationError, match=r"not valid JSON: .* at line 2, column 13"):
        import_file(path)
    assert every_row() == before


def test_a_missing_file_is_refused(database, tmp_path):
    with pytest.raises(ValidationError, match="There is no file"):
        import_file(tmp_path / "nowhere.json")


def test_a_file_that_is_not_an_object_is_refused(example, example_path):
    assert refused([1, 2], example_path.parent).startswith("The file does not hold a JSON object")


def test_a_wrong_format_name_is_refused(example, example_path):
    example["format"] = "minute-book/2"
    assert refused(example, example_path.parent).startswith("format: “minute-book/2” is not")


def test_a_missing_format_is_refused(example, example_path):
    del example["format"]
    assert refused(example, example_path.parent).startswith("format: missing")


def test_a_meeting_with_an_unknown_person_is_refused(example, example_path):
    example["bodies"][0]["meetings"][1]["attendance"][3]["person"] = "nobody"
    message = refused(example, example_path.parent)
    assert message.startswith(f"{MEETING}.attendance[3].person: unknown person “nobody”")


@pytest.mark.parametrize(
    "where",
    [
        lambda m: m["attendance"][0].__setitem__("substitute_for", "ghost"),
        lambda m: m.__setitem__("chair", "ghost"),
        lambda m: m["items"][6]["items"][0].__setitem__("presenter", "ghost"),
        lambda m: m["items"][4]["actions"][0].__setitem__("owner", "ghost"),
        lambda m: m["items"][5]["resolutions"][0].__setitem__("proposer", "ghost"),
        lambda m: m["items"][1]["resolutions"][0].__setitem__("seconder", "ghost"),
        lambda m: m["items"][3].__setitem__("declarations", [{"person": "ghost"}]),
    ],
)
def test_an_unknown_person_anywhere_is_refused(example, example_path, where):
    where(example["bodies"][0]["meetings"][1])
    assert "“ghost”" in refused(example, example_path.parent)


def test_an_unknown_member_is_refused(example, example_path):
    example["bodies"][0]["members"][2]["person"] = "ghost"
    message = refused(example, example_path.parent)
    assert message.startswith("bodies[0].members[2].person: unknown person “ghost”")


def test_a_named_vote_by_an_unknown_person_is_refused(example, example_path):
    resolution = example["bodies"][0]["meetings"][1]["items"][1]["resolutions"][0]
    resolution["named_votes"] = [
        {"person": "stockell", "vote": "for"},
        {"person": "x", "vote": "for"},
    ]
    message = refused(example, example_path.parent)
    assert message.startswith(f"{MEETING}.items[1].resolutions[0].named_votes[1].person:")


def test_a_megabyte_title_is_refused_clearly(example, example_path):
    example["bodies"][0]["meetings"][1]["items"][2]["title"] = "x" * 1_000_000
    message = refused(example, example_path.parent)
    assert message == (
        f"{MEETING}.items[2].title: 1,000,000 characters long; a name or title holds at most 300"
    )


def test_a_megabyte_overview_is_refused(example, example_path):
    example["bodies"][0]["meetings"][1]["items"][3]["minute"]["overview"] = "y" * 1_000_000
    message = refused(example, example_path.parent)
    assert message.startswith(f"{MEETING}.items[3].minute.overview: 1,000,000 characters long")


def test_a_wrong_type_deep_inside_is_refused_with_its_path(example, example_path):
    example["bodies"][0]["meetings"][1]["items"][2]["minute"] = ["not", "an", "object"]
    message = refused(example, example_path.parent)
    assert message == f"{MEETING}.items[2].minute: expected an object"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda m: m.__setitem__("date", "2012-02-30"), "date: “2012-02-30” is not a real date"),
        (lambda m: m.__setitem__("date", "17/13/2012"), "date: “17/13/2012” is not a real date"),
        (lambda m: m.__setitem__("start", "25:00"), "start: “25:00” is not a time of day"),
        (lambda m: m.__setitem__("end", "13:00"), "end: the meeting ends (13:00) before"),
        (lambda m: m.__setitem__("status", "adjourned"), "status: “adjourned” is not one of"),
        (lambda m: m["items"][0].__setitem__("kind", "speech"), "items[0].kind: “speech”"),
        (lambda m: m["attendance"][0].__setitem__("status", "asleep"), "attendance[0].status"),
        (lambda m: m["items"][0].__setitem__("number", 30), "items[0].number: expected text"),
        (
            lambda m: m["items"][0].__setitem__("confidential", "yes"),
            "items[0].confidential: expected true or false",
        ),
        (lambda m: m.__setitem__("public_attendees", -1), "public_attendees: must be 0 or more"),
        (lambda m: m.__setitem__("items", {}), "items: expected a list"),
        (lambda m: m["items"][0].__setitem__("colour", "red"), "items[0].colour: not a field"),
        (
            lambda m: m["items"][1]["resolutions"][0].__setitem__("outcome", "maybe"),
            "items[1].resolutions[0].outcome: “maybe”",
        ),
        (
            lambda m: m["items"][1]["resolutions"][0].__setitem__("votes", {"for": 2.5}),
            "items[1].resolutions[0].votes.for: expected a whole number",
        ),
        (
            lambda m: m["items"][4]["actions"][0].__setitem__("due", "2013-13-01"),
            "items[4].actions[0].due: “2013-13-01” is not a real date",
        ),
        (
            lambda m: m["items"][0].__setitem__("documents", [{"title": "Gone", "file": "no.pdf"}]),
            "items[0].documents[0].file: there is no file",
        ),
    ],
)
def test_a_bad_value_in_a_meeting_is_refused_with_its_path(example, example_path, change, expected):
    change(example["bodies"][0]["meetings"][1])
    assert refused(example, example_path.parent).startswith(f"{MEETING}.{expected}")


def test_an_unknown_role_is_refused(example, example_path):
    example["bodies"][0]["members"][1]["role"] = "king"
    assert refused(example, example_path.parent).startswith("bodies[0].members[1].role: “king”")


def test_a_person_listed_twice_is_refused(example, example_path):
    example["people"].append(dict(example["people"][0]))
    message = refused(example, example_path.parent)
    assert message.startswith(f"people[{len(example['people']) - 1}].key: the key “alland”")


def test_a_bad_numbering_pattern_is_refused(example, example_path):
    example["bodies"][0]["numbering"]["pattern"] = "{yy}/"
    message = refused(example, example_path.parent)
    assert message.startswith(
        "bodies[0].numbering.pattern: The minute-number pattern must contain {n}"
    )


def test_a_year_start_that_is_no_real_day_is_refused_as_in_the_window(example, example_path):
    example["bodies"][0]["numbering"]["year_starts"] = "02-30"
    message = refused(example, example_path.parent)
    assert message.startswith("bodies[0].numbering.year_starts: “02-30” is not a month and day")


def test_a_quorum_of_the_wrong_type_is_refused(example, example_path):
    example["bodies"][0]["quorum"] = [6]
    message = refused(example, example_path.parent)
    assert message.startswith("bodies[0].quorum: expected a number of members")


def test_a_circle_with_a_body_already_here_is_refused_and_rolled_back(example, example_path):
    # The sub-group reports to the board, then a second file makes the board report to it:
    # the circle is found only after rows were written, and all of them are rolled back.
    import_data(
        {
            "format": "minute-book/1",
            "bodies": [{"name": "Sub-group", "parent": "Maidstone Locality Board"}],
        },
        base_dir=example_path.parent,
    )
    example["bodies"][0]["parent"] = "Sub-group"
    example["bodies"][0]["venue"] = "Somewhere new"
    message = refused(example, example_path.parent)
    assert message.startswith("bodies[0].parent: the bodies would report to each other")


def set_in(place: str, key: str, value):
    """A change to the example: `value` at `key` of the object at `place` (a path)."""

    def change(data: dict) -> None:
        target = data
        for step in place.replace("[", ".").replace("]", "").split("."):
            target = target[int(step)] if step.isdigit() else target[step]
        target[key] = value

    return change


# The fields of the meeting cycle (issue 4), each refused with its path.
@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (set_in("people.0", "phone", "0" * 301), "people[0].phone: 301 characters long"),
        (set_in("people.0", "phone", 1622), "people[0].phone: expected text"),
        (
            set_in("bodies.0.numbering", "sub", "roman"),
            "bodies[0].numbering.sub: “roman” is not one of “decimal”, “letter”",
        ),
        (set_in("bodies.0", "template", {"title": "x"}), "bodies[0].template: expected a list"),
        (set_in("bodies.0", "template", ["Apologies"]), "bodies[0].template[0]: expected an"),
        (set_in("bodies.0", "template", [{"kind": "apologies"}]), "bodies[0].template[0].title:"),
        (
            set_in("bodies.0", "template", [{"title": "Apologies", "kind": "excuses"}]),
            "bodies[0].template[0].kind: “excuses” is not one of",
        ),
        (
            set_in("bodies.0", "template", [{"title": "x", "number": "1"}]),
            "bodies[0].template[0].number: not a field",
        ),
        (
            set_in("bodies.0", "template", [{"title": f"Item {n}"} for n in range(51)]),
            "bodies[0].template: a template holds at most 50 items",
        ),
        (set_in(MEETING, "reason", "Snow.\nAgain."), f"{MEETING}.reason: must be a single line"),
        (set_in(MEETING, "reason", "r" * 301), f"{MEETING}.reason: 301 characters long"),
        (set_in(MEETING, "public", "no"), f"{MEETING}.public: expected true or false"),
        (
            set_in(f"{MEETING}.items.1", "started", "2:75pm"),
            f"{MEETING}.items[1].started: “2:75pm” is not a time of day",
        ),
        (
            set_in(f"{MEETING}.items.1", "linked_meeting", "01/10/2012"),
            f"{MEETING}.items[1].linked_meeting: “01/10/2012” is not a meeting's date",
        ),
        (
            set_in(f"{MEETING}.items.1", "linked_meeting", "2012-10-01T24:00"),
            f"{MEETING}.items[1].linked_meeting: “24:00” in “2012-10-01T24:00” is not a time",
        ),
        (
            set_in(f"{MEETING}.items.1", "linked_meeting", "2012-10-02"),
            f"{MEETING}.items[1].linked_meeting: the body has no meeting on 2012-10-02",
        ),
        (
            set_in(f"{MEETING}.items.1", "linked_meeting", "2012-10-01T14:30"),
            f"{MEETING}.items[1].linked_meeting: the body has no meeting on 2012-10-01 at 14:30",
        ),
        (
            set_in(f"{MEETING}.items.1", "linked_meeting", "2012-12-17"),
            f"{MEETING}.items[1].linked_meeting: an item cannot link to its own meeting",
        ),
        (
            set_in(f"{MEETING}.items.2", "linked_minute", "29"),
            f"{MEETING}.items[2].linked_minute: no earlier meeting of the body has a minute "
            "numbered “29”",
        ),
        (
            # 31 is in the same meeting, not an earlier one: it must be named with its meeting.
            set_in(f"{MEETING}.items.2", "linked_minute", "31"),
            f"{MEETING}.items[2].linked_minute: no earlier meeting",
        ),
        (
            set_in(f"{MEETING}.items.2", "linked_minute", 31),
            f'{MEETING}.items[2].linked_minute: expected a minute number ("31")',
        ),
        (
            set_in(f"{MEETING}.items.2", "linked_minute", {"number": "31"}),
            f"{MEETING}.items[2].linked_minute.meeting: missing",
        ),
        (
            set_in(f"{MEETING}.items.2", "linked_minute", {"meeting": "2012-12-17"}),
            f"{MEETING}.items[2].linked_minute.number: missing",
        ),
        (
            set_in(f"{MEETING}.items.2", "linked_minute", {"meeting": "2012-10-01", "number": "1"}),
            f"{MEETING}.items[2].linked_minute: the meeting on 2012-10-01 has no item numbered “1”",
        ),
        (
            set_in(
                f"{MEETING}.items.2", "linked_minute", {"meeting": "2012-12-17", "number": "32"}
            ),
            f"{MEETING}.items[2].linked_minute: an item cannot link to itself",
        ),
        (
            set_in(f"{MEETING}.items.4.actions.0", "progress", "p" * 100_001),
            f"{MEETING}.items[4].actions[0].progress: 100,001 characters long",
        ),
        (
            set_in(
                f"{MEETING}.items.4",
                "documents",
                [{"title": "Paper", "date": "2012-12-32", "file": "locality-board.json"}],
            ),
            f"{MEETING}.items[4].documents[0].date: “2012-12-32” is not a real date",
        ),
        (
            set_in(f"{MEETING}.attendance.0", "arrived", "late"),
            f"{MEETING}.attendance[0].arrived: “late” is not a time of day",
        ),
        (
            lambda data: (
                set_in(f"{MEETING}.attendance.0", "arrived", "14:45")(data),
                set_in(f"{MEETING}.attendance.0", "left", "09:00")(data),
            ),
            f"{MEETING}.attendance[0].left: they left before they arrived",
        ),
        (
            set_in(f"{MEETING}.items.3", "declarations", [{"person": "cooke", "left_room": 1}]),
            f"{MEETING}.items[3].declarations[0].left_room: expected true or false",
        ),
        (
            set_in(f"{MEETING}.items.3", "declarations", [{"person": "cooke", "kind": "a\nb"}]),
            f"{MEETING}.items[3].declarations[0].kind: must be a single line",
        ),
    ],
)
def test_a_bad_meeting_cycle_field_is_refused_with_its_path(
    example, example_path, change, expected
):
    change(example)
    assert refused(example, example_path.parent).startswith(expected)
