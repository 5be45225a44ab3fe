"""The fingerprint of approved minutes names rows by natural keys, so it survives an export
and an import into another data folder (the chained record depends on it)."""

from __future__ import annotations

from desktop_app.exchange import export_file, import_file
from desktop_app.services.decisions import minutes_versions
from desktop_app.services.decisions.minutes_content import content_sha256
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.storage import changes
from desktop_app.storage.models import AgendaItem, Body, Meeting, Resolution, db
from tests.exchange.databases import EXAMPLE, opened


def _approve_december() -> tuple[str, str]:
    """Approve the example's December minutes at a meeting in March; (date, fingerprint)."""
    body = Body.get(Body.name == "Maidstone Locality Board")
    december = Meeting.get((Meeting.body == body.id) & (Meeting.date == "2012-12-17"))
    march = meetings.create_meeting(body_id=body.id, date="2013-03-18", status="held")
    item = agenda.add_item(meeting_id=march.id, title="Minutes", kind="previous minutes")
    with db.atomic():
        changes.update(AgendaItem.get_by_id(item.id), number="40")
    minutes_versions.approve(meeting_id=december.id, at_item_id=item.id)
    return str(december.date), content_sha256(december.id)


def _fingerprints() -> dict[str, str]:
    return {str(m.date): content_sha256(m.id) for m in Meeting.live()}


def test_an_exported_and_imported_record_keeps_its_fingerprints(tmp_path):
    exported = tmp_path / "board.json"
    with opened(tmp_path / "first"):
        import_file(EXAMPLE)
        date, approved = _approve_december()
        before = _fingerprints()
        export_file(exported)
    with opened(tmp_path / "second"):
        import_file(exported)
        assert _fingerprints() == before
        december = Meeting.get(Meeting.date == date)
        assert content_sha256(december.id) == approved
        assert not minutes_versions.content_changed_since_approval(december.id)
        approval = Resolution.get(Resolution.approves_sha256 == approved)
        assert approval.approves_version.meeting_id == december.id
