"""The key order export writes (format_fields.py), checked over a whole exported record."""

from __future__ import annotations

from desktop_app.exchange import format_fields


def in_order(value: dict, fields: tuple[str, ...]) -> bool:
    return list(value) == [name for name in fields if name in value]


def assert_in_format_order(data: dict) -> None:
    assert in_order(data, format_fields.TOP_FIELDS)
    assert {"format", "organisations", "people", "bodies"} <= set(data)
    for signer in data.get("signers", []):
        assert list(signer) == list(format_fields.SIGNER_FIELDS)
    for person in data["people"]:
        assert in_order(person, format_fields.PERSON_FIELDS)
    for body in data["bodies"]:
        assert in_order(body, format_fields.BODY_FIELDS)
        assert in_order(body["numbering"], format_fields.NUMBERING_FIELDS)
        for entry in body.get("template", []):
            assert list(entry) == list(format_fields.TEMPLATE_FIELDS)
        if "report_template" in body:
            assert in_order(body["report_template"], format_fields.REPORT_TEMPLATE_FIELDS)
        for member in body.get("members", []):
            assert in_order(member, format_fields.MEMBER_FIELDS)
        for meeting in body.get("meetings", []):
            assert in_order(meeting, format_fields.MEETING_FIELDS)
            for version in meeting.get("minutes_versions", []):
                assert in_order(version, format_fields.MINUTES_VERSION_FIELDS)
            for line in meeting.get("attendance", []):
                assert in_order(line, format_fields.ATTENDANCE_FIELDS)
            _check_items(meeting.get("items", []))


def _check_items(items: list[dict]) -> None:
    for item in items:
        assert in_order(item, format_fields.ITEM_FIELDS), item["title"]
        if isinstance(item.get("linked_minute"), dict):
            assert in_order(item["linked_minute"], format_fields.LINKED_MINUTE_FIELDS)
        for declaration in item.get("declarations", []):
            assert in_order(declaration, format_fields.DECLARATION_FIELDS)
        if "minute" in item:
            assert in_order(item["minute"], format_fields.MINUTE_FIELDS)
        for resolution in item.get("resolutions", []):
            assert in_order(resolution, format_fields.RESOLUTION_FIELDS)
            if "approves" in resolution:
                assert in_order(resolution["approves"], format_fields.APPROVES_FIELDS)
        for action in item.get("actions", []):
            assert in_order(action, format_fields.ACTION_FIELDS)
            for note in action.get("notes", []):
                assert in_order(note, format_fields.ACTION_NOTE_FIELDS)
        for document in item.get("documents", []):
            assert in_order(document, format_fields.DOCUMENT_FIELDS)
        if "report" in item:
            assert in_order(item["report"], format_fields.REPORT_FIELDS)
            for implication in item["report"].get("implications", {}).values():
                assert in_order(implication, format_fields.IMPLICATION_FIELDS)
        _check_items(item.get("items", []))
