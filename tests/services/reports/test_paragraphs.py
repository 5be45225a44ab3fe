"""A section's text as numbered paragraphs and bullets, as seed 003 lays them out."""

from __future__ import annotations

from desktop_app.services.reports.paragraphs import Paragraph, as_entries, numbered, paragraphs


def test_a_line_is_a_paragraph_and_a_marked_line_a_bullet_of_the_one_above():
    text = "The SCS identified six areas:\n- Climate Change;\n• Health Action\n\nA second one."
    assert paragraphs(text) == [
        Paragraph("The SCS identified six areas:", ("Climate Change;", "Health Action")),
        Paragraph("A second one."),
    ]


def test_paragraphs_are_numbered_within_their_section():
    assert [n for n, _ in numbered(3, "One.\n- a\nTwo.\nThree.")] == ["3.1", "3.2", "3.3"]


def test_a_typed_number_is_dropped_so_the_printed_ones_stay_in_order():
    # Seed 003 itself numbers two paragraphs 3.2: typed numbers soon go wrong.
    assert [p.text for p in paragraphs("3.1 First.\n3.2 Second.\n3.2 Third.")] == [
        "First.",
        "Second.",
        "Third.",
    ]


def test_a_figure_at_the_start_of_a_paragraph_is_kept():
    assert paragraphs("5 delivery groups met.")[0].text == "5 delivery groups met."


def test_bullets_before_any_paragraph_take_no_number():
    assert numbered(1, "- alone\nThen words.") == [
        ("", Paragraph("", ("alone",))),
        ("1.1", Paragraph("Then words.")),
    ]


def test_as_entries_runs_the_bullets_on_after_their_paragraph():
    text = "Discuss:\n- The level of input;\n- The future of the groups; and\n- The impact"
    assert as_entries(text) == [
        "Discuss: The level of input; The future of the groups; The impact."
    ]
