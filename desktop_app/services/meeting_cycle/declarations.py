"""Declarations of interest: who declared what kind of interest in which item, and whether
they left the room for it.

The rules: the item is on this meeting's agenda; the person is on its attendance sheet as
present, substituting or in attendance; the kind is one of KINDS; a disclosable pecuniary or
"other" interest says what it is; a person declares each kind once per item; a member
who left the room for an item was not counted in its recorded vote (voting.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.errors import ValidationError
from desktop_app.rules.attending import ATTENDING
from desktop_app.services import validation
from desktop_app.services.decisions import voting
from desktop_app.services.directory.people import display_name
from desktop_app.services.meeting_cycle.attendance import open_meeting, row_of
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, Declaration, Meeting, Person, db

KINDS = ("disclosable pecuniary", "other significant", "personal", "prejudicial", "other")
DESCRIBED = ("disclosable pecuniary", "other")  # these must say what the interest is
EDITABLE = ("kind", "description", "left_room")
# A member who left the room for an item could not vote on it: a vote already recorded
# with them in it is corrected first.
STAYED = "correct the resolution first, or record that they stayed in the room"


@dataclass(frozen=True)
class DeclarationEntry:
    id: str
    item_id: str
    item_number: str
    item_title: str
    person_id: str
    name: str
    kind: str
    description: str
    left_room: bool


def declare_interest(
    *,
    meeting_id: str,
    item_id: str,
    person_id: str,
    kind: str,
    description: str = "",
    left_room: bool = False,
) -> Declaration:
    """Record that a person attending the meeting declared an interest in one of its items."""
    meeting = open_meeting(meeting_id)
    item = _item_of(meeting, item_id)
    person = validation.live_row(Person, person_id, "person")
    _refuse_not_attending(meeting, person)
    values = _clean(dict(kind=kind, description=description, left_room=left_room))
    _refuse_twice(item, person, values["kind"], except_id=None)
    with db.atomic():
        row = changes.create(
            Declaration, meeting=meeting.id, item=item.id, person=person.id, **values
        )
        voting.check_votes_still_fit(meeting.id, instead=STAYED)
    return row


def update_declaration(*, declaration_id: str, **fields) -> Declaration:
    """Change any of kind, description, left_room."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"A declaration has no field called {', '.join(sorted(unknown))}.")
    row = validation.live_row(Declaration, declaration_id, "declaration")
    open_meeting(row.meeting_id)
    values = _clean(
        {**changes.current(row, EDITABLE), **fields},
        kept_kind=None if "kind" in fields else row.kind,
    )
    if "kind" in fields and row.item_id:
        _refuse_twice(row.item, row.person, values["kind"], except_id=row.id)
    with db.atomic():
        changes.update(row, **{f: values[f] for f in fields})
        voting.check_votes_still_fit(row.meeting_id, instead=STAYED)
    return row


def withdraw_declaration(*, declaration_id: str) -> None:
    """Take back a declaration recorded by mistake; `restore_declaration` brings it back."""
    row = validation.live_row(Declaration, declaration_id, "declaration")
    open_meeting(row.meeting_id)
    with db.atomic():
        changes.delete(row)


def restore_declaration(*, declaration_id: str) -> Declaration:
    row = Declaration.get_or_none(Declaration.id == declaration_id)
    if row is None:
        raise ValidationError(f"There is no declaration with the key “{declaration_id}”.")
    meeting = open_meeting(row.meeting_id)
    if row.deleted_at is None:
        return row
    if row.item_id:
        item = _item_of(meeting, row.item_id)
        _refuse_twice(item, row.person, row.kind, except_id=row.id)
    _refuse_not_attending(meeting, row.person)
    with db.atomic():
        changes.restore(row)
        voting.check_votes_still_fit(meeting.id, instead=STAYED)
    return row


def list_declarations(meeting_id: str) -> list[DeclarationEntry]:
    """The meeting's declarations in agenda order (sub-items under their item), then as made."""
    meeting = validation.live_row(Meeting, meeting_id, "meeting")
    items = (
        AgendaItem.live()
        .select(
            AgendaItem.id,
            AgendaItem.parent,
            AgendaItem.rank,
            AgendaItem.number,
            AgendaItem.title,
        )
        .where(AgendaItem.meeting == meeting.id)
    )
    rows = (
        Declaration.live()
        .join(Person, on=(Declaration.person == Person.id))
        .where(Declaration.meeting == meeting.id)
        .select(Declaration, Person)
    )
    return declarations_in_order(items, rows, lambda row: row.person)


def declarations_in_order(items, declarations, person_of) -> list[DeclarationEntry]:
    """`declarations` of the live `items` of one meeting in agenda order, then as made (by
    when, then by the stamp of their last change); `person_of` gives a declaration's person.
    The meeting's documents list them from its rows (meeting_rows.py) by the same rule."""
    items = {item.id: item for item in items}
    entries = []
    for row in sorted(declarations, key=lambda row: (row.created_at, row.hlc)):
        item = items.get(row.__data__.get("item"))
        if item is None:  # on an item since deleted: it went with the item
            continue
        entries.append(
            (
                _agenda_place(item, items),
                DeclarationEntry(
                    id=row.id,
                    item_id=item.id,
                    item_number=item.number,
                    item_title=item.title,
                    person_id=row.__data__["person"],
                    name=display_name(person_of(row)),
                    kind=row.kind,
                    description=row.description,
                    left_room=row.left_room,
                ),
            )
        )
    # sorted() is stable, so declarations on one item stay in the order they were made.
    return [entry for _, entry in sorted(entries, key=lambda pair: pair[0])]


def _agenda_place(item: AgendaItem, items: dict[str, AgendaItem]) -> tuple[int, ...]:
    """Ranks from the top-level item down, so a sub-item sorts under its parent."""
    place, seen = [], set()
    while item is not None and item.id not in seen:
        seen.add(item.id)
        place.append((item.rank, item.id))
        item = items.get(item.__data__.get("parent"))
    return tuple(reversed(place))


def _item_of(meeting: Meeting, item_id: str) -> AgendaItem:
    item = validation.live_row(AgendaItem, item_id, "agenda item")
    if item.meeting_id != meeting.id:
        raise ValidationError(
            f"The item “{item.title}” is on the agenda of another meeting, not this one."
        )
    return item


def _refuse_not_attending(meeting: Meeting, person: Person) -> None:
    row = row_of(meeting.id, person.id)
    if row is None or row.status not in ATTENDING:
        raise ValidationError(
            f"{display_name(person)} is not recorded as attending this meeting; "
            "mark their attendance first."
        )


def _refuse_twice(item: AgendaItem, person: Person, kind: str, *, except_id: str | None) -> None:
    query = Declaration.live().where(
        (Declaration.item == item.id)
        & (Declaration.person == person.id)
        & (Declaration.kind == kind)
    )
    if except_id:
        query = query.where(Declaration.id != except_id)
    if query.exists():
        raise ValidationError(
            f"{display_name(person)} has already declared {_a(kind)} interest in “{item.title}”."
        )


def _clean(values: dict, *, kept_kind: str | None = None) -> dict:
    """Checked values; `kept_kind` is a stored kind left unchanged (an imported record may
    use a word outside KINDS, which an edit of its description should not trip over)."""
    kind = values.get("kind") or ""
    if not kind:
        raise ValidationError("Please choose the kind of interest.")
    if kind != kept_kind:
        kind = validation.choice(kind, KINDS, "kind of interest")
    description = validation.text(values.get("description"), "description of the interest")
    if kind in DESCRIBED and not description:
        raise ValidationError(f"Please describe the {kind} interest.")
    return dict(kind=kind, description=description, left_room=bool(values.get("left_room")))


def _a(kind: str) -> str:
    return f"an {kind}" if kind[:1] in ("a", "e", "i", "o", "u") else f"a {kind}"
