"""The references an import resolves once all of a body's meetings are written, as they
may name a meeting later in the file or one already here: each meeting's previous, each
item's linked meeting and earlier minute (by the rule of links.py), the meetings that
versions and progress notes name, and the minutes versions that resolutions approve."""

from __future__ import annotations

from desktop_app.exchange.import_run import ImportRun
from desktop_app.exchange.links import BodyLinks, stored_links
from desktop_app.exchange.records import VersionRef
from desktop_app.exchange.values import fail, join
from desktop_app.storage.models import AgendaItem, Body, Meeting, MinutesVersion, Resolution


def link_meetings(run: ImportRun, body_row: Body) -> None:
    """Each meeting's `previous` is the body's meeting before it by date."""
    previous = None
    for meeting in (
        Meeting.live()
        .where(Meeting.body == body_row.id)
        .order_by(Meeting.date, Meeting.start_time, Meeting.created_at)
    ):
        run.save(Meeting, meeting, previous_id=previous)
        previous = meeting.id


def link_items(run: ImportRun, body_row: Body) -> None:
    """Each item's linked meeting and earlier minute, found by the rule of links.py
    among the body's meetings, in the file or already here."""
    links = None
    for meeting, item, row in run.placed:
        linked_meeting = linked_item = None
        if item.linked_meeting is not None or item.linked_minute is not None:
            links = links or stored_links(body_row)
        if item.linked_meeting is not None:
            path = join(item.path, "linked_meeting")
            linked_meeting = _found(links.find_meeting, item.linked_meeting, path=path)
            if linked_meeting == meeting.id:
                fail(path, "an item cannot link to its own meeting")
        if item.linked_minute is not None:
            path = join(item.path, "linked_minute")
            linked_item = _found(links.find_minute, item.linked_minute, meeting.id, path=path)
            if linked_item == row.id:
                fail(path, "an item cannot link to itself")
        run.save(AgendaItem, row, linked_meeting_id=linked_meeting, linked_item_id=linked_item)


def link_references(run: ImportRun, body_row: Body) -> None:
    """The meetings that versions and progress notes name, and the minutes versions that
    resolutions approve, among the body's meetings in the file or already here."""
    if not (run.meeting_refs or run.approvals):
        return
    links = stored_links(body_row)
    for row, field, ref, path, own in run.meeting_refs:
        found = _found(links.find_meeting, ref, path=path)
        if field == "approved_at_meeting_id" and found == own:
            fail(path, "minutes are approved at a later meeting, not at their own")
        run.save(type(row), row, **{field: found})
    for row, ref, path, own in run.approvals:
        version = _approved_version(links, ref, path, own)
        run.save(Resolution, row, approves_version_id=version.id)


def _found(find, *args, path: str) -> str:
    """What `find` finds, or a refusal at `path` saying why it found nothing."""
    try:
        return find(*args)
    except LookupError as error:
        fail(path, str(error))


def _approved_version(links: BodyLinks, ref: VersionRef, path: str, own: str) -> MinutesVersion:
    """The minutes version `ref` names: of that meeting, that version or else its latest."""
    meeting_id = _found(links.find_meeting, ref.meeting, path=join(path, "meeting"))
    if meeting_id == own:
        fail(join(path, "meeting"), "a meeting cannot approve its own minutes")
    versions = MinutesVersion.live().where(MinutesVersion.meeting == meeting_id)
    if ref.version is not None:
        versions = versions.where(MinutesVersion.version == ref.version)
    found = versions.order_by(MinutesVersion.version.desc(), MinutesVersion.created_at).first()
    if found is None and ref.version is None:
        fail(
            join(path, "meeting"),
            f"the meeting on {ref.meeting} has no minutes versions; list them under its "
            "minutes_versions",
        )
    if found is None:
        fail(
            join(path, "version"),
            f"the meeting on {ref.meeting} has no minutes version {ref.version}",
        )
    return found
