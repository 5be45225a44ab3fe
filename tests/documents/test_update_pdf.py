"""A quarterly update printed in the shape of seed 000, read back with pypdf: the board, the
title, its date and who prepared it, the overall status, and sections 1.0 to 4.0 with their
numbered paragraphs and bullets; a board's combined update in seed 002's shape; an attached
update as its item's paper in the board's agenda pack."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.documents.pack_pdf import render_pack
from desktop_app.documents.update_pdf import render_combined, render_update
from desktop_app.services.directory import bodies
from desktop_app.services.updates import attaching, writing
from tests.documents.test_registers_pdf import embedded_only
from tests.documents.test_report_pdf import flat
from tests.updates.seed import QUARTER, TODAY, WRITTEN, seed_quarter


@pytest.fixture
def seed(database):
    return seed_quarter()


@pytest.fixture
def update_id(seed) -> str:
    made = writing.draft_update(
        body_id=seed.group_id, quarter=QUARTER, prepared_by_id=seed.officer_id,
        date="2011-10-14", today=TODAY,
    )  # fmt: skip
    writing.edit_update(update_id=made.id, **WRITTEN)
    return made.id


def test_the_heading_is_the_seeds(update_id):
    text = flat(render_update(update_id))
    assert text.startswith(
        "MAIDSTONE LOCALITY BOARD Quarter 2 update: Regeneration Date: 14 October 2011 "
        "Report Prepared by: Sarah Robson Overall status: RED"
    )


def test_every_section_of_seed_000_is_numbered_in_its_order(update_id):
    text = flat(render_update(update_id))
    headings = [
        "1.0 Overview",
        "2.0 Quarter 2 delivery group update",
        "3.0 Priorities and focus",
        "4.0 Summary of activity",
    ]
    assert [text.index(h) for h in headings] == sorted(text.index(h) for h in headings)


def test_every_paragraph_and_bullet_prints_numbered_under_its_section(update_id):
    text = flat(render_update(update_id))
    assert "1.1 In July 2011 the LSP Board took part in a formal consultation" in text
    assert "1.2 The LSP Board formally voted to dissolve" in text
    assert "2.1 A presentation of the draft MBC Housing Strategy" in text
    assert "2.2 The group organised a series of stakeholder presentations" in text
    for bullet in ("Connexions: 244 unemployed", "Think 3E: a reprocessing centre"):
        assert f"• {bullet}" in text
    assert "Priority: Worklessness Focus: Young people not in employment" in text
    assert "• A worklessness forum has been set up for 9 November" in text
    assert "• Several members joined the 19 September visit to Mid Kent College" in text


def test_sections_left_empty_are_left_out_and_the_rest_renumbered(update_id):
    writing.edit_update(update_id=update_id, priorities="", focus="", rag="")
    text = flat(render_update(update_id))
    assert "Priorities and focus" not in text
    assert "3.0 Summary of activity" in text
    assert "Overall status: Not yet rated" in text


def test_every_font_is_embedded(update_id):
    embedded_only(render_update(update_id))


def test_a_board_combines_its_groups_updates_as_seed_002(seed, update_id):
    bodies.create_body(name="Safer Maidstone Partnership", kind="delivery group",
                       parent_id=seed.board_id)  # fmt: skip
    data = render_combined(
        board_id=seed.board_id, quarter=QUARTER, prepared_by="Sarah Robson",
        date=dt.date(2011, 12, 15),
        overview="The final scoping meeting of the Locality Board was held on 18 November 2011.",
    )  # fmt: skip
    text = flat(data)
    assert text.startswith(
        "MAIDSTONE LOCALITY BOARD Quarter 2 update: Maidstone Locality Board "
        "Date: 15 December 2011 Report Prepared by: Sarah Robson"
    )
    assert "1.0 Overview 1.1 The final scoping meeting" in text
    assert "2.0 Delivery Groups The 2 groups that report to Maidstone Locality Board are:" in text
    assert "• Economic Development and Regeneration — RED" in text
    assert "• Safer Maidstone Partnership — no update this quarter" in text
    assert (
        "3.0 Delivery Group Priorities The priorities each group has adopted: "
        "Economic Development and Regeneration Priority: Worklessness Focus: Young people"
    ) in text
    assert "4.0 Updates from the groups 4.1 Quarter 2 update: Regeneration (RED)" in text


def test_an_attached_update_is_its_items_paper_in_the_boards_pack(seed, update_id):
    before = flat(render_pack(seed.board_meeting_id))
    assert "2.0 Quarter 2 delivery group update" not in before
    attaching.attach_update(update_id=update_id)
    text = flat(render_pack(seed.board_meeting_id))
    assert "Quarter 2 update: Regeneration — Sarah Robson" in text  # the index names it
    assert "2.0 Quarter 2 delivery group update" in text


def test_the_example_board_holds_seed_000s_update_and_seed_002s_priorities(database):
    from desktop_app.exchange import import_file
    from desktop_app.storage.models import Body
    from tests.exchange.databases import EXAMPLE

    import_file(EXAMPLE)
    group = Body.get(Body.name == "Economic Development and Regeneration")
    q3, q2 = writing.updates_of_body(group.id)
    text = flat(render_update(q2.id))
    assert text.startswith(
        "MAIDSTONE LOCALITY BOARD Quarter 2 update: Regeneration Date: 14 October 2011 "
        "Report Prepared by: Sarah Robson Overall status: RED 1.0 Overview"
    )
    assert "to dissolve the Maidstone Local Strategic Partnership on 28 September 2011" in text
    assert "• Connexions: 244 unemployed 16-28 year olds in the borough" in text
    board = Body.get(Body.name == "Maidstone Locality Board")
    combined = flat(render_combined(board_id=board.id, quarter=q3.quarter))
    assert "The 9 groups that report to Maidstone Locality Board are:" in combined
    for name, focus in (
        ("Environmental Quality", "Reduce residential and business waste"),
        ("Local Children’s Trust", "Community Budgets pilot"),
        ("Safer Maidstone Partnership", "Partnership working through education"),
    ):
        assert f"{name} Priorities:" in combined and f"Focus: {focus}" in combined
