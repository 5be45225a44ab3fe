"""Full-text search: what it finds, in which scripts, how the index follows every change,
and that what the user types is never taken as FTS5 syntax."""

from __future__ import annotations

import datetime as dt
import io
import json
from types import SimpleNamespace

import pytest
from reportlab.pdfgen import canvas

from desktop_app.errors import ValidationError
from desktop_app.exchange import import_file
from desktop_app.paths import EXAMPLE_FILE
from desktop_app.services import search as search_service
from desktop_app.services.directory.bodies import create_body
from desktop_app.services.meeting_cycle import meetings
from desktop_app.services.papers import documents
from desktop_app.services.search import search, search_page
from desktop_app.storage import changes, store
from desktop_app.storage import database as storage
from desktop_app.storage.database import close_database, open_database
from desktop_app.storage.models import (
    Action,
    ActionNote,
    AgendaItem,
    Document,
    Meeting,
    Minute,
    Resolution,
    db,
    new_id,
)


def add(model, **values):
    with db.atomic():
        return changes.create(model, **values)


def item(meeting, title, rank="1", **values):
    return add(AgendaItem, meeting=meeting.id, rank=rank, title=title, **values)


def changes_update(row, title):
    with db.atomic():
        changes.update(row, title=title)


def minute(on, overview="", **values):
    return add(Minute, item=on.id, overview=overview, **values)


def insert_raw(db, table: str, **values) -> None:
    """A row written in SQL; other required columns get a placeholder (a date suits the
    timestamps and the texts alike)."""
    for _, name, kind, required, default, _ in db.execute_sql(f'PRAGMA table_info("{table}")'):
        if required and default is None and name not in values:
            values[name] = 0 if kind == "INTEGER" else "2011-03-01"
    names = ", ".join(f'"{name}"' for name in values)
    marks = ", ".join("?" for _ in values)
    db.execute_sql(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', list(values.values()))


def found(text, **options) -> set[str]:
    """The kinds of hit for `text`."""
    return {hit.kind for hit in search(text, **options)}


def pdf_file(folder, name, text):
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.showPage()
    page.save()
    path = folder / name
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def board(database):
    body = create_body(name="Maidstone Locality Board")
    meeting = meetings.create_meeting(body_id=body.id, date="2012-12-17")
    return SimpleNamespace(body=body, meeting=meeting, item=item(meeting, "Families", number="33"))


# What is found


def test_a_word_from_the_minutes_overview(board):
    minute(board.item, "The payment-by-results programme was explained.")
    (hit,) = search("programme")
    assert hit.kind == "minute"
    assert (hit.meeting_id, hit.item_id) == (board.meeting.id, board.item.id)
    assert (hit.body_name, hit.meeting_date) == ("Maidstone Locality Board", dt.date(2012, 12, 17))
    assert (hit.minute_number, hit.title) == ("33", "Families")
    assert "«programme»" in hit.snippet


def test_each_part_of_a_minute(board):
    minute(
        board.item,
        "Overview words.",
        key_points=json.dumps(["Attendance at schools was discussed."]),
        recommendations=json.dumps(["Adopt the Kent model."]),
        decision="Endorsed unanimously.",
        notes="Chair to write.",
    )
    for word in ("overview", "schools", "Kent", "unanimously", "chair"):
        assert found(word) == {"minute"}, word


def test_a_resolution(board):
    add(Resolution, item=board.item.id, text="That the pilot be extended to Shepway.")
    (hit,) = search("Shepway")
    assert hit.kind == "resolution"
    assert hit.snippet == "That the pilot be extended to «Shepway»."


def test_an_action_its_progress_and_its_notes(board):
    action = add(Action, item=board.item.id, text="Circulate the briefing", progress="Drafted")
    add(ActionNote, action=action.id, date="2013-01-10", text="Sent to the ombudsman")
    assert found("briefing") == found("drafted") == found("ombudsman") == {"action"}
    assert search("ombudsman")[0].item_id == board.item.id


def test_an_item_title(board):
    (hit,) = search("families")
    assert (hit.kind, hit.snippet) == ("item", "«Families»")


def test_the_text_of_an_attached_report(board, tmp_path):
    path = pdf_file(tmp_path, "report.pdf", "The quinquennial review of allotment rents")
    documents.attach_document(item_id=board.item.id, path=path, title="Rents report")
    (hit,) = search("quinquennial")
    assert (hit.kind, hit.item_id, hit.title) == ("document", board.item.id, "Families")
    assert "«quinquennial»" in hit.snippet
    assert found("rents report") == {"document"}


def test_a_report_that_came_without_its_text_is_found_once_extracted(board, tmp_path):
    path = pdf_file(tmp_path, "imported.pdf", "Hedgerow survey findings")
    sha256 = store.put_file(path)
    add(Document, item=board.item.id, title="Survey", sha256=sha256, filename="imported.pdf")
    assert search("hedgerow") == []
    assert documents.extract_missing_texts() == 1
    assert found("hedgerow") == {"document"}
    assert documents.extract_missing_texts() == 0


def test_every_word_must_occur(board):
    minute(board.item, "Rough sleeping rose in the winter.")
    assert found("rough winter") == {"minute"}
    assert search("rough summer") == []


def test_blank_text_finds_nothing(board):
    minute(board.item, "Anything at all.")
    assert search("") == search("   \n ") == []


# Any script


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("The Board welcomed the progress made.", "WELCOMED"),
        ("The officer's résumé was circulated.", "resume"),  # unicode61 remove_diacritics 2
        ("Το Συμβούλιο ενέκρινε τον προϋπολογισμό.", "προϋπολογισμό"),
        ("Το Συμβούλιο ενέκρινε τον προϋπολογισμό.", "ΣΥΜΒΟΎΛΙΟ"),
        ("وافق المجلس على الميزانية", "الميزانية"),
        ("委员会批准了预算报告并同意下次会议的日期。", "预算报告"),
        ("委员会批准了预算报告并同意下次会议的日期。", "预算"),  # two characters: LIKE
        ("理事会は予算案を承認しました。", "予算案"),
        ("คณะกรรมการอนุมัติงบประมาณประจำปี", "งบประมาณ"),
        ("The 委员会 approved the 预算 today.", "approved 预算"),
    ],
)
def test_a_term_in_any_script(board, stored, typed):
    minute(board.item, stored)
    (hit,) = search(typed)
    assert hit.kind == "minute"
    assert "«" in hit.snippet and "»" in hit.snippet


def test_a_chinese_term_absent_from_the_sentence_is_not_found(board):
    minute(board.item, "委员会批准了预算报告并同意下次会议的日期。")
    assert search("选举") == search("预算表") == []


# FTS5 syntax is literal


@pytest.mark.parametrize(
    "typed",
    ["fly-tipping", '"hotspots"', "(rural", "costs*", "^rural", "AND costs", "hotspots)"],
)
def test_syntax_characters_are_searched_for_as_they_are(board, typed):
    minute(board.item, 'Fly-tipping "hotspots" (rural wards) and costs*')
    assert found(typed) == {"minute"}


@pytest.mark.parametrize(
    "typed",
    ["NOT costs", "rural OR zebra", "NEAR(rural wards)", "text:rural", "*", '"', "-", "()", "^"],
)
def test_operators_are_words_and_punctuation_alone_finds_nothing(board, typed):
    minute(board.item, 'Fly-tipping "hotspots" (rural wards) and costs*')
    assert search(typed) == []


# Confidential items


def test_hits_on_a_part_two_item_and_under_it_are_flagged(board):
    secret = item(
        board.meeting, "Staffing restructure", "2", confidential=True, exempt_paragraph="1"
    )
    under = add(AgendaItem, meeting=board.meeting.id, parent=secret.id, rank="1", title="Posts")
    minute(secret, "Redundancy terms were agreed.")
    minute(under, "Redundancy pay was costed.")
    minute(board.item, "No redundancy is expected.")
    flags = {hit.title: hit.confidential for hit in search("redundancy")}
    assert flags == {"Staffing restructure": True, "Posts": True, "Families": False}


def test_a_confidential_paper_on_a_public_item_is_flagged(board, tmp_path):
    path = pdf_file(tmp_path, "bids.pdf", "Tender prices from the bidders")
    documents.attach_document(item_id=board.item.id, path=path, confidential=True)
    minute(board.item, "The tender was discussed.")
    flags = {hit.kind: hit.confidential for hit in search("tender")}
    assert flags == {"document": True, "minute": False}


# The index follows every change


def test_an_edit_replaces_the_old_words(board):
    row = minute(board.item, "Original wording.")
    with db.atomic():
        changes.update(row, overview="Revised wording.")
    assert search("original") == []
    assert found("revised") == {"minute"}


def test_a_tombstone_hides_and_a_restore_brings_back(board):
    row = minute(board.item, "Ephemeral remark.")
    with db.atomic():
        changes.delete(row)
    assert search("ephemeral") == []
    with db.atomic():
        changes.restore(row)
    assert found("ephemeral") == {"minute"}


def test_a_deleted_item_hides_its_minutes(board):
    minute(board.item, "Orchard planting.")
    with db.atomic():
        changes.delete(board.item)
    assert search("orchard") == []
    with db.atomic():
        changes.restore(board.item)
    assert found("orchard") == {"minute"}


def test_a_removed_paper_is_not_found_until_restored(board, tmp_path):
    path = pdf_file(tmp_path, "walls.pdf", "Drystone walls inventory")
    paper = documents.attach_document(item_id=board.item.id, path=path)
    documents.remove_document(document_id=paper.id)
    assert search("drystone") == []
    documents.restore_document(document_id=paper.id)
    assert found("drystone") == {"document"}


def test_a_row_replaced_whole_leaves_one_entry(board):
    row = minute(board.item, "Superseded text.")
    # INSERT OR REPLACE deletes the old row without firing its delete trigger.
    Minute.replace(**{**row.__data__, "overview": "Replacement text."}).execute()
    assert search("superseded") == []
    assert len(search("replacement")) == 1
    Minute.replace(**{**row.__data__, "deleted_at": "2013-01-01T00:00:00.000+00:00"}).execute()
    assert search("replacement") == []


def test_the_index_agrees_with_its_entries_after_every_kind_of_change(board, tmp_path):
    row = minute(board.item, "First words. 委员会批准了预算报告")
    with db.atomic():
        changes.update(row, overview="Second words. 委员会同意了")
        changes.delete(row)
        changes.restore(row)
        changes.update(board.item, title="Families and 预算")
    Minute.replace(**{**row.__data__, "overview": "Third words."}).execute()
    path = pdf_file(tmp_path, "late.pdf", "Late words")
    paper = documents.attach_document(item_id=board.item.id, path=path)
    documents.keep_text(paper.sha256, "Later words 选举")
    Minute.delete().where(Minute.id == row.id).execute()
    # rank 1: the index is compared with `search_entry`, its content (every entry is in
    # search_text; search_trigram holds only some, so only its own structure is checked).
    db.execute_sql("INSERT INTO search_text (search_text, rank) VALUES ('integrity-check', 1)")
    db.execute_sql("INSERT INTO search_trigram (search_trigram) VALUES ('integrity-check')")
    assert found("later 选举") == {"document"}
    assert found("预算") == {"item"}
    assert search("委员会") == search("third") == []


def test_moving_a_meeting_moves_its_hits(board):
    minute(board.item, "Quarterly figures.")
    meetings.update_meeting(meeting_id=board.meeting.id, date="2013-01-14")
    assert search("quarterly")[0].meeting_date == dt.date(2013, 1, 14)


def test_rows_arriving_before_their_item_and_meeting_are_placed_when_they_come(database):
    body = create_body(name="Sync Board")
    meeting_id, item_id, action_id = new_id(), new_id(), new_id()
    # A sync applies rows in any order; foreign keys are checked at commit.
    with db.atomic():
        changes.create(Minute, item=item_id, overview="Lighthouse keepers.")
        changes.create(ActionNote, action=action_id, date="2014-02-03", text="Lighthouse visit")
        changes.create(Action, id=action_id, item=item_id, text="Visit")
        changes.create(AgendaItem, id=item_id, meeting=meeting_id, rank="1", title="Coast")
        changes.create(Meeting, id=meeting_id, body=body.id, date="2014-01-20")
    hits = search("lighthouse")
    assert {hit.kind for hit in hits} == {"minute", "action"}
    assert {(hit.item_id, hit.meeting_date) for hit in hits} == {(item_id, dt.date(2014, 1, 20))}


def test_an_import_is_searchable_and_a_second_import_adds_no_hits(database):
    import_file(EXAMPLE_FILE)
    hits = search("Troubled")
    assert hits and {hit.body_name for hit in hits} == {"Maidstone Locality Board"}
    assert {"item", "minute", "resolution", "action"} <= {hit.kind for hit in hits}
    import_file(EXAMPLE_FILE)
    assert len(search("Troubled")) == len(hits)


def test_a_database_from_before_the_index_is_searchable_after_the_migration(data_dir, monkeypatch):
    every = storage.migration_modules()
    monkeypatch.setattr(storage, "migration_modules", lambda: every[:3])
    old = open_database(data_dir)
    # Rows as the schema of step 3 held them: today's models have columns it lacks.
    insert_raw(old, "body", id="b", name="Old Board")
    insert_raw(old, "meeting", id="m", body_id="b", date="2011-03-01")
    insert_raw(old, "agenda_item", id="i", meeting_id="m", position=1, title="Harbour dues")
    insert_raw(old, "minute", id="n", item_id="i", overview="Pilotage charges rose.")
    close_database()
    monkeypatch.setattr(storage, "migration_modules", lambda: every)
    open_database(data_dir)
    try:
        assert found("pilotage") == {"minute"}
        assert found("harbour") == {"item"}
    finally:
        close_database()


# Order, limit and body


def test_the_newest_meeting_comes_first_among_equal_hits(board):
    later = meetings.create_meeting(body_id=board.body.id, date="2013-03-18")
    item(later, "Families", number="41")
    assert [hit.meeting_id for hit in search("families")] == [later.id, board.meeting.id]


def test_a_better_match_comes_before_a_newer_meeting(board):
    later = meetings.create_meeting(body_id=board.body.id, date="2013-03-18")
    minute(
        item(later, "Other business"),
        "Several matters were raised, among them families, housing, transport, parking, "
        "litter, grants, planning, licensing and the budget for the coming year.",
    )
    assert [hit.kind for hit in search("families")] == ["item", "minute"]


def test_limit_counts_only_live_hits(board):
    gone = item(board.meeting, "Withdrawn", "2")
    minute(gone, "Zebra crossing zebra crossing.")  # the better match, on a deleted item
    minute(board.item, "A zebra crossing on the high street was requested by residents.")
    with db.atomic():
        changes.delete(gone)
    (hit,) = search("zebra", limit=1)
    assert hit.item_id == board.item.id


def test_a_body_narrows_the_search(board):
    other = create_body(name="Audit Committee")
    meeting = meetings.create_meeting(body_id=other.id, date="2012-11-05")
    minute(item(meeting, "Accounts"), "Families fund accounts.")
    assert {hit.body_name for hit in search("families")} == {
        "Maidstone Locality Board",
        "Audit Committee",
    }
    assert {hit.body_name for hit in search("families", body_id=other.id)} == {"Audit Committee"}


def test_an_unknown_body_is_refused(board):
    with pytest.raises(ValidationError, match="There is no body"):
        search("families", body_id="nowhere")


# Pages: the newest matches ranked together, then older ones


def budget_items(board, years, title="Budget"):
    """An item of that title at a meeting on 1 June of each year, oldest first."""
    made = []
    for year in years:
        meeting = meetings.create_meeting(body_id=board.body.id, date=f"{year}-06-01")
        made.append(item(meeting, title, number=str(year)))
    return made


def every_page(text, limit, **options):
    pages = [search_page(text, limit=limit, **options)]
    while pages[-1].more is not None:
        pages.append(search_page(text, limit=limit, cursor=pages[-1].more, **options))
    return pages


def test_pages_go_from_the_newest_matches_to_the_oldest_each_once(board, monkeypatch):
    monkeypatch.setattr(search_service, "WINDOW", 3)
    made = budget_items(board, range(2001, 2009))
    pages = every_page("budget", limit=2)
    assert [len(page.hits) for page in pages] == [2, 2, 2, 2]
    shown = [hit.item_id for page in pages for hit in page.hits]
    assert shown == [i.id for i in reversed(made)]  # equal matches: the newest first
    assert pages[0].since == dt.date(2006, 6, 1)  # the oldest of the newest three
    assert pages[-1].more is None and pages[-1].since == dt.date(2001, 6, 1)


def test_the_best_of_the_newest_matches_comes_first_and_older_ones_follow(board, monkeypatch):
    monkeypatch.setattr(search_service, "WINDOW", 2)
    old_best, old, newer, newest = budget_items(board, (2001, 2002, 2003, 2004))
    # A closer match in the newest two, and one that is closer still but older than them.
    changes_update(newer, "Budget budget")
    changes_update(old_best, "Budget budget budget")
    (first,) = pages = every_page("budget", limit=4)
    assert [hit.item_id for hit in first.hits] == [newer.id, newest.id, old_best.id, old.id]
    assert pages[0].more is None


def test_a_deleted_hit_is_passed_over_and_the_pages_still_meet(board, monkeypatch):
    monkeypatch.setattr(search_service, "WINDOW", 3)
    made = budget_items(board, range(2001, 2007))
    with db.atomic():
        changes.delete(Meeting.get_by_id(made[4].meeting_id))  # 2005's: its hit stays indexed
    pages = every_page("budget", limit=2)
    shown = [hit.item_id for page in pages for hit in page.hits]
    assert shown == [made[5].id, made[3].id, made[2].id, made[1].id, made[0].id]


def test_a_body_pages_through_its_own_meetings_only(board, monkeypatch):
    monkeypatch.setattr(search_service, "WINDOW", 2)
    mine = budget_items(board, range(2001, 2005))
    other = create_body(name="Audit Committee")
    for year in range(2001, 2005):
        item(meetings.create_meeting(body_id=other.id, date=f"{year}-07-01"), "Budget")
    pages = every_page("budget", limit=1, body_id=board.body.id)
    assert [hit.item_id for page in pages for hit in page.hits] == [i.id for i in reversed(mine)]


def test_a_meeting_moved_back_in_time_moves_its_hits_to_a_later_page(board, monkeypatch):
    monkeypatch.setattr(search_service, "WINDOW", 2)
    first, second, third = budget_items(board, (2001, 2002, 2003))
    meetings.update_meeting(meeting_id=third.meeting_id, date="2000-01-10")
    pages = every_page("budget", limit=2)
    assert [[hit.item_id for hit in page.hits] for page in pages] == [
        [second.id, first.id],
        [third.id],
    ]
    assert pages[1].hits[0].meeting_date == dt.date(2000, 1, 10)
    db.execute_sql("INSERT INTO search_text (search_text, rank) VALUES ('integrity-check', 1)")


def test_an_unspaced_term_pages_too(board, monkeypatch):
    monkeypatch.setattr(search_service, "WINDOW", 2)
    made = budget_items(board, (2001, 2002, 2003), title="预算")
    pages = every_page("预算", limit=2)  # two characters: looked for with LIKE
    assert [hit.item_id for page in pages for hit in page.hits] == [i.id for i in reversed(made)]
    pages = every_page("预算报", limit=2)
    assert pages == [search_page("预算报")] and pages[0].hits == []


def test_an_index_from_before_the_order_is_written_again_newest_first(data_dir, monkeypatch):
    every = storage.migration_modules()
    before = [m for m in every if m[0] < 15]
    monkeypatch.setattr(storage, "migration_modules", lambda: before)
    open_database(data_dir)
    body = create_body(name="Old Board")
    older = meetings.create_meeting(body_id=body.id, date="2011-03-01")
    newer = meetings.create_meeting(body_id=body.id, date="2012-03-01")
    item(newer, "Harbour dues", number="2")  # written first, so its entry's id is the lower
    item(older, "Harbour dues", number="1")
    close_database()
    monkeypatch.setattr(storage, "migration_modules", lambda: every)
    open_database(data_dir)
    try:
        assert [hit.meeting_id for hit in search("harbour")] == [newer.id, older.id]
        assert [hit.meeting_id for hit in search("harbour", body_id=body.id)] == [
            newer.id,
            older.id,
        ]
        db.execute_sql("INSERT INTO search_text (search_text, rank) VALUES ('integrity-check', 1)")
    finally:
        close_database()
