"""The documents' read model: the example meeting as the printed documents see it."""

from __future__ import annotations

from desktop_app.documents.meeting_facts import load_meeting_facts
from tests.documents.conftest import SECRET_ITEM


def test_the_example_meeting_has_every_minute_number_attendee_and_decision(example_meeting):
    facts = load_meeting_facts(example_meeting)
    assert [item.number for item in facts.items] == [str(n) for n in range(30, 38)]
    assert facts.body_name == "Maidstone Locality Board"
    assert facts.venue.startswith("Darent Room")
    names = {line.name for line in facts.attendance}
    assert "Simon Alland" in names
    assert any(line.status == "apologies" for line in facts.attendance)
    assert any(
        r.text.startswith("That the Minutes") or r.text for i in facts.items for r in i.resolutions
    )


def test_a_part_two_item_is_kept_apart_with_its_paper(papered_meeting):
    facts = load_meeting_facts(papered_meeting.meeting_id)
    secret = facts.confidential_items()
    assert [item.title for item in secret] == [f"Sale of the {SECRET_ITEM} depot"]
    assert secret[0].exempt_paragraph == "3" and secret[0].papers[0].confidential
    assert all(not item.confidential for item in facts.public_items())
    assert [p.title for i in facts.all_items() for p in i.papers][0].startswith("Priorities")
