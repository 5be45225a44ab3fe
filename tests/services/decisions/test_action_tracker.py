"""The action tracker over a few hundred generated actions: filters, counts, paging and
the order officers read it in (overdue first, then by due date, then by meeting)."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from types import SimpleNamespace

import pytest

from desktop_app.services.decisions import actions
from desktop_app.services.decisions.action_tracker import (
    ActionFilter,
    count_actions,
    owners,
    page_of_actions,
)
from desktop_app.services.directory import organisations, people
from desktop_app.services.directory.bodies import create_body
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.storage.database import DATABASE_NAME, close_database, open_database
from desktop_app.storage.models import Action, db
from desktop_app.vocabulary import ACTION_STATUSES

TODAY = dt.date(2013, 6, 1)
COUNT = 360


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """The generated actions, made once per module in a database file each test copies."""
    folder = tmp_path_factory.mktemp("tracked")
    open_database(folder)
    try:
        made = generate()
    finally:
        close_database()  # the last connection closing folds the WAL into the file
    return folder / DATABASE_NAME, made


@pytest.fixture
def tracked(prepared, data_dir, request):
    source, made = prepared
    data_dir.mkdir(parents=True)
    shutil.copyfile(source, data_dir / DATABASE_NAME)
    request.getfixturevalue("database")  # opens the copy
    return made


def generate() -> SimpleNamespace:
    """Two bodies with six meetings each and COUNT actions spread over them, owned by two
    people or an organisation (or no one), with statuses and due dates around TODAY."""
    rng = random.Random(5)
    owners_ = [
        ("person", people.create_person(name="Simon Alland")),
        ("person", people.create_person(name="Jon Bumpus", title="CI")),
        ("organisation", organisations.create_organisation(name="Kent Police")),
        (None, None),
    ]
    items = []
    bodies = [create_body(name="Locality Board"), create_body(name="Health Group")]
    for body in bodies:
        for month in range(1, 7):
            meeting = meetings.create_meeting(
                body_id=body.id, date=dt.date(2013, month, 10), status="held"
            )
            items.append((body, agenda.add_item(meeting_id=meeting.id, title=f"Item {month}")))
    made = []
    with db.atomic():  # one transaction: a few hundred commits would each wait for the disk
        for n in range(COUNT):
            body, item = items[n % len(items)]
            kind, owner = owners_[n % len(owners_)]
            due = TODAY + dt.timedelta(days=rng.randint(-60, 60)) if n % 5 else None
            status = ACTION_STATUSES[rng.randrange(len(ACTION_STATUSES))]
            text = f"Action {n:03d}" + (" about 100% of housing" if n % 7 == 0 else "")
            action = actions.add_action(
                item_id=item.id,
                text=text,
                due=due,
                status=status,
                owner_person_id=owner.id if kind == "person" else None,
                owner_organisation_id=owner.id if kind == "organisation" else None,
            )
            made.append(
                SimpleNamespace(
                    id=action.id,
                    body=body,
                    kind=kind,
                    owner=owner,
                    **{"due": due, "status": status, "text": text},
                )
            )
    return SimpleNamespace(bodies=bodies, owners=owners_, made=made)


def everything(flt: ActionFilter, page: int = 50) -> list[actions.ActionEntry]:
    found, offset = [], 0
    while batch := page_of_actions(flt, offset=offset, limit=page, today=TODAY):
        found.extend(batch)
        offset += page
    return found


def order_key(entry: actions.ActionEntry) -> tuple:
    return (not entry.overdue, entry.due is None, entry.due or dt.date.min, entry.meeting_date)


def test_without_a_filter_every_action_is_counted(tracked):
    assert count_actions(ActionFilter(), today=TODAY) == COUNT


def test_pages_join_up_without_repeats_or_gaps(tracked):
    found = everything(ActionFilter(), page=47)
    assert len(found) == COUNT
    assert {e.id for e in found} == {a.id for a in tracked.made}


def test_overdue_come_first_then_by_due_date_then_by_meeting(tracked):
    found = everything(ActionFilter())
    assert [order_key(e) for e in found] == sorted(order_key(e) for e in found)
    assert found[0].overdue and not found[-1].overdue


def test_a_page_starts_where_the_last_one_ended(tracked):
    whole = page_of_actions(ActionFilter(), offset=0, limit=100, today=TODAY)
    second = page_of_actions(ActionFilter(), offset=40, limit=20, today=TODAY)
    assert [e.id for e in second] == [e.id for e in whole[40:60]]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (lambda t: ActionFilter(body_id=t.bodies[1].id), lambda a, t: a.body is t.bodies[1]),
        (
            lambda t: ActionFilter(owner_person_id=t.owners[1][1].id),
            lambda a, t: a.owner is t.owners[1][1],
        ),
        (
            lambda t: ActionFilter(owner_organisation_id=t.owners[2][1].id),
            lambda a, t: a.owner is t.owners[2][1],
        ),
        (lambda t: ActionFilter(status="at risk"), lambda a, t: a.status == "at risk"),
        (lambda t: ActionFilter(status="not done"), lambda a, t: a.status != "done"),
        (
            lambda t: ActionFilter(overdue_only=True),
            lambda a, t: a.due is not None and a.due < TODAY and a.status != "done",
        ),
        (lambda t: ActionFilter(text="100% OF HOUSING"), lambda a, t: "100%" in a.text),
        (
            lambda t: ActionFilter(body_id=t.bodies[0].id, status="not done", overdue_only=True),
            lambda a, t: (
                a.body is t.bodies[0] and a.status != "done" and a.due is not None and a.due < TODAY
            ),
        ),
    ],
    ids=["body", "person", "organisation", "status", "not done", "overdue", "text", "combined"],
)
def test_each_filter_keeps_exactly_its_actions(tracked, flt, expected):
    chosen = flt(tracked)
    wanted = {a.id for a in tracked.made if expected(a, tracked)}
    assert wanted and len(wanted) < COUNT
    assert count_actions(chosen, today=TODAY) == len(wanted)
    assert {e.id for e in everything(chosen)} == wanted


def test_a_percent_sign_in_the_words_is_not_a_wildcard(tracked):
    assert count_actions(ActionFilter(text="Action%"), today=TODAY) == 0


def test_deleted_actions_leave_the_tracker(tracked):
    actions.delete_action(action_id=tracked.made[0].id)
    assert count_actions(ActionFilter(), today=TODAY) == COUNT - 1
    assert tracked.made[0].id not in {e.id for e in everything(ActionFilter())}


def test_owners_lists_people_by_surname_then_organisations(tracked):
    alland, bumpus, police = (owner for _, owner in tracked.owners[:3])
    assert owners() == [
        ("Simon Alland", f"person:{alland.id}"),
        ("CI Jon Bumpus", f"person:{bumpus.id}"),
        ("Kent Police", f"organisation:{police.id}"),
    ]


def test_an_unknown_status_filter_is_refused(tracked, refused):
    with refused("“finished” is not a status of an action"):
        count_actions(ActionFilter(status="finished"), today=TODAY)


def test_actions_of_a_deleted_item_leave_the_count_and_the_pages(tracked):
    gone = actions.actions_of_item(Action.get_by_id(tracked.made[0].id).item_id)
    agenda.delete_item(item_id=gone[0].item_id)
    assert count_actions(ActionFilter(), today=TODAY) == COUNT - len(gone)
    assert len(everything(ActionFilter())) == COUNT - len(gone)


def test_actions_of_a_deleted_meeting_leave_the_count_and_the_pages(tracked):
    body = create_body(name="Working Group")
    meeting = meetings.create_meeting(body_id=body.id, date=dt.date(2013, 7, 1))
    item = agenda.add_item(meeting_id=meeting.id, title="Terms of reference")
    for text in ("Draft the terms", "Circulate the terms"):
        actions.add_action(item_id=item.id, text=text)
    assert count_actions(ActionFilter(), today=TODAY) == COUNT + 2

    meetings.delete_meeting(meeting_id=meeting.id)  # not yet held: it may go
    assert count_actions(ActionFilter(), today=TODAY) == COUNT
    assert len(everything(ActionFilter())) == COUNT
