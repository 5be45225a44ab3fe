"""Every synced model stores what it is given, with its bookkeeping, in a real file."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from peewee import IntegrityError

from desktop_app.clock import Stamp
from desktop_app.storage import changes
from desktop_app.storage.database import context
from desktop_app.storage.models import (
    SYNCED_MODELS,
    Action,
    ActionNote,
    AgendaItem,
    Attendance,
    Body,
    Declaration,
    Document,
    JournalEntry,
    Meeting,
    Membership,
    Minute,
    MinutesVersion,
    NamedVote,
    Organisation,
    PackIssue,
    Person,
    Plan,
    PlanAction,
    PlanMeasure,
    PlanOutcome,
    PlanPartner,
    PlanPriority,
    PlanProgress,
    PlanReading,
    QuarterlyUpdate,
    Report,
    Resolution,
    Signer,
    db,
    new_id,
)

PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n"


def realistic_values() -> list[tuple[type, dict]]:
    """One row of every synced model, parents first, as a clerk would fill them in."""
    ids = {name: new_id() for name in ("org", "person", "sub", "board", "group", "meeting")}
    ids.update({name: new_id() for name in ("item", "sub_item", "resolution", "signer", "action")})
    ids.update({name: new_id() for name in ("plan", "priority", "outcome", "plan_action")})
    ids["measure"] = new_id()
    return [
        (Organisation, dict(id=ids["org"], name="NHS West Kent 🏥")),
        (
            Person,
            dict(
                id=ids["person"],
                key="stockell",
                title="Cllr Mrs",
                name="Paulina Stockell",
                organisation=ids["org"],
                position="Vice-Chair — Maidstone Rural West",
                email="paulina.stockell@kent.gov.uk",
                phone="+44 1622 602000",
            ),
        ),
        (Person, dict(id=ids["sub"], key="zoë", name="Zoë Ødegård-Łukasiewicz", title="CI")),
        (
            Body,
            dict(
                id=ids["board"],
                name="Maidstone Locality Board",
                kind="board",
                quorum="1/3",
                venue="Town Hall, High Street, Maidstone",
                numbering_pattern="{yy}/{n}",
                numbering_restart="yearly",
                numbering_year_starts="05-01",
                numbering_next=30,
                clerk=ids["sub"],
            ),
        ),
        (
            Body,
            dict(
                id=ids["group"],
                name="Troubled Families Delivery Group — 家庭",
                kind="delivery group",
                parent=ids["board"],
                quorum="3",
            ),
        ),
        (
            Membership,
            dict(
                body=ids["board"],
                person=ids["person"],
                role="vice-chair",
                organisation=ids["org"],
                voting=False,
                from_date=dt.date(2012, 5, 1),
                to_date=dt.date(2013, 4, 30),
            ),
        ),
        (
            Meeting,
            dict(
                id=ids["meeting"],
                body=ids["board"],
                date=dt.date(2012, 12, 17),
                start_time="14:00",
                end_time="16:05",
                venue="Council Chamber, Maidstone House",
                kind="ordinary",
                status="minutes drafted",
                status_reason="",
                is_public=False,
                chair=ids["person"],
                public_attendees=3,
            ),
        ),
        (
            AgendaItem,
            dict(
                id=ids["item"],
                meeting=ids["meeting"],
                rank="5",
                number="34",
                title="Troubled Families — update 👪",
                kind="report",
                presenter_person=ids["sub"],
                presenter_organisation=ids["org"],
                purpose="for decision",
                confidential=True,
                exempt_paragraph="3",
                brief_note="Chair to move that the public be excluded — para 3 ✔",
                minutes_allowed=20,
            ),
        ),
        (
            AgendaItem,
            dict(
                id=ids["sub_item"],
                meeting=ids["meeting"],
                parent=ids["item"],
                rank="1",
                title="Budget",
            ),
        ),
        (
            Document,
            dict(
                item=ids["item"],
                title="Troubled Families report",
                author="Zoë Ødegård",
                date=dt.date(2012, 12, 10),
                confidential=True,
                filename="troubled-families.pdf",
                sha256="a" * 64,
                size=123_456,
            ),
        ),
        (
            Attendance,
            dict(
                meeting=ids["meeting"],
                person=ids["sub"],
                status="substitute",
                substitute_for=ids["person"],
                capacity="Kent Police",
                arrived="14:10",
                left="15:45",
            ),
        ),
        (
            Declaration,
            dict(
                meeting=ids["meeting"],
                item=ids["item"],
                person=ids["person"],
                kind="other significant interest",
                description="Trustee of a family charity",
                left_room=True,
            ),
        ),
        (
            Minute,
            dict(
                item=ids["item"],
                overview="The Board received an update 📈.",
                key_points=json.dumps(["120 families", "Ποσοστό 40%"], ensure_ascii=False),
                recommendations=json.dumps(["Endorse the plan"]),
                decision="That the plan be endorsed.",
                notes="Ask Ms Ødegård for figures.",
            ),
        ),
        (
            Resolution,
            dict(
                id=ids["resolution"],
                item=ids["item"],
                position=1,
                text="That the Board endorses the Troubled Families plan.",
                outcome="endorsed",
                proposer=ids["person"],
                seconder=ids["sub"],
                votes_for=9,
                votes_against=1,
                votes_abstain=0,
                approves_sha256="",
            ),
        ),
        (NamedVote, dict(resolution=ids["resolution"], person=ids["sub"], vote="against")),
        (
            Action,
            dict(
                id=ids["action"],
                item=ids["item"],
                position=2,
                text="Circulate the family figures to all members",
                owner_person=ids["sub"],
                owner_organisation=ids["org"],
                due=dt.date(2013, 1, 7),
                status="on track",
                progress="Draft sent 2 January ✔",
            ),
        ),
        (
            Signer,
            dict(
                id=ids["signer"],
                person=ids["person"],
                certificate_pem=PEM,
                fingerprint="AB:CD:EF",
                key_hint="chair-2012.p12",
            ),
        ),
        (
            MinutesVersion,
            dict(
                meeting=ids["meeting"],
                version=2,
                state="signed",
                pdf_sha256="b" * 64,
                approved_at_meeting=ids["meeting"],
                approved_minute="36",
                signed_by=ids["signer"],
                signed_at="2013-02-11T10:00:00.000+00:00",
                created_by="clerk",
                circulated_at="2013-01-07T09:00:00.000+00:00",
                circulated_by="clerk",
                approved_at="2013-02-11T09:30:00.000+00:00",
                content_sha256="c" * 64,
            ),
        ),
        (
            ActionNote,
            dict(
                action=ids["action"],
                date=dt.date(2013, 1, 2),
                text="Draft figures sent to members — première version ✔",
                meeting=ids["meeting"],
            ),
        ),
        (
            PackIssue,
            dict(
                meeting=ids["meeting"],
                number=2,
                public=True,
                issued_at="2012-12-10T09:00:00.000+00:00",
                issued_by="clerk",
                pdf_sha256="d" * 64,
                page_count=41,
                pages='[{"document": "x", "title": "Report £3", "first": "23a", "last": "23d"}]',
                changes="Added: Troubled Families report (pages 23a–23d).",
            ),
        ),
        (
            Report,
            dict(
                item=ids["item"],
                title="Local Strategic Partnership – Written Update",
                report_of=ids["sub"],
                report_of_role="Overview & Scrutiny Officer",
                introduction="At its meeting of 1 November 2011 the Committee resolved that:\n- …",
                recommendations="The Committee is recommended to consider the update.",
                financial="£3,200 per family ✔",
                financial_relevant=True,
                state="approved",
                submitted_at="2012-12-03T09:00:00.000+00:00",
                approved_by=ids["person"],
                approved_at="2012-12-04T09:00:00.000+00:00",
                content_sha256="e" * 64,
            ),
        ),
        (
            Plan,
            dict(
                id=ids["plan"],
                body=ids["board"],
                title="Community Development Strategy – “Your community, our priority”",
                starts=dt.date(2012, 4, 1),
                ends=dt.date(2016, 3, 31),
                introduction="Community development is at the heart of the Council’s aim.",
            ),
        ),
        (
            PlanPriority,
            dict(
                id=ids["priority"],
                plan=ids["plan"],
                number=1,
                title="Tackling disadvantage",
                why="Life expectancy for men in the most deprived wards is five years below",
            ),
        ),
        (
            PlanOutcome,
            dict(
                id=ids["outcome"],
                plan=ids["plan"],
                priority=ids["priority"],
                letter="a",
                text="Improve early years development",
            ),
        ),
        (
            PlanAction,
            dict(
                id=ids["plan_action"],
                plan=ids["plan"],
                outcome=ids["outcome"],
                position=0,
                text="Increase targeted support for families with children aged 0-3",
                lead_person=ids["person"],
                lead_organisation=None,
                target=dt.date(2015, 12, 31),
                target_wording="By December 2015",
                status="at risk",
            ),
        ),
        (PlanPartner, dict(action=ids["plan_action"], organisation=ids["org"], position=0)),
        (
            PlanProgress,
            dict(
                action=ids["plan_action"],
                quarter=dt.date(2012, 10, 1),
                status="on track",
                text="Two Children’s Centres now run the 0–3 sessions.",
            ),
        ),
        (
            PlanMeasure,
            dict(
                id=ids["measure"],
                plan=ids["plan"],
                priority=ids["priority"],
                position=0,
                name="Percentage of obese adults",
                unit="%",
                baseline=26.5,
                baseline_date=dt.date(2012, 1, 1),
                comparator=24.2,
                comparator_label="national average",
                target=24.2,
                target_date=dt.date(2016, 3, 31),
            ),
        ),
        (PlanReading, dict(measure=ids["measure"], date=dt.date(2013, 3, 31), value=25.9, note="")),
        (
            QuarterlyUpdate,
            dict(
                body=ids["group"],
                quarter=dt.date(2011, 7, 1),
                title="Quarter 2 update: Regeneration",
                date=dt.date(2011, 10, 10),
                prepared_by=ids["person"],
                rag="red",
                overview="The LSP Board voted to dissolve on 28 September 2011.",
                delivery="A presentation of the draft Housing Strategy was given.",
                priorities="Worklessness",
                focus="Young people not in employment, education or training",
                activity="- A worklessness forum has been set up for 9 November",
                item=ids["item"],
            ),
        ),
    ]


@pytest.fixture
def stored(database):
    """Each synced model -> (id of its stored row, the values it was created with)."""
    rows = {}
    with db.atomic():
        for model, values in realistic_values():
            row = changes.create(model, **values)
            rows.setdefault(model, (row.id, values))
    return rows


def test_the_realistic_values_cover_every_synced_model():
    assert {model for model, _ in realistic_values()} == set(SYNCED_MODELS)


@pytest.mark.parametrize("model", SYNCED_MODELS, ids=lambda m: m.__name__)
def test_every_synced_model_reads_back_what_was_stored(stored, model):
    row_id, values = stored[model]
    again = model.get_by_id(row_id)
    read = {name: again.__data__[model._meta.combined[name].name] for name in values}
    assert read == values


def test_ids_are_fresh_uuid_strings(database):
    with db.atomic():
        first = changes.create(Organisation, name="Kent Police")
        second = changes.create(Organisation, name="Jobcentre Plus")
    for row in (first, second):
        assert isinstance(row.id, str)
        assert str(uuid.UUID(row.id)) == row.id
    assert first.id != second.id


@pytest.mark.parametrize("model", SYNCED_MODELS, ids=lambda m: m.__name__)
def test_every_synced_row_gets_its_times_and_clock_stamp(stored, model):
    again = model.get_by_id(stored[model][0])
    created = dt.datetime.fromisoformat(again.created_at)
    assert created.utcoffset() == dt.timedelta(0)
    assert again.updated_at == again.created_at
    assert Stamp.parse(again.hlc).device == context().device_id
    assert again.deleted_at is None


def test_a_child_may_be_written_before_its_parent_in_one_transaction(database):
    organisation_id = new_id()
    with db.atomic():
        person = changes.create(
            Person, key="bumpus", name="Jon Bumpus", organisation=organisation_id
        )
        changes.create(Organisation, id=organisation_id, name="Kent Police")

    assert Person.get_by_id(person.id).organisation.name == "Kent Police"


def test_a_dangling_foreign_key_is_refused_at_commit_and_nothing_is_kept(database):
    journal_before = JournalEntry.select().count()

    with pytest.raises(IntegrityError):
        with db.atomic():
            changes.create(Person, key="bumpus", name="Jon Bumpus", organisation=new_id())

    assert Person.select().count() == 0
    assert JournalEntry.select().count() == journal_before
    assert not db.in_transaction()
