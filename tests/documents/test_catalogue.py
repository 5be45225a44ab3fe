"""The catalogue of documents: names and titles as a clerk files them, the period of a
register, progress handed to the long ones, and every entry rendering."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from desktop_app.documents import catalogue
from desktop_app.errors import Cancelled, ValidationError
from desktop_app.storage.models import Meeting

DECEMBER = dt.date(2012, 12, 17)


class Recorder:
    def __init__(self, cancel: bool = False):
        self.cancelled = cancel
        self.reports: list[tuple[int, int]] = []

    def report(self, done: int, total: int) -> None:
        self.reports.append((done, total))


def test_a_meeting_document_is_named_by_date_body_and_edition(example_meeting):
    target = catalogue.meeting_target(example_meeting)
    public = catalogue.document("public-agenda")
    assert public.file_name(target) == "2012-12-17 Maidstone Locality Board agenda (public).pdf"
    assert public.title(target) == "Public agenda — Maidstone Locality Board, 17 December 2012"


def test_a_register_is_named_by_its_period():
    target = catalogue.Target(
        "id", "Maidstone Locality Board", since=dt.date(2012, 1, 1), until=DECEMBER
    )
    decisions = catalogue.document("decisions")
    assert (
        decisions.file_name(target)
        == "Maidstone Locality Board decisions register 2012-01-01 to 2012-12-17.pdf"
    )
    assert decisions.title(target) == (
        "Decisions register — Maidstone Locality Board, 1 January 2012 to 17 December 2012"
    )


def test_characters_a_file_system_refuses_are_replaced():
    target = catalogue.Target("id", 'Audit/Risk: "Panel"', date=DECEMBER)
    assert (
        catalogue.document("agenda").file_name(target)
        == "2012-12-17 Audit-Risk- -Panel- agenda.pdf"
    )


def test_the_period_defaults_to_the_twelve_months_to_today():
    assert catalogue.period(None, None, today=DECEMBER) == (dt.date(2011, 12, 17), DECEMBER)
    leap = dt.date(2012, 2, 29)
    assert catalogue.period(None, None, today=leap) == (dt.date(2011, 2, 28), leap)
    assert catalogue.period("2012-01-01", "2012-06-30", today=DECEMBER) == (
        dt.date(2012, 1, 1),
        dt.date(2012, 6, 30),
    )


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        ("2012-13-01", None, "“2012-13-01” is not a real date for the start of the period"),
        (None, "soon", "“soon” is not a date for the end of the period"),
        ("2012-12-31", "2012-01-01", "The period ends before it starts."),
    ],
)
def test_a_bad_period_is_refused(since, until, message):
    with pytest.raises(ValidationError, match=message):
        catalogue.period(since, until, today=DECEMBER)


def test_an_unknown_document_is_refused():
    with pytest.raises(ValidationError, match="There is no document called “leaflet”"):
        catalogue.document("leaflet")


def test_the_pack_reports_progress_and_stops_when_cancelled(papered_meeting):
    pack = catalogue.document("pack")
    recorder = Recorder()
    pack.render(papered_meeting.meeting_id, progress=recorder)
    assert recorder.reports and recorder.reports[-1][0] == recorder.reports[-1][1]
    with pytest.raises(Cancelled):
        pack.render(papered_meeting.meeting_id, progress=Recorder(cancel=True))


@pytest.mark.parametrize("key", [k for k, v in catalogue.DOCUMENTS.items() if v.scope == "meeting"])
def test_every_meeting_document_renders(papered_meeting, key):
    data = catalogue.document(key).render(papered_meeting.meeting_id)
    assert len(PdfReader(io.BytesIO(data)).pages) >= 1


@pytest.mark.parametrize("key", [k for k, v in catalogue.DOCUMENTS.items() if v.scope == "body"])
def test_every_register_renders(example_meeting, key):
    kind = catalogue.document(key)
    body_id = Meeting.get_by_id(example_meeting).__data__["body"]
    options = {"from_date": dt.date(2012, 1, 1), "to_date": DECEMBER} if kind.period else {}
    data = kind.render(body_id, **options)
    assert len(PdfReader(io.BytesIO(data)).pages) >= 1
